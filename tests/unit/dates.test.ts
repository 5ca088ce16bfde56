import { describe, expect, it } from 'vitest';
import { describeDate, placeInPeriod, type BoundedDate } from '@/lib/rules/dates';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const day = (iso: string): BoundedDate => ({ effectiveDate: d(iso), datePrecision: 'DAY', notBefore: null, dateInferred: false });
const between = (from: string, to: string): BoundedDate => ({ effectiveDate: d(to), datePrecision: 'BETWEEN', notBefore: d(from), dateInferred: false });
const onOrBefore = (to: string): BoundedDate => ({ effectiveDate: d(to), datePrecision: 'ON_OR_BEFORE', notBefore: null, dateInferred: false });
const q2 = { from: d('2020-04-01'), to: d('2020-06-30') };

describe('bounded dates', () => {
  it('say a day, an upper bound or a range, never more than the record gives', () => {
    expect(describeDate(day('2020-06-12'))).toMatchObject({ key: 'day', values: { date: '2020-06-12' } });
    expect(describeDate(onOrBefore('2020-06-12'))).toMatchObject({ key: 'onOrBefore', values: { date: '2020-06-12' } });
    expect(describeDate(between('2019-12-07', '2020-06-12'))).toMatchObject({ key: 'between', values: { from: '2019-12-07', to: '2020-06-12' } });
  });

  it('count a range that straddles a period’s start as reached by its end, not as added in it', () => {
    expect(placeInPeriod(between('2019-12-07', '2020-06-12'), q2)).toBe('byEnd');
    expect(placeInPeriod(onOrBefore('2020-06-12'), q2)).toBe('byEnd');
    expect(placeInPeriod(between('2020-04-02', '2020-06-12'), q2)).toBe('in');
    expect(placeInPeriod(day('2020-05-01'), q2)).toBe('in');
  });

  it('place what is certainly outside a period outside it, and what may fall either side as maybe', () => {
    expect(placeInPeriod(between('2019-12-07', '2020-01-31'), q2)).toBe('before');
    expect(placeInPeriod(day('2020-07-01'), q2)).toBe('after');
    expect(placeInPeriod(between('2020-07-01', '2020-08-01'), q2)).toBe('after');
    expect(placeInPeriod(between('2020-05-01', '2020-08-01'), q2)).toBe('maybe');
    // The day the period ends and the day it starts belong to it.
    expect(placeInPeriod(day('2020-06-30'), q2)).toBe('in');
    expect(placeInPeriod(day('2020-04-01'), q2)).toBe('in');
  });
});
