import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import { getProject, listProjects } from '@/lib/data/projects';
import * as bj from '@/seeds/beijing-pilot';
import * as article from '../fixtures/beijing-article';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';

const prisma = testClient();
const actor: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't', programs: 'ALL' };

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
});
afterAll(() => prisma.$disconnect());

describe('the Beijing seed', () => {
  it('yields exactly the published totals, computed by the same queries as the home page', async () => {
    const { program, targets } = (await resolveFilters({ filters: {} }))!;
    expect(program.code).toBe(bj.program.code);
    const { cards: kpis, comparable } = await getHeadline({ actor, targets, view: 'home' });
    expect(comparable).toBe(true);
    expect(Object.fromEntries(kpis.map((k) => [k.key, k.value]))).toEqual(article.PUBLISHED);
    for (const k of kpis) {
      expect(k.published).toMatchObject({ value: k.value, source: bj.ARTICLE });
      expect(k.published?.asOf.toISOString().slice(0, 10)).toBe(article.ARTICLE_DATE);
    }
  });

  it('stores every figure the article states, with its unit, qualifier, date and words, on the project the article names', async () => {
    const values = await prisma.metricValue.findMany({ include: { project: true, indicator: true } });
    const expected = article.NAMED_PROJECTS.flatMap((p) => p.figures.map((f) => ({ project: p.name, ...f })));
    expect(values).toHaveLength(expected.length);
    for (const f of expected) {
      const v = values.find((x) => x.project.name === f.project && x.indicator.code === f.indicator);
      expect(v, `${f.project} ${f.indicator}`).toBeDefined();
      expect(v!.value.toNumber()).toBe(f.value);
      expect(v!.indicator.unit, f.indicator).toBe(f.unit);
      expect(v!.qualifier, f.indicator).toBe(f.qualifier);
      expect(v!.source).toBe('article');
      expect(v!.sourceNote).toContain(f.words.slice(-6));
      expect(v!.asOf.toISOString().slice(0, 10)).toBe(article.ARTICLE_DATE);
      expect(v!.project.isPlaceholder).toBe(false);
    }
  });

  it('places a named project only where the article does, and marks every other placement as inferred', async () => {
    for (const fact of article.NAMED_PROJECTS) {
      const p = await prisma.project.findFirstOrThrow({
        where: { name: fact.name },
        include: { direction: true, stage: true, institutions: { include: { institution: true } } },
      });
      expect(p.directionInferred, fact.name).toBe(fact.direction === null);
      if (fact.direction) expect(p.direction?.code).toBe(fact.direction);
      expect(p.fieldInferred, fact.name).toBe(true);
      expect(p.institutions.map((i) => i.institution.name).filter((n) => !n.startsWith('未公开'))).toEqual(fact.institutions);
      const lead = p.institutions.find((i) => i.role === 'LEAD')!;
      expect(lead.institution.name).toBe(fact.institutions[0]);
      expect(lead.roleInferred, fact.name).toBe(!fact.leadStated);
      expect(p.stage.code).toBe(fact.promotion ? 'PROMOTION' : 'ONLINE');
    }
  });

  it('claims nothing the article does not say about the named institutions', async () => {
    const named = await prisma.institution.findMany({ where: { isPlaceholder: false } });
    expect(named).toHaveLength(8);
    expect(named.every((i) => i.licensed === null && i.kindInferred)).toBe(true);
    const placeholders = await prisma.institution.findMany({ where: { isPlaceholder: true } });
    expect(placeholders.every((i) => i.kind === null && i.licensed === null)).toBe(true);
  });

  it('gives placeholders no figures, no direction, no field, visible names and a derived stage', async () => {
    const placeholders = await prisma.project.findMany({ where: { isPlaceholder: true }, include: { metricValues: true, technologies: true } });
    expect(placeholders).toHaveLength(article.UNDISCLOSED_PROJECTS);
    expect(placeholders.every((p) => p.metricValues.length === 0 && p.technologies.length === 0 && p.name.startsWith('未公开试点项目'))).toBe(true);
    expect(placeholders.every((p) => p.directionId === null && p.fieldId === null && p.stageInferred && p.stageNote)).toBe(true);
    expect(await prisma.institution.count({ where: { isPlaceholder: true, name: { startsWith: '未公开参与机构' } } })).toBe(69);
  });

  it('records stage dates only as the ranges the record allows, and the epidemic bound as an inference', async () => {
    for (const fact of article.NAMED_PROJECTS) {
      const changes = await prisma.stageChange.findMany({ where: { project: { name: fact.name } }, orderBy: { id: 'asc' }, include: { toStage: true } });
      expect(changes.map((c) => c.toStage.code)).toEqual(fact.promotion ? ['APPROVED', 'ONLINE', 'PROMOTION'] : ['APPROVED', 'ONLINE']);
      for (const c of changes.slice(1)) {
        expect(c.datePrecision, fact.name).toBe('BETWEEN');
        expect(c.notBefore?.toISOString().slice(0, 10)).toBe('2019-12-07');
        const bound = c.effectiveDate.toISOString().slice(0, 10);
        // Never later than the article; earlier only where the article describes it running during the epidemic, as an inference.
        expect(bound <= article.ARTICLE_DATE).toBe(true);
        expect(c.dateInferred).toBe(fact.duringEpidemic);
        expect(bound < article.ARTICLE_DATE).toBe(fact.duringEpidemic);
      }
    }
    const placeholderDates = await prisma.stageChange.findMany({ where: { project: { isPlaceholder: true }, toStage: { code: { not: 'APPROVED' } } } });
    expect(placeholderDates.length).toBeGreaterThan(0);
    expect(placeholderDates.every((c) => c.datePrecision === 'BETWEEN' && c.effectiveDate.toISOString().startsWith(article.ARTICLE_DATE))).toBe(true);
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
