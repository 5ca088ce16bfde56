import { describe, expect, it } from 'vitest';
import { acrossProjects, combineQualifiers, perProject, type Reported } from '@/lib/rules/indicators';

const v = (value: number, asOf: string, qualifier: Reported['qualifier'] = 'EXACT'): Reported => ({ value, qualifier, asOf: new Date(asOf) });

describe('indicator rule', () => {
  it('takes a cumulative or rate indicator’s latest value per project, and sums a per-period one', () => {
    const values = [v(10, '2020-01-31'), v(30, '2020-06-30'), v(20, '2020-03-31', 'ABOUT')];
    expect(perProject({ kind: 'COUNT', aggregation: 'SUM', cumulative: true }, values)).toMatchObject({ value: 30, qualifier: 'EXACT' });
    expect(perProject({ kind: 'PERCENT', aggregation: 'SUM', cumulative: false }, values)).toMatchObject({ value: 30 });
    expect(perProject({ kind: 'COUNT', aggregation: 'SUM', cumulative: false }, values)).toMatchObject({ value: 60, qualifier: 'ABOUT' });
    expect(perProject({ kind: 'COUNT', aggregation: 'SUM', cumulative: true }, [])).toBeNull();
  });

  it('adds, takes the largest or the latest across projects, and averages a rate instead of adding it', () => {
    const standings = [v(40, '2020-06-30'), v(60, '2020-03-31', 'OVER'), v(50, '2020-06-30')];
    expect(acrossProjects({ kind: 'COUNT', aggregation: 'SUM', cumulative: true }, standings)).toEqual({ value: 150, qualifier: 'OVER' });
    expect(acrossProjects({ kind: 'COUNT', aggregation: 'MAX', cumulative: true }, standings)?.value).toBe(60);
    // The latest date wins; on a tie, the larger value.
    expect(acrossProjects({ kind: 'COUNT', aggregation: 'LATEST', cumulative: true }, standings)?.value).toBe(50);
    expect(acrossProjects({ kind: 'PERCENT', aggregation: 'SUM', cumulative: true }, standings)?.value).toBe(50);
    expect(acrossProjects({ kind: 'COUNT', aggregation: 'SUM', cumulative: true }, [])).toBeNull();
  });

  it('lets the weakest qualifier speak for a total: about before over before exact', () => {
    expect(combineQualifiers(['EXACT', 'OVER', 'ABOUT'])).toBe('ABOUT');
    expect(combineQualifiers(['EXACT', 'OVER'])).toBe('OVER');
    expect(combineQualifiers(['AT_LEAST', 'OVER'])).toBe('OVER');
    expect(combineQualifiers(['EXACT', 'AT_LEAST'])).toBe('AT_LEAST');
    expect(combineQualifiers(['EXACT'])).toBe('EXACT');
  });
});
