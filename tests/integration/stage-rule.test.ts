/**
 * "Has reached a stage" is one rule (lib/rules/stages.ts) written as TypeScript,
 * as a Prisma where and as SQL, and it reads the program's lifecycle, not code.
 * Projects of two programs with different lifecycles are stored in every stage,
 * including ones that left early after reaching some; the three forms must pick
 * the same projects for every stage of either path, and every page that counts
 * by the rule (home and dashboard headline, funnel, directions, the list's
 * `reached` filter, the export) must count what the TypeScript form counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { getDirectionStages, getFunnel } from '@/lib/data/dashboard';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { listProjects } from '@/lib/data/projects';
import type { Actor } from '@/lib/rules/authz';
import { projectWhere } from '@/lib/rules/project-filter';
import { hasReached, pathOf, reachedOrderAfter, reachedSql, reachedWhere, stagesInOrder, type Lifecycle } from '@/lib/rules/stages';
import { sql } from '@/lib/server/db';
import { upsertLifecycle } from '@/seeds/helpers';
import { SANDBOX } from '@/seeds/lifecycles';
import { resetDatabase, testClient } from '../support/db';
import { createProgram, day } from '../support/factories';
import { exported, rowsOf } from '../support/transfers';

const prisma = testClient();
const regulator: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't', programs: 'ALL' };
type Stored = { code: string; program: string; reachedOrder: number };
const stored: Stored[] = [];
const lifecycles = new Map<string, Lifecycle>();

beforeAll(async () => {
  await resetDatabase(prisma);
  const lead = await prisma.institution.create({ data: { name: '规则机构', kind: 'BANK' } });
  const pilot = await createProgram(prisma, 'RULE');
  const sandboxLifecycle = await prisma.$transaction((tx) => upsertLifecycle(tx, SANDBOX));
  const sandbox = await prisma.program.create({
    data: { code: 'RULE-SB', name: '规则沙盒', nameEn: 'Rule sandbox', region: 'test', lifecycleId: sandboxLifecycle.id },
  });
  for (const program of [pilot.program, sandbox]) {
    const lifecycle = await getProgramLifecycle(program.id);
    lifecycles.set(program.code, lifecycle);
    // Every stage; for a stage off the path, every stage it may have been left from.
    const path = pathOf(lifecycle);
    const cases = stagesInOrder(lifecycle).flatMap((stage) =>
      stage.onPath
        ? [{ stage, reachedOrder: stage.sortOrder }]
        : path.slice(0, -1).map((left) => ({ stage, reachedOrder: reachedOrderAfter(left.sortOrder, stage) })),
    );
    for (const [n, c] of cases.entries()) {
      const code = `${program.code}-${String(n + 1).padStart(2, '0')}`;
      stored.push({ code, program: program.code, reachedOrder: c.reachedOrder });
      const field = program.code === 'RULE' ? pilot.place(n % 2 ? 'D1-1' : 'D2-1') : {};
      await prisma.project.create({
        data: {
          code,
          name: code,
          programId: program.id,
          ...field,
          stageId: c.stage.id,
          reachedOrder: c.reachedOrder,
          approvedAt: day('2020-01-01'),
          institutions: { create: [{ institutionId: lead.id, role: 'LEAD' }] },
        },
      });
    }
  }
});
afterAll(() => prisma.$disconnect());

const targets = async (program: string, filters: Record<string, string> = {}) => (await resolveFilters({ filters: { program, ...filters } }))!.targets;

describe('has reached a stage', () => {
  for (const program of ['RULE', 'RULE-SB']) {
    it(`${program}: the Prisma where and the SQL pick what the TypeScript rule picks, for every stage of the path`, async () => {
      for (const stage of pathOf(lifecycles.get(program)!)) {
        const expected = stored.filter((p) => p.program === program && hasReached(p, stage)).map((p) => p.code);
        const mine = { program: { code: program } };
        const viaPrisma = await prisma.project.findMany({ where: { ...reachedWhere(stage), ...mine }, orderBy: { code: 'asc' }, select: { code: true } });
        const viaSql = await sql<{ code: string }>(Prisma.sql`
          SELECT p.code FROM "Project" p JOIN "Program" g ON g.id = p."programId" WHERE ${reachedSql(stage, 'p')} AND g.code = ${program} ORDER BY p.code`);
        expect(expected.length, stage.code).toBeGreaterThan(0);
        expect(
          viaPrisma.map((p) => p.code),
          stage.code,
        ).toEqual(expected);
        expect(
          viaSql.map((p) => p.code),
          stage.code,
        ).toEqual(expected);
      }
    });

    it(`${program}: the project list and the export filtered by \`reached\` hold the same projects`, async () => {
      for (const stage of pathOf(lifecycles.get(program)!).slice(1)) {
        const expected = stored.filter((p) => p.program === program && hasReached(p, stage)).map((p) => p.code);
        const t = await targets(program, { reached: stage.code });
        expect((await listProjects({ actor: regulator, targets: t, pageSize: 100 })).rows.map((r) => r.code)).toEqual(expected);
        const rows = await rowsOf('projects', 'csv', await exported(regulator, 'projects', 'csv', { projects: projectWhere(regulator, t) }));
        expect(rows.map((r) => r.code).sort()).toEqual(expected);
      }
    });

    it(`${program}: the home page, the dashboard, the funnel and the directions count by it`, async () => {
      const lifecycle = lifecycles.get(program)!;
      const t = await targets(program);
      const reached = (order: number) => stored.filter((p) => p.program === program && p.reachedOrder >= order).length;
      for (const view of ['home', 'dashboard'] as const) {
        const { cards } = await getHeadline({ actor: regulator, targets: t, view });
        for (const stage of pathOf(lifecycle).filter((s) => s.kpiKey)) {
          expect(cards.find((c) => c.key === stage.kpiKey)?.value, `${view} ${stage.code}`).toBe(reached(stage.sortOrder));
        }
      }
      const funnel = await getFunnel({ actor: regulator, targets: t });
      expect(funnel.map((s) => [s.stage.code, s.projects])).toEqual(pathOf(lifecycle).map((s) => [s.code, reached(s.sortOrder)]));
      const directions = await getDirectionStages({ actor: regulator, targets: t });
      pathOf(lifecycle).forEach((s, i) => expect(directions.reduce((n, d) => n + d.reached[i], 0)).toBe(reached(s.sortOrder)));
    });
  }

  it('names a stage of another lifecycle nothing: the filter is dropped with a notice', async () => {
    const resolved = await resolveFilters({ filters: { program: 'RULE', reached: 'REGISTERED' } });
    expect(resolved?.targets.reachedOrder).toBeUndefined();
    expect(resolved?.notices).toEqual([{ key: 'reached', value: 'REGISTERED', values: ['REGISTERED'], reason: 'unknown' }]);
  });
});
