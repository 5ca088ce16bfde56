/**
 * The leadership page's risk summary against the seeded demo data, counted
 * here independently from the rows themselves: open warnings and incidents by
 * severity, and warnings raised and incidents reported per Beijing month, per
 * program, for a leader (everything) and an institution (its own projects).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLeadershipRisk, monthsOf } from '@/lib/data/leadership-risk';
import type { Actor } from '@/lib/rules/authz';
import { parseFilters } from '@/lib/rules/filters';
import { lastMonthsPeriod, yearPeriod } from '@/lib/rules/periods';
import { seedDatabase } from '@/seeds/index';
import { resetDatabase, testClient } from '../support/db';
import { createActors, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;
let programs: { id: number; code: string }[];

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedDatabase(prisma, () => undefined);
  actors = await createActors(prisma);
  programs = await prisma.program.findMany({ where: { isSynthetic: false }, select: { id: true, code: true } });
});
afterAll(() => prisma.$disconnect());

const SEVERITIES = ['GENERAL', 'MAJOR', 'SERIOUS', 'CRITICAL'] as const;
/** The Beijing calendar month of a moment, without the code under test. */
const beijingMonth = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/** What the summary must say, from the rows: the projects the actor reads in the program, not retired. */
async function expected(actor: Actor, programId: number, months: string[]) {
  const projects = await prisma.project.findMany({
    where: {
      programId,
      retiredAt: null,
      ...(actor.role === 'INSTITUTION' ? { institutions: { some: { institutionId: actor.institutionId! } } } : {}),
    },
    select: { id: true },
  });
  const ids = projects.map((p) => p.id);
  const warnings = await prisma.warning.findMany({
    where: { projectId: { in: ids } },
    select: { status: true, raisedAt: true, isDemo: true, rule: { select: { severity: true } } },
  });
  const incidents = await prisma.incident.findMany({
    where: { projectId: { in: ids } },
    select: { status: true, reportedAt: true, isDemo: true, severity: true },
  });
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [
      s,
      {
        warnings: warnings.filter((w) => w.status !== 'CLOSED' && w.rule.severity === s).length,
        incidents: incidents.filter((i) => i.status !== 'CLOSED' && i.severity === s).length,
      },
    ]),
  );
  const trend = months.map((month) => ({
    month,
    warnings: warnings.filter((w) => beijingMonth(w.raisedAt) === month).length,
    incidents: incidents.filter((i) => beijingMonth(i.reportedAt) === month).length,
    demoWarnings: warnings.filter((w) => w.isDemo && beijingMonth(w.raisedAt) === month).length,
    demoIncidents: incidents.filter((i) => i.isDemo && beijingMonth(i.reportedAt) === month).length,
  }));
  const demoOpen = {
    warnings: warnings.filter((w) => w.isDemo && w.status !== 'CLOSED').length,
    incidents: incidents.filter((i) => i.isDemo && i.status !== 'CLOSED').length,
  };
  return { bySeverity, trend, demoOpen, raised: warnings.length + incidents.length };
}

const targetsOf = (programId: number) => ({ programId, filters: parseFilters({}).filters });

describe('the leadership risk summary', () => {
  it('counts months from the period, at most the last 24', () => {
    expect(monthsOf(yearPeriod(2026))).toHaveLength(12);
    expect(monthsOf(yearPeriod(2026))[0]).toBe('2026-01');
    expect(monthsOf(lastMonthsPeriod(new Date('2026-12-01T00:00:00Z'), 12))).toEqual(monthsOf(yearPeriod(2026)));
    expect(monthsOf(lastMonthsPeriod(new Date('2026-03-15T00:00:00Z'), 12))[0]).toBe('2025-04');
    expect(monthsOf({ from: new Date('2020-01-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') })).toHaveLength(24);
  });

  it("gives a leader each program's open figures by severity and its monthly trend, as the rows say", async () => {
    const period = lastMonthsPeriod(new Date(), 12);
    let seen = 0;
    for (const program of programs) {
      const got = await getLeadershipRisk({ actor: actors.leader, targets: targetsOf(program.id), period });
      const want = await expected(actors.leader, program.id, monthsOf(period));
      expect(got, program.code).toEqual({ bySeverity: want.bySeverity, trend: want.trend, demoOpen: want.demoOpen });
      seen += want.raised;
    }
    // The demo data raises warnings and reports incidents: the comparison is not of empty sets.
    expect(seen).toBeGreaterThan(0);
    const pilot = programs.find((p) => p.code === 'BJ-FINTECH-PILOT')!;
    const got = await getLeadershipRisk({ actor: actors.leader, targets: targetsOf(pilot.id), period });
    expect(SEVERITIES.some((s) => got.bySeverity[s].warnings > 0)).toBe(true);
    expect(got.demoOpen.warnings + got.demoOpen.incidents).toBeGreaterThan(0);
  });

  it('leaves out what falls outside the period', async () => {
    const pilot = programs.find((p) => p.code === 'BJ-FINTECH-PILOT')!;
    const got = await getLeadershipRisk({ actor: actors.leader, targets: targetsOf(pilot.id), period: yearPeriod(2019) });
    expect(got.trend.every((m) => m.warnings === 0 && m.incidents === 0)).toBe(true);
  });

  it("gives an institution its own projects' figures only", async () => {
    const period = lastMonthsPeriod(new Date(), 12);
    for (const actor of [actors.cmb, actors.unionpay]) {
      for (const program of programs) {
        const got = await getLeadershipRisk({ actor, targets: targetsOf(program.id), period });
        const want = await expected(actor, program.id, monthsOf(period));
        expect(got).toEqual({ bySeverity: want.bySeverity, trend: want.trend, demoOpen: want.demoOpen });
      }
    }
  });
});
