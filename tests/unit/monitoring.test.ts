/** Each kind of monitoring rule on series: first value, gaps, equal values, and the qualifiers 约, 超过, 不少于. */
import { describe, expect, it } from 'vitest';
import { complaintRate, drop, incidentAtLeast, returnLate, stagnant, stale, threshold, type Point, evaluate } from '@/lib/rules/monitoring';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const p = (asOf: string, value: number, qualifier: Point['qualifier'] = 'EXACT'): Point => ({ asOf: d(asOf), value, qualifier });

describe('threshold (and the testing envelope)', () => {
  it('reads the latest value, whatever order the series comes in', () => {
    const series = [p('2026-06-30', 150), p('2026-03-31', 50)];
    expect(threshold(series, { direction: 'above', limit: 100 })).toMatchObject({ fires: true, value: 150 });
    expect(threshold(series, { direction: 'below', limit: 100 })).toEqual({ fires: false, reason: 'within' });
  });

  it('does not fire at the limit itself, nor on no data', () => {
    expect(threshold([p('2026-03-31', 100)], { direction: 'above', limit: 100 }).fires).toBe(false);
    expect(threshold([p('2026-03-31', 100)], { direction: 'below', limit: 100 }).fires).toBe(false);
    expect(threshold([], { direction: 'above', limit: 1 })).toEqual({ fires: false, reason: 'noData' });
  });

  it('fires on 约 as the figure, marked approximate; a floor (超过, 不少于) only above', () => {
    expect(threshold([p('2026-03-31', 120, 'ABOUT')], { direction: 'above', limit: 100 })).toMatchObject({ fires: true, approximate: true });
    expect(threshold([p('2026-03-31', 120, 'OVER')], { direction: 'above', limit: 100 })).toMatchObject({ fires: true, approximate: false });
    expect(threshold([p('2026-03-31', 80, 'AT_LEAST')], { direction: 'below', limit: 100 })).toEqual({ fires: false, reason: 'lowerBound' });
    expect(threshold([p('2026-03-31', 80, 'ABOUT')], { direction: 'below', limit: 100 })).toMatchObject({ fires: true, approximate: true });
  });
});

describe('drop period on period', () => {
  it('needs two values: the first value never fires', () => {
    expect(drop([p('2026-03-31', 100)], { percent: 10 })).toEqual({ fires: false, reason: 'tooFew' });
  });

  it('fires above the percentage and not at it, across a gap in the periods', () => {
    expect(drop([p('2025-12-31', 200), p('2026-06-30', 170)], { percent: 10 })).toMatchObject({ fires: true, detail: { before: 200, percent: 15 } });
    expect(drop([p('2026-03-31', 200), p('2026-06-30', 180)], { percent: 10 }).fires).toBe(false);
    expect(drop([p('2026-03-31', 200), p('2026-06-30', 200)], { percent: 0 }).fires).toBe(false);
  });

  it('says nothing when the latest value is a floor, or when the one before is zero', () => {
    expect(drop([p('2026-03-31', 200), p('2026-06-30', 100, 'OVER')], { percent: 10 })).toEqual({ fires: false, reason: 'lowerBound' });
    expect(drop([p('2026-03-31', 0), p('2026-06-30', 0)], { percent: 10 }).fires).toBe(false);
  });
});

describe('no growth for N periods', () => {
  it('counts equal values as no growth, and needs N + 1 values', () => {
    expect(stagnant([p('2026-03-31', 5), p('2026-06-30', 5), p('2026-09-30', 5)], { periods: 2 })).toMatchObject({
      fires: true,
      detail: { since: '2026-03-31' },
    });
    expect(stagnant([p('2026-06-30', 5), p('2026-09-30', 5)], { periods: 2 })).toEqual({ fires: false, reason: 'tooFew' });
  });

  it('does not fire when any step of the window rises, and looks only at the window', () => {
    expect(stagnant([p('2026-03-31', 5), p('2026-06-30', 6), p('2026-09-30', 6)], { periods: 2 }).fires).toBe(false);
    expect(stagnant([p('2025-12-31', 1), p('2026-03-31', 9), p('2026-06-30', 8), p('2026-09-30', 8)], { periods: 2 }).fires).toBe(true);
  });
});

describe('no new value for N days', () => {
  const context = { today: d('2026-12-01'), since: d('2026-01-01') };

  it('counts from the latest value, or from entering the program when there is none', () => {
    expect(stale([p('2026-09-30', 1)], { days: 60 }, context)).toMatchObject({ fires: true, value: 62 });
    expect(stale([p('2026-10-02', 1)], { days: 60 }, context).fires).toBe(false);
    expect(stale([], { days: 300 }, context)).toMatchObject({ fires: true, value: 334, detail: { lastAsOf: '2026-01-01' } });
  });
});

describe('a return late by N days', () => {
  it('measures to the filing, or to today while nothing is filed', () => {
    expect(returnLate({ days: 5 }, { due: d('2026-10-15'), filedOn: d('2026-10-21'), today: d('2026-12-01') })).toMatchObject({ fires: true, value: 6 });
    expect(returnLate({ days: 5 }, { due: d('2026-10-15'), filedOn: d('2026-10-20'), today: d('2026-12-01') }).fires).toBe(false);
    expect(returnLate({ days: 30 }, { due: d('2026-10-15'), filedOn: null, today: d('2026-12-01') })).toMatchObject({ fires: true, value: 47 });
  });
});

describe('complaints per 10,000 users', () => {
  it('divides the latest complaints by the latest users', () => {
    expect(complaintRate([p('2026-09-30', 30)], [p('2026-06-30', 10_000), p('2026-09-30', 20_000)], { limit: 10 })).toMatchObject({ fires: true, value: 15 });
    expect(complaintRate([p('2026-09-30', 10)], [p('2026-09-30', 20_000)], { limit: 10 }).fires).toBe(false);
  });

  it('says nothing without users, or when the users are only a floor', () => {
    expect(complaintRate([p('2026-09-30', 10)], [], { limit: 1 })).toEqual({ fires: false, reason: 'noData' });
    expect(complaintRate([p('2026-09-30', 10)], [p('2026-09-30', 0)], { limit: 1 })).toEqual({ fires: false, reason: 'noData' });
    expect(complaintRate([p('2026-09-30', 10)], [p('2026-09-30', 100, 'OVER')], { limit: 1 })).toEqual({ fires: false, reason: 'lowerBound' });
  });
});

describe('an incident of a severity or worse', () => {
  const incidents = [
    { severity: 'GENERAL' as const, occurredAt: d('2026-10-01') },
    { severity: 'SERIOUS' as const, occurredAt: d('2026-09-01') },
  ];

  it('fires on the rule severity and above, naming the latest such incident', () => {
    expect(incidentAtLeast(incidents, { severity: 'MAJOR' })).toMatchObject({ fires: true, detail: { severity: 'SERIOUS' } });
    expect(incidentAtLeast(incidents, { severity: 'GENERAL' })).toMatchObject({ fires: true, detail: { severity: 'GENERAL' } });
    expect(incidentAtLeast(incidents, { severity: 'CRITICAL' }).fires).toBe(false);
  });
});

describe('a stored rule, through the one entry point', () => {
  const inputs = { series: [p('2026-06-30', 900), p('2026-09-30', 1200)], today: d('2026-12-01'), since: d('2026-01-01') };

  it('reads the testing envelope as an upper threshold at the declared scale, and says nothing without one', () => {
    expect(evaluate({ kind: 'ENVELOPE', limit: 1000 }, inputs)).toMatchObject({ fires: true, value: 1200, detail: { limit: 1000 } });
    expect(evaluate({ kind: 'ENVELOPE', limit: 1200 }, inputs).fires).toBe(false);
    expect(evaluate({ kind: 'ENVELOPE', limit: null }, inputs)).toEqual({ fires: false, reason: 'noData' });
  });

  it('passes every kind to its evaluator', () => {
    expect(evaluate({ kind: 'THRESHOLD', direction: 'below', limit: 1000 }, inputs).fires).toBe(false);
    expect(evaluate({ kind: 'DROP', percent: 10 }, inputs).fires).toBe(false);
    expect(evaluate({ kind: 'STAGNANT', periods: 1 }, inputs).fires).toBe(false);
    expect(evaluate({ kind: 'STALE', days: 30 }, inputs)).toMatchObject({ fires: true, value: 62 });
    expect(evaluate({ kind: 'COMPLAINT_RATE', limit: 1 }, { ...inputs, base: [p('2026-09-30', 10_000)] })).toMatchObject({ fires: true, value: 1200 });
    expect(evaluate({ kind: 'INCIDENT_SEVERITY', severity: 'GENERAL' }, inputs).fires).toBe(false);
    expect(evaluate({ kind: 'LATE_RETURN', days: 15 }, inputs)).toEqual({ fires: false, reason: 'within' });
  });

  it('reads a late-return rule on the oldest unfiled return, naming its period, and not at the limit itself', () => {
    const overdue = [
      { period: '2026-10', due: d('2026-11-10') },
      { period: '2026-09', due: d('2026-10-10') },
    ];
    expect(evaluate({ kind: 'LATE_RETURN', days: 30 }, { ...inputs, overdue })).toEqual({
      fires: true,
      value: 52,
      approximate: false,
      detail: { days: 52, due: '2026-10-10', period: '2026-09' },
    });
    expect(evaluate({ kind: 'LATE_RETURN', days: 52 }, { ...inputs, overdue }).fires).toBe(false);
  });
});
