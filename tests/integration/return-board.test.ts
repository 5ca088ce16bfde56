/**
 * The overdue board on PostgreSQL: the demo quarter's states and counts, the
 * SQL form of the state rule and of "who owes" held equal to the TypeScript
 * form (lib/rules/returns.ts) across the calendar, completeness by institution
 * and direction, the URL's filters, an institution's scope, and the export.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardFigures, getReturnBoard } from '@/lib/data/return-board';
import { owesWhere, parseReturnPeriod, returnState, type ReturnPeriod } from '@/lib/rules/returns';
import { projectReadScope, type Actor } from '@/lib/rules/authz';
import { seedBeijingPilot } from '@/seeds/seed';
import { lastDueQuarter, seedQuarterlyReturn, seedSampleReturns } from '@/seeds/returns-demo';
import { GET as exportBoard } from '@/app/api/returns/export/route';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

const prisma = testClient();
let actors: TestActors;
let programId: number;
let templateId: number;
const TODAY = new Date('2026-12-01T00:00:00Z');
const Q3 = parseReturnPeriod('2026-Q3')!;

beforeAll(async () => {
  await resetDatabase(prisma);
  ({ programId } = await seedBeijingPilot(prisma));
  actors = await createActors(prisma);
  await seedSampleReturns(prisma, TODAY);
  ({ templateId } = await seedQuarterlyReturn(prisma));
});
afterAll(() => prisma.$disconnect());

const figures = (actor: Actor, period: ReturnPeriod = Q3, today = TODAY, view = {}) => boardFigures({ actor, programId, templateId, period, today, view });
const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

describe('the demo quarter', () => {
  it('is the latest quarter past its due date, with every state shown', async () => {
    expect(lastDueQuarter(TODAY).key).toBe('2026-Q3');
    const { counts, rows, placeholders } = await figures(actors.regulator);
    // The eight named projects are online or in promotion; the placeholders owe nothing, and are counted apart.
    expect(counts).toMatchObject({ total: 8, due: 8, filed: 4, accepted: 0, returned: 1, late: 1, missing: 4, open: 0, notDue: 0 });
    const { stageCodes } = await prisma.returnSchedule.findFirstOrThrow({ where: { templateId } });
    const wouldOwe = await prisma.project.count({
      where: { programId, isPlaceholder: true, retiredAt: null, approvedAt: { lte: Q3.to }, stage: { code: { in: stageCodes } } },
    });
    expect(wouldOwe).toBeGreaterThan(0);
    expect(placeholders).toBe(wouldOwe);
    const placeholderCodes = new Set((await prisma.project.findMany({ where: { isPlaceholder: true }, select: { code: true } })).map((p) => p.code));
    expect(rows.filter((r) => placeholderCodes.has(r.code))).toEqual([]);
    const by = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(by['BJFT-05']).toMatchObject({ state: 'RETURNED', late: false, isSample: true });
    expect(by['BJFT-07']).toMatchObject({ state: 'SUBMITTED', late: true, isSample: true });
    expect(by['BJFT-06']).toMatchObject({ state: 'MISSING', late: true, isSample: false, returnId: null });
    expect(rows.every((r) => r.due.toISOString() === '2026-10-15T00:00:00.000Z')).toBe(true);
  });

  it('never makes a sample figure a metric value: no sample return is accepted', async () => {
    expect(await prisma.return.count({ where: { isSample: true, status: 'ACCEPTED' } })).toBe(0);
    expect(await prisma.metricValue.count({ where: { returnId: { not: null } } })).toBe(0);
    const samples = await prisma.return.findMany({ where: { isSample: true }, select: { answers: true } });
    for (const s of samples) expect(JSON.stringify(s.answers)).toContain('示例');
  });

  it('seeds once: a second run adds nothing', async () => {
    const before = await prisma.return.count();
    await seedSampleReturns(prisma, TODAY);
    await seedQuarterlyReturn(prisma);
    expect(await prisma.return.count()).toBe(before);
    expect(await prisma.returnSchedule.count()).toBe(1);
  });
});

describe('one rule in two forms', () => {
  it('the SQL state and lateness equal returnState on every day around a period, for every kind of stored return', async () => {
    const q4 = parseReturnPeriod('2026-Q4')!;
    const id = await projectId(prisma, 'BJFT-02');
    const version = await prisma.returnTemplateVersion.findFirstOrThrow({ where: { templateId } });
    const schedule = await prisma.returnSchedule.findFirstOrThrow({ where: { templateId } });
    // Filed on the due day at 23:30 Beijing time (15:30 UTC): on time. Filed at 00:30 the next Beijing day: late.
    const stored = [
      null,
      { status: 'DRAFT' as const, firstSubmittedAt: null },
      { status: 'SUBMITTED' as const, firstSubmittedAt: new Date('2027-01-15T15:30:00Z') },
      { status: 'ACCEPTED' as const, firstSubmittedAt: new Date('2027-01-15T16:30:00Z') },
      { status: 'RETURNED' as const, firstSubmittedAt: new Date('2027-01-02T01:00:00Z') },
    ];
    const days = ['2026-11-15', '2026-12-31', '2027-01-01', '2027-01-15', '2027-01-16', '2027-03-01'].map((d) => new Date(`${d}T00:00:00Z`));
    for (const s of stored) {
      await prisma.return.deleteMany({ where: { projectId: id, period: q4.key } });
      if (s)
        await prisma.return.create({
          data: {
            projectId: id,
            templateId,
            scheduleId: schedule.id,
            period: q4.key,
            templateVersionId: version.id,
            status: s.status,
            firstSubmittedAt: s.firstSubmittedAt,
          },
        });
      for (const today of days) {
        const row = (await figures(actors.regulator, q4, today)).rows.find((r) => r.code === 'BJFT-02')!;
        const expected = returnState(q4, schedule.dueDays, s, today);
        expect({ state: row.state, late: row.late, due: row.due }, `${s?.status ?? 'none'} on ${today.toISOString()}`).toEqual(expected);
      }
    }
    await prisma.return.deleteMany({ where: { projectId: id, period: q4.key } });
  });

  it('the board owes exactly the projects owesWhere picks', async () => {
    const schedule = await prisma.returnSchedule.findFirstOrThrow({ where: { templateId } });
    // Retire one and move another out of the schedule's stages: both leave the board.
    const retired = await projectId(prisma, 'BJFT-08');
    await prisma.project.update({ where: { id: retired }, data: { retiredAt: new Date() } });
    try {
      for (const actor of [actors.regulator, actors.cmb, actors.park]) {
        const expected = await prisma.project.findMany({
          where: { AND: [owesWhere({ programId, stageCodes: schedule.stageCodes }, Q3), projectReadScope(actor)] },
          orderBy: { code: 'asc' },
          select: { code: true },
        });
        expect(codes((await figures(actor)).rows)).toEqual(codes(expected));
      }
    } finally {
      await prisma.project.update({ where: { id: retired }, data: { retiredAt: null } });
    }
  });
});

describe('the board view', () => {
  it('counts completeness by lead institution and by direction, each summing to the totals', async () => {
    const { counts, byInstitution, byDirection } = await figures(actors.regulator);
    for (const groups of [byInstitution, byDirection]) {
      expect(groups.reduce((n, g) => n + g.due, 0)).toBe(counts.due);
      expect(groups.reduce((n, g) => n + g.filed, 0)).toBe(counts.filed);
    }
    const cmb = byInstitution.find((g) => g.name === '招商银行北京分行')!;
    expect(cmb).toMatchObject({ due: 2, filed: 0, missing: 2 });
  });

  it('narrows the list by state, lead institution and direction; the counts follow institution and direction only', async () => {
    expect(codes((await figures(actors.regulator, Q3, TODAY, { state: 'MISSING' })).rows)).toEqual(['BJFT-02', 'BJFT-04', 'BJFT-06', 'BJFT-08']);
    const late = await figures(actors.regulator, Q3, TODAY, { state: 'LATE' });
    expect(codes(late.rows)).toEqual(['BJFT-07']);
    expect(late.counts.due).toBe(8);
    const lead = actors.cmb.institutionId!;
    const mine = await figures(actors.regulator, Q3, TODAY, { institution: lead });
    expect(codes(mine.rows)).toEqual(['BJFT-02', 'BJFT-06']);
    expect(mine.counts).toMatchObject({ due: 2, missing: 2 });
    const d = (await figures(actors.regulator)).rows.find((r) => r.code === 'BJFT-05')!.directionCode!;
    expect((await figures(actors.regulator, Q3, TODAY, { direction: d })).rows.every((r) => r.directionCode === d)).toBe(true);
  });

  it('shows an institution user only the projects it takes part in', async () => {
    const { rows, counts } = await figures(actors.cmb);
    expect(codes(rows)).toEqual(['BJFT-02', 'BJFT-06']);
    expect(counts.due).toBe(2);
    expect(codes((await figures(actors.unionpay)).rows)).toEqual(['BJFT-05']);
  });

  it('resolves the URL: the latest period due by default, an unknown template or period named in a notice', async () => {
    const board = (await getReturnBoard({ actor: actors.regulator, query: {}, today: TODAY }))!;
    expect(board.template?.code).toBe('QUARTERLY');
    expect(board.period?.key).toBe('2026-Q3');
    expect(board.periods.map((p) => p.key)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
    const odd = (await getReturnBoard({ actor: actors.regulator, query: { template: 'NOPE', period: '2026-03' }, today: TODAY }))!;
    expect(odd.notices.map((n) => [n.key, n.reason])).toEqual([
      ['template', 'unknown'],
      ['period', 'unknown'],
    ]);
    expect(odd.period?.key).toBe('2026-Q3');
    // A program the actor has not been granted is not there for them.
    expect(await getReturnBoard({ actor: actors.sandboxRegulator, query: { program: 'BJ-FINTECH-PILOT' }, today: TODAY })).toBeNull();
  });
});

describe('the export', () => {
  it('holds the rows of the view, in the reader scope, with the view named beside them', async () => {
    actAs(actors.regulator);
    const res = await exportBoard(new Request('http://portal.test/api/returns/export?format=csv&period=2026-Q3&state=MISSING'), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const codesIn = [...text.matchAll(/BJFT-\d\d/g)].map((m) => m[0]);
    expect([...new Set(codesIn)]).toEqual(['BJFT-02', 'BJFT-04', 'BJFT-06', 'BJFT-08']);
    expect(text).toContain('state=MISSING');
    expect(text).toContain('缺报');
    actAs(actors.cmb);
    const own = await (
      await exportBoard(new Request('http://portal.test/api/returns/export?format=csv&period=2026-Q3'), { params: Promise.resolve({}) })
    ).text();
    expect([...new Set([...own.matchAll(/BJFT-\d\d/g)].map((m) => m[0]))]).toEqual(['BJFT-02', 'BJFT-06']);
  });
});
