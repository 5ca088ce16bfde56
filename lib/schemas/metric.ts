import { z } from 'zod';
import { ValueQualifier } from '../generated/prisma/enums';
import { checkbox, dateField, decimalField, idField, requiredText, text } from './fields';

/**
 * One reported value of an indicator. The checks that need the database (unit
 * of the indicator, approval date, cumulative order, duplicates) are made by
 * recordMetric and come back as field messages too.
 */
export const metricRecordSchema = z.object({
  projectId: idField,
  indicatorCode: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: 'required' }).regex(/^[A-Z0-9_]{1,40}$/, { error: 'invalid' })),
  asOf: dateField,
  value: decimalField,
  unit: requiredText(20),
  qualifier: z.preprocess((v) => (v === undefined || v === '' ? 'EXACT' : v), z.enum(ValueQualifier, { error: 'invalid' })),
  sourceNote: requiredText(500),
  correctionNote: text(500),
  /** Replace the value already recorded for this date instead of adding one. */
  correct: checkbox,
});
export type MetricRecordInput = z.output<typeof metricRecordSchema>;

/** The metric value list's own filter, beside the project filters: an indicator code. A malformed value is ignored. */
export const metricListFilterSchema = z.object({
  indicator: z
    .preprocess(
      (v) => (Array.isArray(v) ? v[0] : v),
      z
        .string()
        .trim()
        .regex(/^[A-Z0-9_]{1,40}$/)
        .optional(),
    )
    .catch(undefined),
});
export type MetricListFilter = z.output<typeof metricListFilterSchema>;
