/**
 * The sandbox's seed against the record (tests/fixtures/beijing-sandbox.ts,
 * typed from the sources, not from the seed): every named application with its
 * institutions and dates, the three exits, five unnamed placeholders, and
 * nothing guessed: no class, no exit, no date the record does not give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import type { Actor } from '@/lib/rules/authz';
import { seedBeijingSandbox } from '@/seeds/sandbox-seed';
import { seedBeijingPilot } from '@/seeds/seed';
import * as record from '../fixtures/beijing-sandbox';
import { resetDatabase, testClient } from '../support/db';

const prisma = testClient();
const regulator: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't', programs: 'ALL' };

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  await seedBeijingSandbox(prisma);
});
afterAll(() => prisma.$disconnect());

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe('the Beijing sandbox seed', () => {
  it('holds every named application with its institutions, in its batch’s notice, and no class', async () => {
    for (const app of record.NAMED) {
      const p = await prisma.project.findFirstOrThrow({
        where: { name: app.name, program: { code: 'BJ-FINTECH-SANDBOX' } },
        include: { institutions: { include: { institution: true } }, stageChanges: { include: { toStage: true }, orderBy: { id: 'asc' } }, stage: true },
      });
      expect(p.institutions.map((i) => i.institution.name).sort(), app.name).toEqual([...app.institutions].sort());
      expect(p.institutions.find((i) => i.role === 'LEAD')?.roleInferred).toBe(app.institutions.length > 1);
      expect(p.directionId, app.name).toBeNull();
      const notice = p.stageChanges.find((c) => c.toStage.code === 'NOTICE')!;
      expect([iso(notice.effectiveDate), notice.datePrecision]).toEqual([record.BATCHES[app.batch].notice, 'DAY']);
      // The application itself is dated only by its notice: on or before it.
      const applied = p.stageChanges.find((c) => c.toStage.code === 'APPLIED')!;
      expect([iso(applied.effectiveDate), applied.datePrecision]).toEqual([record.BATCHES[app.batch].notice, 'ON_OR_BEFORE']);
      const registered = p.stageChanges.find((c) => c.toStage.code === 'REGISTERED');
      if (app.batch === 1) expect([iso(registered!.effectiveDate), registered!.datePrecision]).toEqual([record.BATCHES[1].registered, 'DAY']);
      else if (!app.exited) expect(registered).toBeUndefined();
      const completed = p.stageChanges.find((c) => c.toStage.code === 'COMPLETED');
      expect(Boolean(completed), app.name).toBe(app.exited);
      if (completed) expect([iso(completed.effectiveDate), completed.datePrecision]).toEqual([record.EXIT_DATE, 'DAY']);
      // A stage the record does not take further is marked as the last one known.
      expect(p.stageInferred).toBe(!app.exited);
      // Every stage between two known dates is a range, labelled as inferred.
      for (const c of p.stageChanges.filter((c) => c.datePrecision === 'BETWEEN')) expect(c.dateInferred).toBe(true);
    }
  });

  it('adds the five unnamed applications of batch 3 as placeholders, totalling the published 22, three of them completed', async () => {
    const { targets } = (await resolveFilters({ filters: { program: 'BJ-FINTECH-SANDBOX' } }))!;
    const { cards, comparable } = await getHeadline({ actor: regulator, targets, view: 'home' });
    const value = (key: string) => cards.find((c) => c.key === key)?.value;
    expect(value('projects')).toBe(record.TOTAL_BY_2020_12_25);
    expect(value('completed')).toBe(record.NAMED.filter((a) => a.exited).length);
    expect(comparable).toBe(true);
    expect(cards.find((c) => c.key === 'projects')?.published?.value).toBe(record.TOTAL_BY_2020_12_25);
    const placeholders = await prisma.project.findMany({
      where: { isPlaceholder: true, program: { code: 'BJ-FINTECH-SANDBOX' } },
      include: { institutions: true },
    });
    expect(placeholders).toHaveLength(record.TOTAL_BY_2020_12_25 - record.NAMED.length);
    expect(placeholders.every((p) => p.institutions.length === 0 && p.name.startsWith('未公开沙盒应用'))).toBe(true);
  });

  it('shares one record for an institution both programs name, and guesses no kind', async () => {
    for (const name of ['中国银联', '中关村银行']) {
      const rows = await prisma.institution.findMany({
        where: { name },
        include: { projects: { include: { project: { select: { program: { select: { code: true } } } } } } },
      });
      expect(rows).toHaveLength(1);
      expect(new Set(rows[0].projects.map((p) => p.project.program.code))).toEqual(new Set(['BJ-FINTECH-PILOT', 'BJ-FINTECH-SANDBOX']));
    }
    const unknown = await prisma.institution.findUniqueOrThrow({ where: { name: '度小满' } });
    expect([unknown.kind, unknown.kindInferred, unknown.licensed]).toEqual([null, false, null]);
  });

  it('is idempotent', async () => {
    const before = await Promise.all([prisma.project.count(), prisma.institution.count(), prisma.stageChange.count()]);
    await seedBeijingSandbox(prisma);
    expect(await Promise.all([prisma.project.count(), prisma.institution.count(), prisma.stageChange.count()])).toEqual(before);
  });
});
