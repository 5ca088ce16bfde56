/**
 * The rules a reported indicator value must keep, shared by the form that
 * records one value and the import that loads many. Pure: the callers read the
 * indicator, the project and the neighbouring values; these only judge.
 * Messages are the form's error codes (namespace `formErrors`).
 */
import type { IndicatorKind } from '../generated/prisma/enums';

export type ValueProblem = { field: 'unit' | 'value' | 'asOf'; code: 'unitMismatch' | 'percentRange' | 'future' | 'beforeApproval' };

/** Unit, percent range and dates: what one value can be judged on by itself. */
export function valueProblems(
  input: { unit: string; value: number; asOf: Date },
  indicator: { unit: string; kind: IndicatorKind },
  project: { approvedAt: Date },
  today: Date,
): ValueProblem[] {
  const problems: ValueProblem[] = [];
  if (input.unit !== indicator.unit) problems.push({ field: 'unit', code: 'unitMismatch' });
  if (indicator.kind === 'PERCENT' && input.value > 100) problems.push({ field: 'value', code: 'percentRange' });
  if (input.asOf.getTime() > today.getTime()) problems.push({ field: 'asOf', code: 'future' });
  if (input.asOf.getTime() < project.approvedAt.getTime()) problems.push({ field: 'asOf', code: 'beforeApproval' });
  return problems;
}

/** A running total (users enrolled so far) never goes down; a rate may, even one read as its latest value. */
export function neverDecreases(indicator: { cumulative: boolean; kind: IndicatorKind }): boolean {
  return indicator.cumulative && indicator.kind !== 'PERCENT';
}

/**
 * A cumulative indicator never goes down: a value must not be below the one
 * reported before it, nor above the one reported after it. A value with a
 * correction note may break this (the note says why).
 */
export function breaksCumulativeOrder(value: number, before: number | undefined, after: number | undefined): boolean {
  return (before !== undefined && value < before) || (after !== undefined && value > after);
}
