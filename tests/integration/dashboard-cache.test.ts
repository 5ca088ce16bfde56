/**
 * The dashboard's aggregates are cached across requests per program, filters
 * and scope, keyed on the program's data stamp that database triggers bump in
 * the transaction of every write (lib/data/program-cache.ts). Each kind of
 * write that changes what the dashboard shows is visible on the next view,
 * read through the data layer the pages use; a view with nothing written in
 * between is served from the cache.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setProjectRetiredAction } from '@/app/actions/corrections';
import { proposeStageAction, recordMetricAction } from '@/app/actions/projects';
import { decideProposalAction } from '@/app/actions/proposals';
import { getDirectionStages, getFunnel, getIndicators } from '@/lib/data/dashboard';
import * as q from '@/lib/data/dashboard-queries';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import { getLatestEventDate } from '@/lib/data/leadership';
import { cachedByProgram, programDataStamp, scopeKey } from '@/lib/data/program-cache';
import { sql } from '@/lib/server/db';
import { applyImport, previewImport } from '@/lib/transfer/transfers';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, projectId, projectVersion, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
beforeEach(() => actAs(actors.regulator));
afterAll(() => prisma.$disconnect());

const targets = async () => (await resolveFilters({ filters: {} }))!.targets;

/** What the dashboard shows of the pilot, as a regulator sees it. */
async function view() {
  const options = { actor: actors.regulator, targets: await targets() };
  const [headline, funnel, directions, indicators] = await Promise.all([
    getHeadline({ ...options, view: 'dashboard' }),
    getFunnel(options),
    getDirectionStages(options),
    getIndicators(options),
  ]);
  return {
    projects: headline.cards.find((c) => c.key === 'projects')!.value,
    funnel: funnel.map((s) => s.projects),
    directions: directions.map((d) => [d.code, d.total]),
    indicator: (code: string) => indicators.find((i) => i.code === code)?.value ?? null,
  };
}

/** The same statements run directly, past any cache: what the next view must show. */
async function fresh() {
  const t = await targets();
  const scope = { actor: actors.regulator, targets: t, lifecycle: await getProgramLifecycle(t.programId) };
  const [headline, directions, indicators] = await Promise.all([
    q.queryHeadline(sql, scope),
    q.queryDirectionStages(sql, scope),
    q.queryIndicators(sql, scope),
  ]);
  return { headline, directions, indicators };
}

/** The next view shows what the statements return now, and that differs from what it showed before the write. */
async function expectSeen(before: Awaited<ReturnType<typeof fresh>>) {
  const now = await fresh();
  expect(now).not.toEqual(before);
  const options = { actor: actors.regulator, targets: await targets() };
  const [headline, funnel, directions, indicators] = await Promise.all([
    getHeadline({ ...options, view: 'dashboard' }),
    getFunnel(options),
    getDirectionStages(options),
    getIndicators(options),
  ]);
  expect(headline.cards.find((c) => c.key === 'projects')!.value).toBe(now.headline.projects);
  expect(funnel.map((s) => s.projects)).toEqual(now.headline.reached);
  expect(directions.reduce((n, d) => n + d.total, 0)).toBe(now.directions.reduce((n, r) => n + (r.stageId === null ? 0 : r.projects), 0));
  expect(indicators.map((i) => [i.code, i.value])).toEqual(now.indicators.filter((r) => r.direction === null).map((r) => [r.code, r.value]));
}

describe('the cache of the dashboard aggregates', () => {
  it('runs a statement once per program stamp and scope, and again after a write to that program only', async () => {
    const pilot = await targets();
    let runs = 0;
    const counted = cachedByProgram(`counted-${crypto.randomUUID()}`, async () => ++runs);
    expect(await counted(actors.regulator, pilot)).toBe(1);
    expect(await counted(actors.regulator, pilot)).toBe(1);
    // A leader has a scope of its own; an institution user another.
    expect(await counted(actors.leader, pilot)).toBe(2);
    expect(await counted(actors.cmb, pilot)).toBe(3);
    expect(await counted(actors.regulator, { ...pilot, filters: { direction: 'D1' } })).toBe(4);

    // Another program's stamp moving leaves this one's entries alone.
    const stamp = await programDataStamp(pilot.programId);
    await prisma.$executeRaw`SELECT program_data_touch(ARRAY[${pilot.programId + 1000}]::int[])`;
    expect(await programDataStamp(pilot.programId)).toBe(stamp);
    expect(await counted(actors.regulator, pilot)).toBe(1);

    await prisma.publishedFigure.create({ data: { programId: pilot.programId, key: 'PROJECTS', value: 1, asOf: new Date('2020-01-01'), source: 'test' } });
    expect(await programDataStamp(pilot.programId)).not.toBe(stamp);
    expect(await counted(actors.regulator, pilot)).toBe(5);
  });

  it('moves with a statement that writes many rows of the program at once', async () => {
    const pilot = await targets();
    const stamp = await programDataStamp(pilot.programId);
    const touched = await prisma.$executeRaw`UPDATE "Project" SET "updatedAt" = "updatedAt" WHERE "programId" = ${pilot.programId}`;
    expect(touched).toBeGreaterThan(1);
    expect(await programDataStamp(pilot.programId)).not.toBe(stamp);
  });

  it('keeps a reviewer’s entries to that reviewer, whose scope is their own assignments', () => {
    const reviewer = { ...actors.regulator, role: 'REVIEWER' as const };
    expect(scopeKey({ ...reviewer, userId: 1 })).not.toEqual(scopeKey({ ...reviewer, userId: 2 }));
    expect(scopeKey({ ...actors.regulator, userId: 1 })).toEqual(scopeKey({ ...actors.regulator, userId: 2 }));
  });
});

describe('a write is visible on the next view', () => {
  it('a value recorded', async () => {
    await view();
    await getLatestEventDate({ actor: actors.regulator, targets: await targets() });
    const before = await fresh();
    actAs(actors.cmb);
    const indicator = await prisma.indicator.findUniqueOrThrow({ where: { code: 'SCENARIOS' } });
    const saved = await recordMetricAction(null, {
      projectId: await projectId(prisma, 'BJFT-06'),
      indicatorCode: 'SCENARIOS',
      asOf: '2026-06-30',
      unit: indicator.unit,
      value: '5000',
      qualifier: 'EXACT',
      sourceNote: '季度报告',
    });
    expect(saved).toMatchObject({ ok: true });
    await expectSeen(before);
    // The leadership summary's reads are cached the same way: its default period ends at the new value.
    expect(await getLatestEventDate({ actor: actors.regulator, targets: await targets() })).toEqual(new Date('2026-06-30T00:00:00Z'));
  });

  it('a stage change', async () => {
    await view();
    const before = await fresh();
    const bjft06 = await projectId(prisma, 'BJFT-06');
    actAs(actors.cmb);
    expect(
      await proposeStageAction(null, {
        projectId: bjft06,
        version: await projectVersion(prisma, 'BJFT-06'),
        toStage: 'PROMOTION',
        effectiveDate: '2021-06-01',
        evidenceNote: '推广方案',
      }),
    ).toMatchObject({ ok: true });
    const proposal = await prisma.stageProposal.findFirstOrThrow({ where: { projectId: bjft06, status: 'PENDING' } });
    actAs(actors.regulator);
    expect(await decideProposalAction(null, { proposalId: proposal.id, decision: 'APPROVE', note: '同意' })).toMatchObject({ ok: true });
    await expectSeen(before);
  });

  it('an import', async () => {
    await view();
    const before = await fresh();
    const file = {
      name: 'metrics.csv',
      bytes: new TextEncoder().encode(
        ['项目编号,指标编号,数据截至日期,数值,单位,数值限定,来源类型,来源说明,更正说明', 'BJFT-06,SCENARIOS,2026-09-30,7000,个,EXACT,,报送,'].join('\n'),
      ),
    };
    const preview = await previewImport({ actor: actors.cmb, table: 'metrics', file });
    if (!preview.ok) throw new Error('the import was refused');
    expect(preview.problems).toEqual([]);
    await applyImport({ actor: actors.cmb, importId: preview.importId });
    await expectSeen(before);
    expect(await getLatestEventDate({ actor: actors.regulator, targets: await targets() })).toEqual(new Date('2026-09-30T00:00:00Z'));
  });

  it('a retirement and its undoing', async () => {
    await view();
    const before = await fresh();
    actAs(actors.admin);
    const p = await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-02' }, select: { id: true, version: true } });
    expect(await setProjectRetiredAction(null, { projectId: p.id, version: p.version, retired: 'true' })).toMatchObject({ ok: true });
    await expectSeen(before);
    const retired = await fresh();
    expect(await setProjectRetiredAction(null, { projectId: p.id, version: p.version + 1, retired: 'false' })).toMatchObject({ ok: true });
    await expectSeen(retired);
    expect(await fresh()).toEqual(before);
  });
});
