import { z } from 'zod';
import { dateField, idField, requiredText, text } from './fields';

/** Scenarios arrive as one per line (a textarea) or as a list. */
const scenariosField = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/) : v),
  z
    .array(z.string({ error: 'invalid' }), { error: 'invalid' })
    .transform((list) => [...new Set(list.map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(40, { error: 'tooLong' })).max(20, { error: 'tooMany' })),
);

/** An edit of a project's own description; `version` is the one the form was read at. */
export const projectDetailsSchema = z.object({
  projectId: idField,
  version: idField,
  summary: text(2000),
  scenarios: scenariosField,
});
export type ProjectDetailsInput = z.output<typeof projectDetailsSchema>;

export const stageProposalSchema = z.object({
  projectId: idField,
  version: idField,
  /** A stage of the project's lifecycle, by code; whether it is one, and a move allowed, is the data layer's to decide. */
  toStage: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string({ error: 'invalid' }).regex(/^[A-Z][A-Z0-9_]{0,39}$/, { error: 'invalid' }),
  ),
  effectiveDate: dateField,
  evidenceNote: requiredText(2000),
});
export type StageProposalInput = z.output<typeof stageProposalSchema>;

export const proposalDecisionSchema = z.object({
  proposalId: idField,
  decision: z.enum(['APPROVE', 'REJECT'], { error: 'invalid' }),
  note: requiredText(1000),
});
export type ProposalDecisionInput = z.output<typeof proposalDecisionSchema>;

export const milestoneAddSchema = z.object({
  projectId: idField,
  title: requiredText(200),
  dueDate: dateField,
});
export type MilestoneAddInput = z.output<typeof milestoneAddSchema>;

export const milestoneCompleteSchema = z.object({
  projectId: idField,
  milestoneId: idField,
  completedAt: dateField,
});
export type MilestoneCompleteInput = z.output<typeof milestoneCompleteSchema>;

export const commentSchema = z.object({
  projectId: idField,
  body: requiredText(2000),
});
export type CommentInput = z.output<typeof commentSchema>;

/** A quarter as YYYY-Qn. */
export const periodField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string({ error: 'required' }).regex(/^(199\d|2[01]\d\d)-Q[1-4]$/, { error: 'invalidPeriod' }),
);

export const progressReportSchema = z.object({
  projectId: idField,
  period: periodField,
  body: requiredText(5000),
});
export type ProgressReportInput = z.output<typeof progressReportSchema>;

/** The first day of a YYYY-Qn quarter, as a UTC midnight. */
export function quarterStart(period: string): Date {
  const [year, q] = period.split('-Q').map(Number);
  return new Date(Date.UTC(year, (q - 1) * 3, 1));
}
