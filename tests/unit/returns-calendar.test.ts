/** The supervision cycle's calendar: periods, due dates and where a return stands, across year ends. */
import { describe, expect, it } from 'vitest';
import { dueDate, nextPeriod, parseReturnPeriod, periodContaining, returnState, schedulePeriods, type ReturnPeriod } from '@/lib/rules/returns';
import { formatDay } from '@/lib/rules/time';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const span = (p: ReturnPeriod) => `${p.key} ${formatDay(p.from)}..${formatDay(p.to)}`;

describe('periods', () => {
  it('names and bounds every frequency, leap years included', () => {
    expect(span(periodContaining('MONTHLY', d('2024-02-10')))).toBe('2024-02 2024-02-01..2024-02-29');
    expect(span(periodContaining('QUARTERLY', d('2026-12-31')))).toBe('2026-Q4 2026-10-01..2026-12-31');
    expect(span(periodContaining('HALF_YEARLY', d('2026-07-01')))).toBe('2026-H2 2026-07-01..2026-12-31');
    expect(span(periodContaining('YEARLY', d('2026-03-01')))).toBe('2026 2026-01-01..2026-12-31');
  });

  it('reads back every key it writes, and refuses malformed ones', () => {
    for (const key of ['2026-09', '2026-Q3', '2026-H2', '2026']) expect(parseReturnPeriod(key)?.key).toBe(key);
    for (const bad of ['2026-13', '2026-Q5', '2026-H3', '26', '2026-q3', '', '2026-Q3 ']) expect(parseReturnPeriod(bad)).toBeNull();
  });

  it('moves on across the year end', () => {
    expect(nextPeriod(parseReturnPeriod('2026-Q4')!).key).toBe('2027-Q1');
    expect(nextPeriod(parseReturnPeriod('2026-12')!).key).toBe('2027-01');
    expect(nextPeriod(parseReturnPeriod('2026-H2')!).key).toBe('2027-H1');
  });

  it('falls due the given number of days after the period ends, into the next year', () => {
    expect(formatDay(dueDate(parseReturnPeriod('2026-Q4')!, 15))).toBe('2027-01-15');
    expect(formatDay(dueDate(parseReturnPeriod('2024-02')!, 0))).toBe('2024-02-29');
  });
});

describe('a schedule', () => {
  const quarterly = { frequency: 'QUARTERLY' as const, dueDays: 15, startsOn: d('2026-02-10'), endsOn: null };

  it('owes every period that has ended since it started, and the current one only when asked', () => {
    expect(schedulePeriods(quarterly, d('2026-12-01')).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(schedulePeriods(quarterly, d('2026-12-01'), { current: true }).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(schedulePeriods(quarterly, d('2027-01-01')).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('owes nothing past its end, and nothing before it starts', () => {
    expect(schedulePeriods({ ...quarterly, endsOn: d('2026-06-30') }, d('2027-06-01')).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2']);
    expect(schedulePeriods({ ...quarterly, startsOn: d('2027-01-01') }, d('2026-12-01'), { current: true })).toEqual([]);
  });
});

describe('where a return stands', () => {
  const q3 = parseReturnPeriod('2026-Q3')!;
  const at = (s: string) => new Date(s);

  it('is not due while its period runs, open until the due day, missing and late after it', () => {
    expect(returnState(q3, 15, null, d('2026-09-30'))).toMatchObject({ state: 'NOT_DUE', late: false });
    expect(returnState(q3, 15, null, d('2026-10-01'))).toMatchObject({ state: 'OPEN', late: false });
    expect(returnState(q3, 15, null, d('2026-10-15'))).toMatchObject({ state: 'OPEN', late: false });
    expect(returnState(q3, 15, null, d('2026-10-16'))).toMatchObject({ state: 'MISSING', late: true });
  });

  it('counts a draft as nothing filed', () => {
    expect(returnState(q3, 15, { status: 'DRAFT', firstSubmittedAt: null }, d('2026-10-16')).state).toBe('MISSING');
  });

  it('judges lateness by the Beijing day of the first filing', () => {
    // 23:30 on the due day in Beijing is 15:30 UTC: on time.
    expect(returnState(q3, 15, { status: 'SUBMITTED', firstSubmittedAt: at('2026-10-15T15:30:00Z') }, d('2026-11-01'))).toMatchObject({
      state: 'SUBMITTED',
      late: false,
    });
    // 00:30 the next day in Beijing is 16:30 UTC on the due day: late.
    expect(returnState(q3, 15, { status: 'ACCEPTED', firstSubmittedAt: at('2026-10-15T16:30:00Z') }, d('2026-11-01'))).toMatchObject({
      state: 'ACCEPTED',
      late: true,
    });
  });

  it('keeps a returned filing returned, whatever the day', () => {
    expect(returnState(q3, 15, { status: 'RETURNED', firstSubmittedAt: at('2026-10-02T02:00:00Z') }, d('2027-03-01'))).toMatchObject({
      state: 'RETURNED',
      late: false,
    });
  });
});
