/** The rubric arithmetic: weights, each round's score, the consolidated score, medians and ranks. */
import { describe, expect, it } from 'vitest';
import { consolidate, frozenResult, mayConfirm, median, MEDIAN_MIN_OTHERS, medianShown, rank, roundOf, weightsValid, type Score } from '@/lib/rules/assessment';
import { rubricSchema } from '@/lib/schemas/assessment';
import { RUBRICS } from '@/seeds/rubrics';

const dims = [
  { id: 1, weight: 0.5 },
  { id: 2, weight: 0.3 },
  { id: 3, weight: 0.2 },
];
const all = (round: Score['round'], values: number[], offset = 0): Score[] => values.map((score, i) => ({ round, dimensionId: i + 1 + offset, score }));

describe('weights', () => {
  it('accept weights that sum to 1, within rounding of four places', () => {
    expect(weightsValid([0.5, 0.3, 0.2])).toBe(true);
    expect(weightsValid([0.3333, 0.3333, 0.3334])).toBe(true);
    expect(weightsValid(Array(8).fill(0.125))).toBe(true);
  });
  it('refuse weights that do not sum to 1, are empty, zero or negative', () => {
    expect(weightsValid([0.5, 0.3])).toBe(false);
    expect(weightsValid([0.5, 0.3, 0.3])).toBe(false);
    expect(weightsValid([])).toBe(false);
    expect(weightsValid([1, 0])).toBe(false);
    expect(weightsValid([1.2, -0.2])).toBe(false);
    expect(weightsValid([NaN, 1])).toBe(false);
  });
  it('the rubric form is refused with a message on the weights when they do not sum to 1', () => {
    const result = rubricSchema.safeParse({ programId: 1, version: 1, scaleMax: '5', dimensionId: ['1', '2'], weight: ['0.5', '0.4'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['weight', 'weightsSum']]);
  });
  it('every seeded rubric sums to 1, and the sandbox has the eight exit-evaluation dimensions', () => {
    for (const def of Object.values(RUBRICS)) expect(weightsValid(def.dimensions.map((d) => d.weight))).toBe(true);
    expect(RUBRICS['BJ-FINTECH-SANDBOX'].dimensions.map((d) => d.name)).toEqual([
      '创新价值',
      '服务质量',
      '用户满意度',
      '业务连续性保障',
      '合法合规',
      '交易安全',
      '数据安全',
      '风险防控',
    ]);
  });
});

describe('consolidated score', () => {
  it('weights each round into 0–100 and averages the rounds per dimension', () => {
    const scores = [...all('SELF', [5, 4, 3]), ...all('REGULATOR', [3, 4, 5])];
    const r = consolidate(dims, scores, 5);
    // SELF: (0.5·5 + 0.3·4 + 0.2·3)/5 = 0.86; REGULATOR: (0.5·3 + 0.3·4 + 0.2·5)/5 = 0.74
    expect(r.rounds.map((x) => [x.round, x.total])).toEqual([
      ['SELF', 86],
      ['REGULATOR', 74],
      ['EXPERT', null],
    ]);
    expect(r.byDimension).toEqual({ 1: 4, 2: 4, 3: 4 });
    expect(r.total).toBe(80);
  });
  it('averages several experts inside their round, so the round counts once', () => {
    const scores = [
      ...all('SELF', [5, 5, 5]),
      { round: 'EXPERT' as const, dimensionId: 1, score: 1 },
      { round: 'EXPERT' as const, dimensionId: 1, score: 3 },
      { round: 'EXPERT' as const, dimensionId: 2, score: 5 },
      { round: 'EXPERT' as const, dimensionId: 3, score: 5 },
    ];
    const r = consolidate(dims, scores, 5);
    expect(r.rounds[2].byDimension[1]).toBe(2);
    // Dimension 1: mean of SELF 5 and EXPERT 2 = 3.5
    expect(r.byDimension[1]).toBe(3.5);
    expect(r.total).toBe(round2(((0.5 * 3.5 + 0.3 * 5 + 0.2 * 5) / 5) * 100));
  });
  it('has no total while a dimension has no score in any round, and a round none until it is complete', () => {
    const r = consolidate(dims, all('SELF', [5, 4]), 5);
    expect(r.rounds[0].total).toBeNull();
    expect(r.byDimension[3]).toBeNull();
    expect(r.total).toBeNull();
    expect(consolidate(dims, [], 5).total).toBeNull();
  });
  it('reads zero as a score, not as missing', () => {
    expect(consolidate(dims, all('SELF', [0, 0, 0]), 5).total).toBe(0);
  });
  it('may be confirmed once the self and regulator rounds are complete, the expert round not required', () => {
    expect(mayConfirm(consolidate(dims, all('SELF', [5, 4, 3]), 5))).toBe(false);
    expect(mayConfirm(consolidate(dims, [...all('SELF', [5, 4, 3]), ...all('REGULATOR', [5, 4])], 5))).toBe(false);
    expect(mayConfirm(consolidate(dims, [...all('SELF', [5, 4, 3]), ...all('REGULATOR', [5, 4, 3])], 5))).toBe(true);
  });
  it('freezes named dimensions with their weights and scores', () => {
    const rubric = { scaleMax: 5, dimensions: dims.map((d) => ({ ...d, code: `D${d.id}`, name: `维度${d.id}`, nameEn: `D${d.id}` })) };
    const frozen = frozenResult(rubric, consolidate(dims, all('SELF', [5, 4, 3]), 5), new Date('2026-11-20T08:00:00Z'));
    expect(frozen.dimensions).toEqual([
      { code: 'D1', name: '维度1', nameEn: 'D1', weight: 0.5, score: 5 },
      { code: 'D2', name: '维度2', nameEn: 'D2', weight: 0.3, score: 4 },
      { code: 'D3', name: '维度3', nameEn: 'D3', weight: 0.2, score: 3 },
    ]);
    expect(frozen.total).toBe(86);
  });
});

const round2 = (n: number) => Math.round(n * 100) / 100;

describe('median and rank', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('ranks by score, ties share a rank, unscored last', () => {
    const ranked = rank([
      { code: 'B', total: 80 },
      { code: 'C', total: null },
      { code: 'A', total: 80 },
      { code: 'D', total: 90 },
    ]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['D', 1],
      ['A', 2],
      ['B', 2],
      ['C', null],
    ]);
  });
  it('gives each role its round', () => {
    expect([roundOf('INSTITUTION'), roundOf('REGULATOR'), roundOf('REVIEWER'), roundOf('LEADER'), roundOf('ADMIN')]).toEqual([
      'SELF',
      'REGULATOR',
      'EXPERT',
      null,
      null,
    ]);
  });
});

describe('when the program median may be shown', () => {
  it('needs at least three other projects with a confirmed assessment', () => {
    expect(MEDIAN_MIN_OTHERS).toBe(3);
    expect([0, 1, 2, 3, 4, 40].map(medianShown)).toEqual([false, false, false, true, true, true]);
  });
});
