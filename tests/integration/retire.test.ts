/**
 * Retiring a project takes it out of every count, list and export at once, and
 * restoring it puts it back: the headline of the dashboard and the home page,
 * the published comparison, the lists and the exports. The rule is one module
 * (lib/rules/retired.ts, applied by lib/rules/project-filter.ts), written as a
 * Prisma where and as SQL; the two must pick the same projects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { getFunnel, getIndicators } from '@/lib/data/dashboard';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline, type HeadlineView } from '@/lib/data/headline';
import { listInstitutions } from '@/lib/data/institutions';
import { listMetricValues } from '@/lib/data/metrics';
import { listProjects } from '@/lib/data/projects';
import type { Actor } from '@/lib/rules/authz';
import { projectFilterSql, projectWhere } from '@/lib/rules/project-filter';
import { RETIRED_MODES, type RetiredMode } from '@/lib/rules/retired';
import { sql } from '@/lib/server/db';
import { seedBeijingPilot } from '@/seeds/seed';
import { setProjectRetiredAction } from '@/app/actions/corrections';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { exported, rowsOf } from '../support/transfers';
import { createActors, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const targets = async (filters: Record<string, string> = {}) => (await resolveFilters({ filters }))!.targets;

/** Everything a reader sees counted, for the whole program as a regulator sees it. */
async function seen(filters: Record<string, string> = {}) {
  const actor = actors.regulator;
  const t = await targets(filters);
  const card = async (view: HeadlineView, key: string) => {
    const { cards, comparable } = await getHeadline({ actor, targets: t, view });
    const c = cards.find((x) => x.key === key)!;
    return { value: c.value, published: comparable ? (c.published?.value ?? null) : null };
  };
  const view = { projects: projectWhere(actor, t), retired: t.filters.retired };
  const exportedCodes = (await rowsOf('projects', 'csv', await exported(actor, 'projects', 'csv', view))).map((r) => r.code);
  const exportedValues = await rowsOf('metrics', 'csv', await exported(actor, 'metrics', 'csv', view));
  return {
    dashboard: await card('dashboard', 'projects'),
    home: await card('home', 'projects'),
    homeInstitutions: await card('home', 'institutions'),
    // The funnel's first step: every project that entered the program.
    funnel: (await getFunnel({ actor, targets: t }))[0].projects,
    listed: (await listProjects({ actor, targets: t, pageSize: 100 })).rows.map((p) => p.code),
    institutions: (await listInstitutions({ actor, targets: t })).rows.map((i) => i.name),
    values: (await listMetricValues({ actor, targets: t })).total,
    cashDevices: (await getIndicators({ actor, targets: t })).find((i) => i.code === 'CASH_DEVICES')?.value ?? null,
    exportedCodes,
    exportedValues: exportedValues.map((r) => r.projectCode),
  };
}

async function setRetired(code: string, retired: boolean) {
  const p = await prisma.project.findUniqueOrThrow({ where: { code } });
  actAs(actors.admin);
  return setProjectRetiredAction(null, { projectId: p.id, version: p.version, retired: String(retired) });
}

describe('retiring and restoring a project', () => {
  it('takes one of the 46 out of every count, list and export at once, and restoring puts it back', async () => {
    const before = await seen();
    expect(before.dashboard).toEqual({ value: 46, published: 46 });
    expect(before.home).toEqual({ value: 46, published: 46 });
    expect(before.funnel).toBe(46);
    expect(before.listed).toContain('BJFT-03');
    expect(before.exportedCodes).toHaveLength(46);
    expect(before.exportedValues).toContain('BJFT-03');
    expect(before.institutions).toContain('北京农村商业银行');
    expect(before.cashDevices).toBe(2196);

    expect(await setRetired('BJFT-03', true)).toEqual({ ok: true, message: 'SAVED' });
    const retired = await seen();
    // 45 beside the published 46: the comparison now says they differ.
    expect(retired.dashboard).toEqual({ value: 45, published: 46 });
    expect(retired.home).toEqual({ value: 45, published: 46 });
    expect(retired.funnel).toBe(45);
    expect(retired.listed).not.toContain('BJFT-03');
    expect(retired.listed).toHaveLength(45);
    expect(retired.exportedCodes).toHaveLength(45);
    expect(retired.exportedCodes).not.toContain('BJFT-03');
    expect(retired.exportedValues).not.toContain('BJFT-03');
    expect(retired.values).toBe(before.values - before.exportedValues.filter((c) => c === 'BJFT-03').length);
    // Its lead institution leads nothing else: it leaves the institution count and list too.
    expect(retired.homeInstitutions.value).toBe(before.homeInstitutions.value! - 1);
    expect(retired.institutions).not.toContain('北京农村商业银行');
    // Its figures leave the indicator totals: it was the only project reporting cash devices.
    expect(retired.cashDevices).toBeNull();

    // Asked for, it is there again: beside the others, or alone.
    const included = await seen({ retired: 'include' });
    expect(included.listed).toHaveLength(46);
    expect(included.exportedCodes).toContain('BJFT-03');
    expect((await seen({ retired: 'only' })).listed).toEqual(['BJFT-03']);
    // The export says which row is retired, and since when (its last column).
    const csv = new TextDecoder().decode(
      await exported(actors.regulator, 'projects', 'csv', { projects: projectWhere(actors.regulator, await targets({ retired: 'include' })) }),
    );
    const lines = csv.split(/\r?\n/);
    expect(lines.find((l) => l.startsWith('BJFT-03,'))).toMatch(/,\d{4}-\d{2}-\d{2}$/);
    expect(lines.find((l) => l.startsWith('BJFT-05,'))).toMatch(/,$/);

    expect(await setRetired('BJFT-03', false)).toEqual({ ok: true, message: 'SAVED' });
    expect(await seen()).toEqual(before);

    const entries = await prisma.auditEntry.findMany({ where: { projectId: await projectId(prisma, 'BJFT-03') }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['RECORD_RETIRE', 'RECORD_RESTORE']);
    expect(entries[0].before).toMatchObject({ code: 'BJFT-03', retiredAt: null });
    expect(entries[0].after).toMatchObject({ code: 'BJFT-03', retiredAt: expect.any(String) });
  });

  it('refuses a stale retirement (another admin restored it in between) and changes nothing', async () => {
    const p = await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-04' } });
    actAs(actors.admin);
    expect(await setProjectRetiredAction(null, { projectId: p.id, version: p.version, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    const stale = await setProjectRetiredAction(null, { projectId: p.id, version: p.version, retired: 'true' });
    expect(stale).toMatchObject({ ok: false, message: 'CONFLICT', current: { version: p.version + 1, retiredAt: expect.any(String) } });
    expect(await setProjectRetiredAction(null, { projectId: p.id, version: p.version + 1, retired: 'false' })).toEqual({ ok: true, message: 'SAVED' });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: p.id } })).retiredAt).toBeNull();
  });

  it('keeps a retired project out of its institution’s hands until it is restored', async () => {
    const id = await projectId(prisma, 'BJFT-06');
    await setRetired('BJFT-06', true);
    const version = (await prisma.project.findUniqueOrThrow({ where: { id } })).version;
    actAs(actors.cmb);
    const { editProjectDetailsAction } = await import('@/app/actions/projects');
    expect(await editProjectDetailsAction(null, { projectId: id, version, summary: '改', scenarios: '' })).toMatchObject({ ok: false, message: 'NOT_FOUND' });
    await setRetired('BJFT-06', false);
    actAs(actors.cmb);
    expect(await editProjectDetailsAction(null, { projectId: id, version: version + 1, summary: '改', scenarios: '' })).toEqual({ ok: true, message: 'SAVED' });
  });
});

describe('the retired rule as a where and as SQL', () => {
  it('picks the same projects both ways, for every mode and every kind of reader', async () => {
    await prisma.project.updateMany({
      where: { code: { in: ['BJFT-02', 'BJFT-08', 'BJFT-20'] } },
      data: { retiredAt: new Date(), retiredById: actors.admin.userId },
    });
    try {
      for (const mode of RETIRED_MODES) {
        const t = await targets(mode === 'exclude' ? {} : { retired: mode });
        for (const actor of [actors.regulator, actors.cmb, actors.park] as Actor[]) {
          const viaPrisma = await prisma.project.findMany({ where: projectWhere(actor, t), orderBy: { code: 'asc' }, select: { code: true } });
          const viaSql = await sql<{ code: string }>(Prisma.sql`SELECT p.code FROM "Project" p WHERE ${projectFilterSql(actor, t, 'p')} ORDER BY p.code`);
          expect(viaSql.map((p) => p.code)).toEqual(viaPrisma.map((p) => p.code));
          const retired = viaPrisma.filter((p) => ['BJFT-02', 'BJFT-08', 'BJFT-20'].includes(p.code)).length;
          const expected: Record<RetiredMode, (n: number) => boolean> = { exclude: (n) => n === 0, only: (n) => n === viaPrisma.length, include: () => true };
          expect(expected[mode](retired)).toBe(true);
        }
      }
      // The institution reads its own retired project only when it asks for retired records.
      expect((await listProjects({ actor: actors.cmb, targets: await targets() })).rows.map((r) => r.code)).toEqual(['BJFT-06']);
      expect((await listProjects({ actor: actors.cmb, targets: await targets({ retired: 'only' }) })).rows.map((r) => r.code)).toEqual(['BJFT-02']);
    } finally {
      await prisma.project.updateMany({ data: { retiredAt: null, retiredById: null } });
    }
  });
});
