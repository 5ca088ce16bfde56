/**
 * "Has reached a stage" is one rule (lib/rules/stages.ts) written as TypeScript,
 * as a Prisma where and as SQL. Every combination of current stage and stage
 * dates is stored, the three forms must pick the same projects, and every page
 * that counts by the rule (home and dashboard headline, funnel, directions, the
 * leadership direction table, the list's `reached` filter, the export) must
 * count what the TypeScript form counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ProjectStage } from '@/lib/generated/prisma/enums';
import { getDirectionStages, getFunnel } from '@/lib/data/dashboard';
import { resolveFilters } from '@/lib/data/filter-targets';
import { DASHBOARD_CARDS, getHeadline, HOME_CARDS } from '@/lib/data/headline';
import { listProjects } from '@/lib/data/projects';
import type { Actor } from '@/lib/rules/authz';
import { projectWhere } from '@/lib/rules/project-filter';
import { hasReached, REACHED_STAGES, reachedSql, reachedWhere, type ReachedStage } from '@/lib/rules/stages';
import { sql } from '@/lib/server/db';
import { resetDatabase, testClient } from '../support/db';
import { createProgram, day } from '../support/factories';
import { exported, rowsOf } from '../support/transfers';

const prisma = testClient();
const regulator: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't' };
const STAGES: ProjectStage[] = ['APPROVED', 'ONLINE', 'PROMOTION', 'COMPLETED', 'WITHDRAWN'];
type Facts = { code: string; stage: ProjectStage; onlineAt: Date | null; promotionAt: Date | null };
const facts: Facts[] = [];

beforeAll(async () => {
  await resetDatabase(prisma);
  const { program, place } = await createProgram(prisma, 'RULE');
  const lead = await prisma.institution.create({ data: { name: '规则机构', kind: 'BANK' } });
  let n = 0;
  for (const stage of STAGES) {
    for (const onlineAt of [null, day('2020-03-01')]) {
      for (const promotionAt of [null, day('2020-05-01')]) {
        const code = `R-${String(++n).padStart(2, '0')}`;
        facts.push({ code, stage, onlineAt, promotionAt });
        await prisma.project.create({
          data: {
            code,
            name: code,
            programId: program.id,
            ...place(n % 2 ? 'D1-1' : 'D2-1'),
            stage,
            approvedAt: day('2020-01-01'),
            onlineAt,
            promotionAt,
            institutions: { create: [{ institutionId: lead.id, role: 'LEAD' }] },
          },
        });
      }
    }
  }
});
afterAll(() => prisma.$disconnect());

const expected = (stage: ReachedStage) => facts.filter((f) => hasReached(f, stage)).map((f) => f.code);
const targets = async (filters: Record<string, string> = {}) => (await resolveFilters({ filters: { program: 'RULE', ...filters } }))!.targets;

describe('has reached a stage', () => {
  for (const stage of REACHED_STAGES) {
    it(`${stage}: the Prisma where and the SQL pick what the TypeScript rule picks`, async () => {
      const viaPrisma = await prisma.project.findMany({ where: reachedWhere(stage), orderBy: { code: 'asc' }, select: { code: true } });
      const viaSql = await sql<{ code: string }>(Prisma.sql`SELECT p.code FROM "Project" p WHERE ${reachedSql(stage, 'p')} ORDER BY p.code`);
      expect(expected(stage).length).toBeGreaterThan(0);
      expect(viaPrisma.map((p) => p.code)).toEqual(expected(stage));
      expect(viaSql.map((p) => p.code)).toEqual(expected(stage));
    });

    it(`${stage}: the project list and the export filtered by it hold the same projects`, async () => {
      const t = await targets({ reached: stage });
      const list = await listProjects({ actor: regulator, targets: t, pageSize: 100 });
      expect(list.rows.map((r) => r.code)).toEqual(expected(stage));
      const rows = await rowsOf('projects', 'csv', await exported(regulator, 'projects', 'csv', { projects: projectWhere(regulator, t) }));
      expect(rows.map((r) => r.code).sort()).toEqual(expected(stage));
    });
  }

  it('the home page, the dashboard and the funnel count by it', async () => {
    const t = await targets();
    const card = async (keys: typeof HOME_CARDS | typeof DASHBOARD_CARDS, key: string) =>
      (await getHeadline({ actor: regulator, targets: t, keys })).cards.find((c) => c.key === key)?.value;
    for (const keys of [HOME_CARDS, DASHBOARD_CARDS]) {
      expect(await card(keys, 'online')).toBe(expected('ONLINE').length);
      expect(await card(keys, 'promotion')).toBe(expected('PROMOTION').length);
    }
    const funnel = Object.fromEntries((await getFunnel({ actor: regulator, targets: t })).map((s) => [s.stage, s.projects]));
    expect(funnel).toEqual({
      APPROVED: facts.length,
      ONLINE: expected('ONLINE').length,
      PROMOTION: expected('PROMOTION').length,
      COMPLETED: expected('COMPLETED').length,
    });
  });

  it('the per-direction counts of the dashboard and the leadership table add up to it', async () => {
    const directions = await getDirectionStages({ actor: regulator, targets: await targets() });
    expect(directions.reduce((n, d) => n + d.online, 0)).toBe(expected('ONLINE').length);
    expect(directions.reduce((n, d) => n + d.promotion, 0)).toBe(expected('PROMOTION').length);
  });
});
