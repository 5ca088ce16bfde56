/**
 * The indicator aggregation rule (lib/rules/indicators.ts) is written as
 * TypeScript and as SQL. Seeded random values for every combination of rule
 * (SUM, MAX, LATEST × count, rate × cumulative, per period), with ties, gaps
 * and qualifiers, must total the same in the TypeScript form and on every page
 * that totals them: the dashboard (program and per direction) and the
 * leadership summary (a period's start and end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Aggregation, IndicatorKind, ValueQualifier } from '@/lib/generated/prisma/enums';
import { getIndicators } from '@/lib/data/dashboard';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getIndicatorsInPeriod } from '@/lib/data/leadership';
import type { Actor } from '@/lib/rules/authz';
import { acrossProjects, perProject, type IndicatorRule, type Reported } from '@/lib/rules/indicators';
import { parsePeriod } from '@/lib/rules/periods';
import { resetDatabase, testClient } from '../support/db';
import { createProgram, day, stageIdOf } from '../support/factories';

const prisma = testClient();
const regulator: Actor = { userId: 1, role: 'REGULATOR', institutionId: null, name: 't', programs: 'ALL' };
type Stored = Reported & { project: string; direction: string; indicator: string };
const rules = new Map<string, IndicatorRule>();
const stored: Stored[] = [];

// A small deterministic generator, so a failure reproduces.
let seed = 20_200_612;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
const DATES = ['2020-01-31', '2020-02-29', '2020-03-31', '2020-06-30', '2020-09-30'];

beforeAll(async () => {
  await resetDatabase(prisma);
  const { program, place } = await createProgram(prisma, 'AGG');
  const lead = await prisma.institution.create({ data: { name: '汇总机构', kind: 'BANK' } });
  const projects = [];
  for (let n = 1; n <= 8; n++) {
    const direction = n % 2 ? 'D1' : 'D2';
    projects.push({
      direction,
      row: await prisma.project.create({
        data: {
          code: `A-${n}`,
          name: `A-${n}`,
          programId: program.id,
          ...place(`${direction}-1`),
          stageId: await stageIdOf(prisma, 'ONLINE'),
          reachedOrder: 2,
          approvedAt: day('2020-01-01'),
          institutions: { create: [{ institutionId: lead.id, role: 'LEAD' }] },
        },
      }),
    });
  }
  let order = 0;
  for (const aggregation of ['SUM', 'MAX', 'LATEST'] as Aggregation[]) {
    for (const kind of ['COUNT', 'PERCENT'] as IndicatorKind[]) {
      for (const cumulative of [true, false]) {
        const code = `${aggregation}_${kind}_${cumulative ? 'CUM' : 'PER'}`;
        const indicator = await prisma.indicator.create({
          data: { code, nameZh: code, nameEn: code, unit: '个', kind, aggregation, cumulative, sortOrder: order++ },
        });
        rules.set(code, { aggregation, kind, cumulative });
        for (const { row, direction } of projects) {
          // Some projects report nothing; the others a few dates, often sharing one (ties).
          const dates = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(DATES)))];
          for (const asOf of dates) {
            const value = kind === 'PERCENT' ? Math.round(random() * 1000) / 10 : Math.floor(random() * 50) * 10;
            const qualifier = pick<ValueQualifier>(['EXACT', 'EXACT', 'EXACT', 'ABOUT', 'OVER', 'AT_LEAST']);
            await prisma.metricValue.create({ data: { projectId: row.id, indicatorId: indicator.id, asOf: day(asOf), value, qualifier, source: 'test' } });
            stored.push({ project: row.code, direction, indicator: code, value, qualifier, asOf: day(asOf) });
          }
        }
      }
    }
  }
});
afterAll(() => prisma.$disconnect());

/** What the TypeScript rule makes of the stored values, for some projects and values. */
function expected(code: string, keep: (v: Stored) => boolean = () => true) {
  const rule = rules.get(code)!;
  const byProject = new Map<string, Stored[]>();
  for (const v of stored.filter((v) => v.indicator === code && keep(v))) byProject.set(v.project, [...(byProject.get(v.project) ?? []), v]);
  const standings = [...byProject.values()].map((values) => perProject(rule, values)!);
  return acrossProjects(rule, standings);
}
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 6);

describe('the indicator rule in TypeScript and in SQL', () => {
  it('totals every rule the same on the dashboard, for the program and each direction', async () => {
    const { targets } = (await resolveFilters({ filters: { program: 'AGG' } }))!;
    const totals = await getIndicators({ actor: regulator, targets });
    expect(totals.map((t) => t.code).sort()).toEqual([...rules.keys()].sort());
    for (const t of totals) {
      const whole = expected(t.code)!;
      close(t.value, whole.value);
      expect(t.qualifier, t.code).toBe(whole.qualifier);
      for (const direction of ['D1', 'D2']) {
        const share = expected(t.code, (v) => v.direction === direction);
        if (!share) expect(t.byDirection[direction]).toBeUndefined();
        else {
          close(t.byDirection[direction].value, share.value);
          expect(t.byDirection[direction].qualifier).toBe(share.qualifier);
        }
      }
    }
  });

  it("totals every rule the same in the leadership summary, at a period's start and end and per direction", async () => {
    const { targets } = (await resolveFilters({ filters: { program: 'AGG' } }))!;
    const period = parsePeriod({ period: '2020-Q2' })!;
    const { indicators, later } = await getIndicatorsInPeriod({ actor: regulator, targets, period });
    const growth = new Map(indicators.map((g) => [g.code, g]));
    expect(later).toBe(stored.filter((v) => v.asOf > period.to).length);
    expect(later).toBeGreaterThan(0);
    for (const [code, rule] of rules) {
      const cumulative = rule.cumulative || rule.kind === 'PERCENT';
      const within = (v: Stored) => (cumulative ? v.asOf <= period.to : v.asOf >= period.from && v.asOf <= period.to);
      const end = expected(code, within);
      const start = cumulative ? expected(code, (v) => v.asOf < period.from) : null;
      const g = growth.get(code);
      if (!end) {
        expect(g, code).toBeUndefined();
        continue;
      }
      close(g!.end, end.value);
      expect(g!.endQualifier, code).toBe(end.qualifier);
      if (start) close(g!.start!, start.value);
      else expect(g!.start).toBeNull();
      for (const direction of ['D1', 'D2']) {
        const share = expected(code, (v) => within(v) && v.direction === direction);
        if (share) close(g!.byDirection[direction].value, share.value);
        else expect(g!.byDirection[direction]).toBeUndefined();
      }
    }
  });
});
