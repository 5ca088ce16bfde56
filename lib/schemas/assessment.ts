/**
 * Assessment inputs: a rubric's scale and weights, one round's scores with their
 * evidence, a reviewer's assignment, a confirmation. Shared by the forms and the
 * server actions. A form repeats a field once per dimension, in the rubric's order.
 */
import { z } from 'zod';
import { weightsValid } from '../rules/assessment';
import { decimalField, idField, requiredText } from './fields';

/** One value or a list of them (a repeated form field arrives as a list, a single one as a value). */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).min(1, { error: 'required' }).max(max, { error: 'tooLong' }));

/** A whole score on the rubric's scale (the data layer checks the upper bound against the rubric). */
const scoreField = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : v === '' ? undefined : v),
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'invalidNumber') })
    .int({ error: 'invalidNumber' })
    .min(0, { error: 'negative' })
    .max(100, { error: 'tooLarge' }),
);

export const rubricSchema = z
  .object({
    programId: idField,
    version: idField,
    scaleMax: z.preprocess(
      (v) => (typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : v),
      z.number({ error: 'invalidNumber' }).int({ error: 'invalidNumber' }).min(2, { error: 'tooSmall' }).max(100, { error: 'tooLarge' }),
    ),
    dimensionId: listOf(idField, 30),
    weight: listOf(decimalField, 30),
  })
  .superRefine((v, ctx) => {
    if (v.weight.length !== v.dimensionId.length) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'invalid' });
    else if (!weightsValid(v.weight)) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'weightsSum' });
  });
export type RubricInput = z.output<typeof rubricSchema>;

export const assessmentScoreSchema = z
  .object({
    projectId: idField,
    version: idField,
    dimensionId: listOf(idField, 30),
    score: listOf(scoreField, 30),
    evidence: listOf(requiredText(2000), 30),
  })
  .superRefine((v, ctx) => {
    if (v.score.length !== v.dimensionId.length) ctx.addIssue({ code: 'custom', path: ['score'], message: 'invalid' });
    if (v.evidence.length !== v.dimensionId.length) ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'invalid' });
    if (new Set(v.dimensionId).size !== v.dimensionId.length) ctx.addIssue({ code: 'custom', path: ['dimensionId'], message: 'invalid' });
  });
export type AssessmentScoreInput = z.output<typeof assessmentScoreSchema>;

export const assessmentConfirmSchema = z.object({ projectId: idField, version: idField });
export type AssessmentConfirmInput = z.output<typeof assessmentConfirmSchema>;

export const reviewerAssignSchema = z.object({ projectId: idField, userId: idField });
export type ReviewerAssignInput = z.output<typeof reviewerAssignSchema>;
