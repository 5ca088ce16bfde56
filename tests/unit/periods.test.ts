import { describe, expect, it } from 'vitest';
import { parsePeriod, periodDates, periodQuery } from '@/lib/rules/periods';

describe('reporting periods', () => {
  it('reads years, quarters, months and custom ranges', () => {
    expect(periodDates(parsePeriod({ period: '2020' })!)).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(periodDates(parsePeriod({ period: '2020-Q2' })!)).toEqual({ from: '2020-04-01', to: '2020-06-30' });
    expect(periodDates(parsePeriod({ period: '2020-02' })!)).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(periodDates(parsePeriod({ from: '2019-12-01', to: '2020-06-12' })!)).toEqual({ from: '2019-12-01', to: '2020-06-12' });
  });

  it('gives null for anything malformed, so the page falls back to its default', () => {
    for (const period of ['20', '2020-Q5', '2020-13', 'last year', "2020'; --", '2020-Q2-x']) expect(parsePeriod({ period })).toBeNull();
    expect(parsePeriod({ from: '2020-06-12', to: '2020-01-01' })).toBeNull();
    expect(parsePeriod({ from: '2020-02-30', to: '2020-03-01' })).toBeNull();
    expect(parsePeriod({})).toBeNull();
  });

  it('writes a period back into the URL it came from', () => {
    expect(periodQuery(parsePeriod({ period: '2020-Q2' })!)).toBe('period=2020-Q2');
    expect(periodQuery(parsePeriod({ from: '2019-12-01', to: '2020-06-12' })!)).toBe('from=2019-12-01&to=2020-06-12');
  });
});
