/** The returns board's URL: each parameter on its own, a bad one dropped with a notice; and the demo quarter across year ends. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardHref, parseBoardQuery } from '@/lib/rules/return-board-query';
import { lastDueQuarter } from '@/seeds/returns-demo';

describe('parseBoardQuery', () => {
  it('keeps what is valid, normalised, and names every value it drops', () => {
    const { query, notices } = parseBoardQuery({
      program: 'bj-fintech-pilot',
      template: 'quarterly',
      period: '2026-q3',
      institution: 'abc',
      direction: ['D1', 'D2'],
      state: 'LATE',
    });
    expect(query).toEqual({ program: 'BJ-FINTECH-PILOT', template: 'QUARTERLY', period: '2026-Q3', state: 'LATE' });
    expect(notices.map((n) => [n.key, n.reason])).toEqual([
      ['direction', 'repeated'],
      ['institution', 'malformed'],
    ]);
    expect(parseBoardQuery(new URLSearchParams('period=2026-Q5&state=LOST')).notices.map((n) => n.key)).toEqual(['period', 'state']);
  });

  it('never throws, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('program', 'template', 'period', 'direction', 'institution', 'state', 'x'), fc.oneof(fc.string(), fc.array(fc.string()))),
        (raw) => {
          const { query } = parseBoardQuery(raw);
          // What it keeps survives a round trip through the URL.
          expect(parseBoardQuery(new URLSearchParams(boardHref('', query).slice(1))).query).toEqual(query);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('builds links that change one value and keep the others', () => {
    const q = { program: 'P', template: 'T', period: '2026-Q3' };
    expect(boardHref('/returns', q, { state: 'MISSING' })).toBe('/returns?program=P&template=T&period=2026-Q3&state=MISSING');
    expect(boardHref('/returns', { ...q, state: 'LATE' }, { state: undefined })).toBe('/returns?program=P&template=T&period=2026-Q3');
  });
});

describe('the demo quarter', () => {
  it('is the latest quarter whose due date (15 days after its end) has passed, across a year end', () => {
    const on = (d: string) => lastDueQuarter(new Date(`${d}T00:00:00Z`)).key;
    expect(on('2026-12-01')).toBe('2026-Q3');
    expect(on('2027-01-15')).toBe('2026-Q3');
    expect(on('2027-01-16')).toBe('2026-Q4');
    expect(on('2026-01-10')).toBe('2025-Q3');
  });
});
