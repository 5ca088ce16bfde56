/**
 * Assessment arithmetic: a rubric's weights, each round's weighted score, the
 * consolidated score, and the program's median per dimension. Pure: the data
 * layer, the pages, the export and the dossier all read their numbers here.
 */
import type { AssessmentRound, Role } from '../generated/prisma/enums';

export const ROUNDS: readonly AssessmentRound[] = ['SELF', 'REGULATOR', 'EXPERT'];

/** Weights are kept to four places; their sum may miss 1 by rounding alone. */
const WEIGHT_TOLERANCE = 0.00005;

/** Whether a rubric's weights may stand: every weight in (0, 1], and together exactly 1. */
export function weightsValid(weights: readonly number[]): boolean {
  if (weights.length === 0 || weights.some((w) => !Number.isFinite(w) || w <= 0 || w > 1)) return false;
  return Math.abs(weights.reduce((a, b) => a + b, 0) - 1) <= WEIGHT_TOLERANCE;
}

/** The round a user's scores belong to: the lead institution's self-assessment, the regulator's, an expert's. */
export function roundOf(role: Role): AssessmentRound | null {
  if (role === 'INSTITUTION') return 'SELF';
  if (role === 'REGULATOR') return 'REGULATOR';
  if (role === 'REVIEWER') return 'EXPERT';
  return null;
}

export type Dimension = { id: number; weight: number };
export type Score = { round: AssessmentRound; dimensionId: number; score: number };

export type RoundResult = {
  round: AssessmentRound;
  /** 0–100 on the weights, when every dimension has a score in this round; else null. */
  total: number | null;
  /** Per dimension, the mean of this round's scorers (null: not scored). */
  byDimension: Record<number, number | null>;
};

export type Consolidated = {
  rounds: RoundResult[];
  /** Per dimension, the mean of the rounds that scored it, on the rubric's scale. */
  byDimension: Record<number, number | null>;
  /** 0–100 on the weights; null until every dimension has a score in some round. */
  total: number | null;
};

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Σ weight × score / scale × 100, or null when a dimension has no score. */
function weighted(dimensions: readonly Dimension[], byDimension: Record<number, number | null>, scaleMax: number): number | null {
  let sum = 0;
  for (const d of dimensions) {
    const s = byDimension[d.id];
    if (s === null || s === undefined) return null;
    sum += d.weight * (s / scaleMax);
  }
  return round2(sum * 100);
}

/**
 * Each round's score (its scorers averaged per dimension), and the consolidated
 * score: per dimension the mean of the rounds that scored it, weighted into 0–100.
 * Every round counts equally, however many experts scored.
 */
export function consolidate(dimensions: readonly Dimension[], scores: readonly Score[], scaleMax: number): Consolidated {
  const rounds = ROUNDS.map((round): RoundResult => {
    const byDimension: Record<number, number | null> = {};
    for (const d of dimensions) byDimension[d.id] = mean(scores.filter((s) => s.round === round && s.dimensionId === d.id).map((s) => s.score));
    return { round, byDimension, total: weighted(dimensions, byDimension, scaleMax) };
  });
  const byDimension: Record<number, number | null> = {};
  for (const d of dimensions) {
    const m = mean(rounds.map((r) => r.byDimension[d.id]).filter((v): v is number => v !== null));
    byDimension[d.id] = m === null ? null : round2(m);
  }
  return { rounds, byDimension, total: weighted(dimensions, byDimension, scaleMax) };
}

/** An assessment may be confirmed once the self-assessment and the regulator's round are complete. */
export function mayConfirm(result: Consolidated): boolean {
  return result.rounds.filter((r) => r.round !== 'EXPERT').every((r) => r.total !== null);
}

/**
 * How many other projects of the program must have a confirmed assessment
 * before a project's radar shows the program median: with fewer, the median
 * (and the project's own scores beside it) would reveal another project's scores.
 */
export const MEDIAN_MIN_OTHERS = 3;

/** Whether the program median may be shown beside a project, given how many OTHER projects of the program have a confirmed assessment. */
export function medianShown(othersConfirmed: number): boolean {
  return othersConfirmed >= MEDIAN_MIN_OTHERS;
}

/** The median of the values (null for none): the program's middle project on a dimension. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** Projects ranked by consolidated score, highest first; unscored ones last, then by code. */
export function rank<T extends { total: number | null; code: string }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.code.localeCompare(b.code));
  let rankOf = 0;
  let previous: number | null = null;
  return sorted.map((row, i) => {
    if (row.total === null) return { ...row, rank: null };
    if (row.total !== previous) rankOf = i + 1;
    previous = row.total;
    return { ...row, rank: rankOf };
  });
}

export type FrozenRubric = { scaleMax: number; dimensions: (Dimension & { code: string; name: string; nameEn: string })[] };

/** The result as it is kept on confirmation and in the dossier: named dimensions, each round's total, the consolidated score. */
export function frozenResult(rubric: FrozenRubric, result: Consolidated, confirmedAt: Date) {
  return {
    confirmedAt: confirmedAt.toISOString(),
    scaleMax: rubric.scaleMax,
    total: result.total,
    rounds: result.rounds.map((r) => ({ round: r.round, total: r.total })),
    dimensions: rubric.dimensions.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn, weight: d.weight, score: result.byDimension[d.id] })),
  };
}
export type FrozenResult = ReturnType<typeof frozenResult>;

/** A stored frozen result read back (a dossier's, an assessment's), or null for anything else. */
export function asFrozenResult(value: unknown): FrozenResult | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Partial<FrozenResult>;
  return Array.isArray(v.dimensions) && Array.isArray(v.rounds) && typeof v.scaleMax === 'number' ? (v as FrozenResult) : null;
}
