import { describe, expect, it } from 'vitest';
import { breaksCumulativeOrder, neverDecreases, valueProblems } from '@/lib/rules/metric-rules';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const today = day('2026-11-28');
const project = { approvedAt: day('2020-04-01') };
const users = { unit: '人次', kind: 'COUNT' as const };
const rate = { unit: '%', kind: 'PERCENT' as const };

describe('the rules of one reported value', () => {
  it('accepts a value in the indicator’s unit, dated between approval and today', () => {
    expect(valueProblems({ unit: '人次', value: 5, asOf: day('2020-04-01') }, users, project, today)).toEqual([]);
    expect(valueProblems({ unit: '人次', value: 5, asOf: today }, users, project, today)).toEqual([]);
    expect(valueProblems({ unit: '%', value: 100, asOf: today }, rate, project, today)).toEqual([]);
  });

  it('names each rule broken, on its field', () => {
    expect(valueProblems({ unit: '户', value: 5, asOf: day('2026-11-29') }, users, project, today)).toEqual([
      { field: 'unit', code: 'unitMismatch' },
      { field: 'asOf', code: 'future' },
    ]);
    expect(valueProblems({ unit: '%', value: 100.5, asOf: day('2020-03-31') }, rate, project, today)).toEqual([
      { field: 'value', code: 'percentRange' },
      { field: 'asOf', code: 'beforeApproval' },
    ]);
  });

  it('keeps a cumulative series from going down on either side', () => {
    expect(breaksCumulativeOrder(10, undefined, undefined)).toBe(false);
    expect(breaksCumulativeOrder(10, 10, 10)).toBe(false);
    expect(breaksCumulativeOrder(9, 10, undefined)).toBe(true);
    expect(breaksCumulativeOrder(11, undefined, 10)).toBe(true);
  });

  it('holds running totals to that, not rates or per-period figures', () => {
    expect(neverDecreases({ cumulative: true, kind: 'COUNT' })).toBe(true);
    expect(neverDecreases({ cumulative: true, kind: 'AMOUNT' })).toBe(true);
    expect(neverDecreases({ cumulative: true, kind: 'PERCENT' })).toBe(false);
    expect(neverDecreases({ cumulative: false, kind: 'COUNT' })).toBe(false);
  });
});
