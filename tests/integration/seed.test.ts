import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline, HOME_CARDS } from '@/lib/data/headline';
import { getProject, listProjects } from '@/lib/data/projects';
import * as bj from '@/seeds/beijing-pilot';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';

const prisma = testClient();
const actor: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't' };

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
});
afterAll(() => prisma.$disconnect());

describe('the Beijing seed', () => {
  it('yields exactly the published totals, computed by the same queries as the home page', async () => {
    const { program, targets } = (await resolveFilters({ filters: {} }))!;
    expect(program.code).toBe(bj.program.code);
    const { cards: kpis, comparable } = await getHeadline({ actor, targets, keys: HOME_CARDS });
    expect(comparable).toBe(true);
    expect(Object.fromEntries(kpis.map((k) => [k.key.toUpperCase(), k.value]))).toEqual(bj.program.published);
    for (const k of kpis) {
      expect(k.published).toMatchObject({ value: k.value, source: bj.ARTICLE });
      expect(k.published?.asOf.toISOString().slice(0, 10)).toBe('2020-06-12');
    }
  });

  it('stores every figure the article states, with its source, date and quote', async () => {
    const values = await prisma.metricValue.findMany({ include: { project: true, indicator: true } });
    const expected = bj.projects.flatMap((p) => p.figures.map((f) => ({ project: p.code, ...f })));
    expect(values).toHaveLength(expected.length);
    for (const f of expected) {
      const v = values.find((x) => x.project.code === f.project && x.indicator.code === f.indicator);
      expect(v, `${f.project} ${f.indicator}`).toBeDefined();
      expect(v!.value.toNumber()).toBe(f.value);
      expect(v!.qualifier).toBe(f.qualifier ?? 'EXACT');
      expect(v!.source).toBe('article');
      expect(v!.sourceNote).toBe(f.quote);
      expect(v!.asOf.toISOString().slice(0, 10)).toBe(bj.ARTICLE_AS_OF);
      expect(v!.project.isPlaceholder).toBe(false);
    }
    const cash = values.find((v) => v.indicator.code === 'CASH_COLLECTED');
    expect(cash?.value.toString()).toBe('406000000');
  });

  it('gives placeholders no figures and visible names', async () => {
    const placeholders = await prisma.project.findMany({ where: { isPlaceholder: true }, include: { metricValues: true } });
    expect(placeholders).toHaveLength(38);
    expect(placeholders.every((p) => p.metricValues.length === 0 && p.name.startsWith('未公开试点项目'))).toBe(true);
    expect(await prisma.institution.count({ where: { isPlaceholder: true, name: { startsWith: '未公开参与机构' } } })).toBe(69);
  });

  it('records the known stage history, marking dates the record only bounds', async () => {
    const p = await getProject({ actor, code: 'bjft-05' });
    expect(p?.stageChanges.map((c) => [c.fromStage, c.toStage, c.dateApprox])).toEqual([
      [null, 'APPROVED', false],
      ['APPROVED', 'ONLINE', true],
      ['ONLINE', 'PROMOTION', true],
    ]);
    expect(p?.institutions.map((i) => [i.institution.name, i.role])).toEqual([['中国银联', 'LEAD']]);
  });

  it('is idempotent: a second run changes nothing and keeps what users changed', async () => {
    await prisma.project.update({ where: { code: 'BJFT-01' }, data: { summary: 'edited by the institution' } });
    const before = await Promise.all([prisma.project.count(), prisma.institution.count(), prisma.metricValue.count(), prisma.stageChange.count()]);
    await seedBeijingPilot(prisma);
    const after = await Promise.all([prisma.project.count(), prisma.institution.count(), prisma.metricValue.count(), prisma.stageChange.count()]);
    expect(after).toEqual(before);
    expect((await prisma.project.findUnique({ where: { code: 'BJFT-01' } }))?.summary).toBe('edited by the institution');
  });

  it('lists every project with its lead, and treats a malformed code as unknown', async () => {
    const resolved = await resolveFilters({ filters: {} });
    const { rows, total } = await listProjects({ actor, targets: resolved!.targets, pageSize: 100 });
    expect(total).toBe(46);
    expect(rows).toHaveLength(46);
    expect(rows.every((r) => r.lead !== null)).toBe(true);
    expect(rows.find((r) => r.code === 'BJFT-06')?.lead?.name).toBe('招商银行北京分行');
    expect(await getProject({ actor, code: 'x\'; DROP TABLE "Project";--' })).toBeNull();
    expect(await getProject({ actor, code: 'BJFT-99' })).toBeNull();
  });
});
