/**
 * Finding things: the name search also finds a project by its institutions'
 * names and short names, an institution typed into the filter is searched by
 * name, and lists and aggregates count the same projects either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { resolveFilters, searchFilterInstitutions } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import { getProject, listProjects } from '@/lib/data/projects';
import { parseFilters } from '@/lib/rules/filters';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { createActors, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;
const CMB = '招商银行北京分行';

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  // The record gives no short names; one is added as a user would add it later.
  await prisma.institution.update({ where: { name: CMB }, data: { shortName: '招行北分' } });
});
afterAll(() => prisma.$disconnect());

/** What the list shows and what the headline counts for a query: they must agree. */
async function found(actor: Actor, query: Record<string, string>) {
  const resolved = (await resolveFilters(parseFilters(query)))!;
  const list = await listProjects({ actor, targets: resolved.targets, pageSize: 100 });
  const { cards } = await getHeadline({ actor, targets: resolved.targets, view: 'home' });
  expect(cards.find((c) => c.key === 'projects')?.value, 'the SQL count agrees with the list').toBe(list.total);
  return { codes: list.rows.map((r) => r.code).sort(), notices: resolved.notices };
}

/** The projects an institution takes part in, straight from the database. */
const projectsOf = async (name: string) =>
  (await prisma.project.findMany({ where: { institutions: { some: { institution: { name } } } }, select: { code: true } })).map((p) => p.code).sort();

describe('the name search', () => {
  it('finds projects by an institution’s name or short name, as well as by their own name and code', async () => {
    const cmbProjects = await projectsOf(CMB);
    expect(cmbProjects).toEqual(expect.arrayContaining(['BJFT-02', 'BJFT-06']));
    expect((await found(actors.regulator, { q: '招行北分' })).codes).toEqual(cmbProjects);
    expect((await found(actors.regulator, { q: '招商银行北京' })).codes).toEqual(cmbProjects);
    expect((await found(actors.regulator, { q: 'bjft-02' })).codes).toEqual(['BJFT-02']);
    // Wildcards typed by a reader are characters, in institution names too.
    expect((await found(actors.regulator, { q: '招%北分' })).codes).toEqual([]);
  });

  it('stays inside the reader’s scope', async () => {
    const own = await projectsOf('中国银联');
    const expected = (await projectsOf(CMB)).filter((c) => own.includes(c));
    expect((await found(actors.unionpay, { q: '招行北分' })).codes).toEqual(expected);
  });
});

describe('the institution filter', () => {
  it('searches a typed name (or short name) instead of refusing it', async () => {
    const typed = await found(actors.regulator, { institution: '招行' });
    expect(typed).toEqual({ codes: await projectsOf(CMB), notices: [] });
    expect(await found(actors.regulator, { institution: '没有这家机构' })).toEqual({ codes: [], notices: [] });
  });

  it('suggests institutions by short name as by name', async () => {
    const { program } = (await resolveFilters({ filters: {} }))!;
    const names = async (q: string) => (await searchFilterInstitutions({ actor: actors.regulator, programId: program.id, q })).map((i) => i.name);
    expect(await names('招行北分')).toEqual([CMB]);
    expect(await names('招商银行北')).toEqual([CMB]);
  });

  it('still names an unknown id in a notice', async () => {
    expect((await found(actors.regulator, { institution: '999999' })).notices).toMatchObject([{ key: 'institution', reason: 'unknown' }]);
  });
});

describe('filter notices', () => {
  it('carry the names of the catalogue values they mention, for the page to say', async () => {
    const { notices } = (await resolveFilters(parseFilters({ direction: ['D1', 'D2'], stage: ['ONLINE', 'PROMOTION'] })))!;
    const directions = await prisma.direction.findMany({
      where: { code: { in: ['D1', 'D2'] } },
      orderBy: { code: 'asc' },
      select: { name: true, nameEn: true },
    });
    expect(notices.find((n) => n.key === 'direction')).toMatchObject({ reason: 'repeated', values: ['D1', 'D2'], names: directions });
    // Stages are named by the page from the messages.
    expect(notices.find((n) => n.key === 'stage')).toMatchObject({ values: ['ONLINE', 'PROMOTION'] });
  });
});

describe('a project page', () => {
  it('carries its institutions’ ids and short names, to link to them', async () => {
    const project = await getProject({ actor: actors.cmb, code: 'BJFT-02' });
    const cmb = project!.institutions.find((i) => i.institution.name === CMB)!;
    expect(cmb.institution).toMatchObject({ shortName: '招行北分', id: (await prisma.institution.findUniqueOrThrow({ where: { name: CMB } })).id });
  });
});
