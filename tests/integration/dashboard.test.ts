import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { getCumulativeByMonth, getDirectionStages, getFields, getFunnel, getIndicators, getTechnologies } from '@/lib/data/dashboard';
import { getHeadline as headline } from '@/lib/data/headline';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { stagesInOrder } from '@/lib/rules/stages';

const getHeadline = (v: Parameters<typeof getDirectionStages>[0]) => headline({ ...v, view: 'dashboard' });
import { resolveFilters } from '@/lib/data/filter-targets';
import { parseFilters } from '@/lib/rules/filters';
import { getInstitution, listInstitutions } from '@/lib/data/institutions';
import { listProjects } from '@/lib/data/projects';
import { resetDatabase, testClient } from '../support/db';
import { createIndicator, createProgram, createProject, day, stageIdOf } from '../support/factories';

const prisma = testClient();
const regulator: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't', programs: 'ALL' };
let instA = 0;
let instB = 0;

beforeAll(async () => {
  await resetDatabase(prisma);
  const { program, field } = await createProgram(prisma);
  const [a, b] = await Promise.all(['机构甲', '机构乙'].map((name) => prisma.institution.create({ data: { name, kind: 'BANK' } })));
  [instA, instB] = [a.id, b.id];
  const [ai, cloud] = await Promise.all(
    ['人工智能', '云计算'].map((name) => prisma.technology.create({ data: { name, nameEn: name === '云计算' ? 'Cloud' : 'AI' } })),
  );
  // In the shared catalogue but used by no project of the program: its charts never list it.
  await prisma.technology.create({ data: { name: '区块链', nameEn: 'Blockchain' } });
  const cumSum = await createIndicator(prisma, 'CUM_SUM', { aggregation: 'SUM' });
  const cumMax = await createIndicator(prisma, 'CUM_MAX', { aggregation: 'MAX' });
  const cumLatest = await createIndicator(prisma, 'CUM_LATEST', { aggregation: 'LATEST' });
  const periodSum = await createIndicator(prisma, 'PERIOD_SUM', { aggregation: 'SUM', cumulative: false });
  const rate = await createIndicator(prisma, 'RATE', { aggregation: 'SUM', kind: 'PERCENT' });
  await createProject(prisma, {
    programId: program.id,
    fieldId: field('D1-1'),
    code: 'T-1',
    stage: 'ONLINE',
    lead: a.id,
    technologies: [ai.id],
    history: [
      ['APPROVED', '2020-01-05'],
      ['ONLINE', '2020-03-10'],
    ],
    values: [
      { indicatorId: cumSum.id, asOf: '2020-01-31', value: 10 },
      { indicatorId: cumSum.id, asOf: '2020-06-30', value: 30 },
      { indicatorId: cumMax.id, asOf: '2020-06-30', value: 5 },
      { indicatorId: cumLatest.id, asOf: '2020-01-31', value: 100 },
      { indicatorId: periodSum.id, asOf: '2020-01-31', value: 3 },
      { indicatorId: periodSum.id, asOf: '2020-02-29', value: 4 },
      { indicatorId: rate.id, asOf: '2020-06-30', value: 40 },
    ],
  });
  await createProject(prisma, {
    programId: program.id,
    fieldId: field('D2-1'),
    code: 'T-2',
    stage: 'PROMOTION',
    lead: b.id,
    technologies: [ai.id, cloud.id],
    history: [
      ['APPROVED', '2020-01-05'],
      ['ONLINE', '2020-02-01'],
      ['PROMOTION', '2020-04-01'],
    ],
    values: [
      { indicatorId: cumSum.id, asOf: '2020-03-31', value: 20, qualifier: 'ABOUT' },
      { indicatorId: cumMax.id, asOf: '2020-03-31', value: 9 },
      { indicatorId: cumLatest.id, asOf: '2020-03-31', value: 200 },
      { indicatorId: periodSum.id, asOf: '2020-01-31', value: 10 },
      { indicatorId: rate.id, asOf: '2020-06-30', value: 60 },
    ],
  });
  await createProject(prisma, {
    programId: program.id,
    fieldId: field('D1-1'),
    code: 'T-3',
    stage: 'APPROVED',
    isPlaceholder: true,
    lead: b.id,
    participants: [a.id],
    history: [['APPROVED', '2020-02-01']],
    values: [{ indicatorId: cumSum.id, asOf: '2020-01-31', value: 1000 }],
  });
});
afterAll(() => prisma.$disconnect());

async function view(query: Record<string, string>, actor: Actor = regulator) {
  const { targets } = (await resolveFilters(parseFilters(query)))!;
  return { actor, targets };
}
const totals = async (query: Record<string, string> = {}, actor?: Actor) =>
  Object.fromEntries((await getIndicators(await view(query, actor))).map((i) => [i.code, i.value]));

describe('outcome indicators, each by its own rule', () => {
  it('takes each project’s latest value of a cumulative indicator, then sums', async () => {
    expect((await totals()).CUM_SUM).toBe(30 + 20 + 1000);
  });
  it('takes the largest project value under MAX and the most recent one under LATEST', async () => {
    const t = await totals();
    expect(t.CUM_MAX).toBe(9);
    expect(t.CUM_LATEST).toBe(200);
  });
  it('adds up every period of a per-period indicator', async () => {
    expect((await totals()).PERIOD_SUM).toBe(3 + 4 + 10);
  });
  it('never adds up a rate', async () => {
    expect((await totals()).RATE).toBe(50);
  });
  it('leaves placeholders out when asked', async () => {
    expect((await totals({ placeholders: 'exclude' })).CUM_SUM).toBe(50);
  });
  it('splits by direction with the same rules and carries the qualifier of an approximate value', async () => {
    const sum = (await getIndicators(await view({}))).find((i) => i.code === 'CUM_SUM')!;
    expect(sum.qualifier).toBe('ABOUT');
    expect(sum.projects).toBe(3);
    expect(sum.byDirection).toEqual({ D1: { value: 1030, qualifier: 'EXACT', projects: 2 }, D2: { value: 20, qualifier: 'ABOUT', projects: 1 } });
  });
});

describe('dashboard aggregates', () => {
  it('counts the headline figures, with rates from the counts', async () => {
    const { cards, comparable } = await getHeadline(await view({}));
    expect(comparable).toBe(true);
    expect(Object.fromEntries(cards.map((c) => [c.key, c.value]))).toEqual({
      projects: 3,
      institutions: 2,
      online: 2,
      promotion: 1,
      onlineRate: 66.7,
      promotionRate: 33.3,
    });
  });

  it('groups by direction and stage, by field, by technology, and builds the funnel', async () => {
    const v = await view({});
    const dirs = await getDirectionStages(v);
    // The 「未公开」 buckets are always there, counted, even when empty.
    const lifecycle = await getProgramLifecycle(v.targets.programId);
    const count = (d: (typeof dirs)[number], code: string) => d.stages[stagesInOrder(lifecycle).find((s) => s.code === code)!.id] ?? 0;
    expect(dirs.map((d) => [d.code, d.total, count(d, 'APPROVED'), count(d, 'ONLINE'), count(d, 'PROMOTION')])).toEqual([
      ['D1', 2, 1, 1, 0],
      ['D2', 1, 0, 0, 1],
      ['UNDISCLOSED', 0, 0, 0, 0],
    ]);
    expect((await getFields(v)).map((f) => [f.code, f.direction, f.projects])).toEqual([
      ['D1-1', 'D1', 2],
      ['D2-1', 'D2', 1],
      ['UNDISCLOSED', null, 0],
    ]);
    expect((await getTechnologies(v)).map((t) => [t.id === 'UNDISCLOSED' ? t.id : t.name, t.projects])).toEqual([
      ['人工智能', 2],
      ['云计算', 1],
      ['UNDISCLOSED', 1],
    ]);
    expect((await getFunnel(v)).map((s) => s.projects)).toEqual([3, 2, 1, 0]);
    // Per stage of the path: approved, online, promotion, completed.
    expect(dirs.map((d) => [d.code, ...d.reached])).toEqual([
      ['D1', 2, 1, 0, 0],
      ['D2', 1, 1, 1, 0],
      ['UNDISCLOSED', 0, 0, 0, 0],
    ]);
  });

  it('counts a project that left the path by what it reached before leaving, per direction as the headline does', async () => {
    const { program, field } = await createProgram(prisma, 'LEFT');
    const lead = (await prisma.institution.create({ data: { name: '机构丙', kind: 'BANK' } })).id;
    const withdrawn = (code: string, history: Parameters<typeof createProject>[1]['history']) =>
      createProject(prisma, { programId: program.id, fieldId: field('D1-1'), code, stage: 'WITHDRAWN', lead, history });
    await withdrawn('LEFT-1', [
      ['APPROVED', '2020-01-05'],
      ['ONLINE', '2020-02-01'],
      ['PROMOTION', '2020-03-01'],
      ['WITHDRAWN', '2020-05-01'],
    ]);
    await withdrawn('LEFT-2', [
      ['APPROVED', '2020-01-05'],
      ['WITHDRAWN', '2020-05-01'],
    ]);
    const v = await view({ program: 'LEFT' });
    const [d1] = await getDirectionStages(v);
    expect([d1.code, d1.total, ...d1.reached]).toEqual(['D1', 2, 2, 1, 1, 0]);
    const headline = Object.fromEntries((await getHeadline(v)).cards.map((c) => [c.key, c.value]));
    expect([headline.online, headline.promotion]).toEqual([d1.reached[1], d1.reached[2]]);
  });

  it('accumulates stage entries by month, filling months without changes', async () => {
    const exact = (APPROVED: number, ONLINE: number, PROMOTION: number) => ({
      APPROVED,
      APPROVEDMax: APPROVED,
      ONLINE,
      ONLINEMax: ONLINE,
      PROMOTION,
      PROMOTIONMax: PROMOTION,
    });
    const { stages, months } = await getCumulativeByMonth(await view({}));
    // The stages the projects entered; none has completed.
    expect(stages.map((s) => s.code)).toEqual(['APPROVED', 'ONLINE', 'PROMOTION']);
    expect(months).toEqual([
      { month: '2020-01', ...exact(2, 0, 0) },
      { month: '2020-02', ...exact(3, 1, 0) },
      { month: '2020-03', ...exact(3, 2, 0) },
      { month: '2020-04', ...exact(3, 2, 1) },
    ]);
  });

  it('draws a date known only as a range as a band: certain from its upper bound, possible from its lower', async () => {
    const { program, field } = await createProgram(prisma, 'BAND');
    const lead = (await prisma.institution.create({ data: { name: '机构丁', kind: 'BANK' } })).id;
    const project = await createProject(prisma, {
      programId: program.id,
      fieldId: field('D1-1'),
      code: 'BAND-1',
      stage: 'ONLINE',
      lead,
      history: [['APPROVED', '2020-01-10']],
    });
    await prisma.stageChange.create({
      data: {
        projectId: project.id,
        fromStageId: await stageIdOf(prisma, 'APPROVED'),
        toStageId: await stageIdOf(prisma, 'ONLINE'),
        effectiveDate: day('2020-03-31'),
        datePrecision: 'BETWEEN',
        notBefore: day('2020-01-15'),
      },
    });
    const { months } = await getCumulativeByMonth(await view({ program: 'BAND' }));
    expect(months.map((m) => [m.month, m.ONLINE, m.ONLINEMax])).toEqual([
      ['2020-01', 0, 1],
      ['2020-02', 0, 1],
      ['2020-03', 1, 1],
    ]);
  });

  it('counts a project the record does not place in the 「未公开」 buckets, never in a known one', async () => {
    const { program, field } = await createProgram(prisma, 'UNPLACED');
    const lead = (await prisma.institution.create({ data: { name: '机构戊', kind: null } })).id;
    await createProject(prisma, {
      programId: program.id,
      fieldId: field('D1-1'),
      code: 'PLACED-1',
      stage: 'ONLINE',
      lead,
      history: [
        ['APPROVED', '2020-01-10'],
        ['ONLINE', '2020-02-10'],
      ],
    });
    const unplaced = await createProject(prisma, {
      programId: program.id,
      fieldId: field('D1-1'),
      code: 'UNPLACED-1',
      stage: 'ONLINE',
      lead,
      history: [
        ['APPROVED', '2020-01-10'],
        ['ONLINE', '2020-02-10'],
      ],
    });
    await prisma.project.update({ where: { id: unplaced.id }, data: { directionId: null, fieldId: null } });
    const v = await view({ program: 'UNPLACED' });
    expect((await getDirectionStages(v)).map((d) => [d.code, d.total, d.reached[1]])).toEqual([
      ['D1', 1, 1],
      ['D2', 0, 0],
      ['UNDISCLOSED', 1, 1],
    ]);
    expect((await getFields(v)).map((f) => [f.code, f.projects])).toEqual([
      ['D1-1', 1],
      ['D2-1', 0],
      ['UNDISCLOSED', 1],
    ]);
    // The bucket filters like any other: the list and the counts agree.
    const bucket = await view({ program: 'UNPLACED', direction: 'UNDISCLOSED' });
    expect((await listProjects(bucket)).rows.map((r) => r.code)).toEqual(['UNPLACED-1']);
    expect((await getHeadline(bucket)).cards.find((c) => c.key === 'projects')?.value).toBe(1);
  });

  it('counts only an institution user’s own projects, everywhere', async () => {
    const actor: Actor = { userId: 2, role: 'INSTITUTION', institutionId: instA, name: 'a', programs: 'ALL' };
    const v = await view({}, actor);
    const { cards, comparable } = await getHeadline(v);
    expect(comparable).toBe(false);
    expect(cards.find((c) => c.key === 'projects')?.value).toBe(2);
    expect((await getFunnel(v)).map((s) => s.projects)).toEqual([2, 1, 0, 0]);
    expect((await totals({}, actor)).CUM_SUM).toBe(1030);
    expect((await listProjects(v)).rows.map((r) => r.code)).toEqual(['T-1', 'T-3']);
    const other: Actor = { userId: 3, role: 'INSTITUTION', institutionId: instB, name: 'b', programs: 'ALL' };
    expect((await listProjects(await view({ q: 'T-1' }, other))).total).toBe(0);
  });
});

describe('filters: the list and the aggregates see the same projects', () => {
  const cases: Record<string, string>[] = [
    {},
    { direction: 'D1' },
    { field: 'D2-1' },
    { stage: 'ONLINE' },
    { reached: 'ONLINE' },
    { reached: 'PROMOTION' },
    { tech: 'Cloud' },
    { placeholders: 'exclude' },
    { q: 't-2' },
    // A project is found by its institutions' names too, and the institution filter takes a typed name.
    { q: '机构甲' },
    { institution: '机构乙' },
    { q: '%' },
    { q: '_' },
    { direction: 'D1', placeholders: 'exclude' },
  ];
  it.each(cases)('%j', async (query) => {
    const v = await view(query);
    const { total } = await listProjects(v);
    const { cards } = await getHeadline(v);
    expect(cards[0].value).toBe(total);
  });

  it('gives the expected counts for a few of them', async () => {
    const count = async (q: Record<string, string>) => (await listProjects(await view(q))).total;
    expect(await count({ direction: 'D1' })).toBe(2);
    expect(await count({ reached: 'ONLINE' })).toBe(2);
    expect(await count({ q: '%' })).toBe(0);
    expect(await count({ institution: String(instA) })).toBe(2);
  });

  it('drops names that exist nowhere, with a notice, instead of matching nothing', async () => {
    const r = await resolveFilters(parseFilters({ direction: 'D9', tech: '量子', program: 'NOPE', institution: '999999' }));
    expect(r?.program.code).toBe('TEST');
    expect(r?.notices.map((n) => [n.key, n.reason])).toEqual([
      ['program', 'unknown'],
      ['direction', 'unknown'],
      ['tech', 'unknown'],
      ['institution', 'unknown'],
    ]);
    expect((await listProjects({ actor: regulator, targets: r!.targets })).total).toBe(3);
  });

  it('sorts and pages in the database', async () => {
    const page = await listProjects({ ...(await view({ sort: '-code', page: '2' })), pageSize: 2 });
    expect([page.total, page.page, page.pageCount, page.rows.map((r) => r.code)]).toEqual([3, 2, 2, ['T-1']]);
    const past = await listProjects({ ...(await view({ page: '40' })), pageSize: 2 });
    expect(past.page).toBe(2);
  });
});

describe('institutions', () => {
  it('count the projects they lead and join among those the actor may read', async () => {
    const { rows } = await listInstitutions(await view({}));
    expect(rows.map((r) => [r.name, r.led, r.joined])).toEqual([
      ['机构乙', 2, 0],
      ['机构甲', 1, 1],
    ]);
    const own: Actor = { userId: 2, role: 'INSTITUTION', institutionId: instA, name: 'a', programs: 'ALL' };
    expect((await listInstitutions(await view({}, own))).rows.map((r) => [r.name, r.led, r.joined])).toEqual([
      ['机构乙', 1, 0],
      ['机构甲', 1, 1],
    ]);
  });

  it('show only the shared projects to an institution user, and nothing for a malformed id', async () => {
    const own: Actor = { userId: 2, role: 'INSTITUTION', institutionId: instA, name: 'a', programs: 'ALL' };
    const partner = await getInstitution({ actor: own, id: String(instB) });
    expect(partner?.projects.map((p) => [p.project.code, p.role])).toEqual([['T-3', 'LEAD']]);
    expect(await getInstitution({ actor: regulator, id: '1 OR 1=1' })).toBeNull();
    expect(await getInstitution({ actor: regulator, id: '999999' })).toBeNull();
  });
});

describe('the per-project summary the indicator totals read', () => {
  it('follows values as they are added, corrected and removed', async () => {
    const cumSum = await prisma.indicator.findUniqueOrThrow({ where: { code: 'CUM_SUM' } });
    const t2 = await prisma.project.findUniqueOrThrow({ where: { code: 'T-2' } });
    const later = await prisma.metricValue.create({
      data: { projectId: t2.id, indicatorId: cumSum.id, asOf: new Date('2020-09-30T00:00:00Z'), value: 25, source: 'test' },
    });
    expect((await totals()).CUM_SUM).toBe(30 + 25 + 1000);
    await prisma.metricValue.update({ where: { id: later.id }, data: { value: 26 } });
    expect((await totals()).CUM_SUM).toBe(30 + 26 + 1000);
    await prisma.metricValue.delete({ where: { id: later.id } });
    expect((await totals()).CUM_SUM).toBe(30 + 20 + 1000);
    await prisma.metricValue.deleteMany({ where: { projectId: t2.id, indicatorId: cumSum.id } });
    expect((await totals()).CUM_SUM).toBe(30 + 1000);
  });
});
