import { z } from 'zod';
import { dateField, idField, requiredText, text } from './fields';

/** Scenarios arrive as one per line (a textarea) or as a list. */
export const scenariosField = z.preprocess(
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

/** A correction of a milestone's title or due date; `version` is the milestone's, as the form read it. */
export const milestoneEditSchema = milestoneAddSchema.extend({ milestoneId: idField, version: idField });
export type MilestoneEditInput = z.output<typeof milestoneEditSchema>;

export const commentSchema = z.object({
  projectId: idField,
  body: requiredText(2000),
});
export type CommentInput = z.output<typeof commentSchema>;

/** Its author's correction of a comment. */
export const commentEditSchema = commentSchema.omit({ projectId: true }).extend({ commentId: idField, version: idField });
export type CommentEditInput = z.output<typeof commentEditSchema>;

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

/** The lead institution's correction of a report: its quarter and its text. */
export const progressReportEditSchema = progressReportSchema.extend({ reportId: idField, version: idField });
export type ProgressReportEditInput = z.output<typeof progressReportEditSchema>;

/** The first day of a YYYY-Qn quarter, as a UTC midnight. */
export function quarterStart(period: string): Date {
  const [year, q] = period.split('-Q').map(Number);
  return new Date(Date.UTC(year, (q - 1) * 3, 1));
}
