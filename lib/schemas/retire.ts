/**
 * Retiring (a soft removal) and restoring a record: which record, the version
 * the form read, and which of the two. One schema per record kind, shared by
 * the buttons and the server actions.
 */
import { z } from 'zod';
import { idField } from './fields';

/** "true" retires, "false" restores: the text a form's hidden field carries, nothing else. */
export const retiredField = z.enum(['true', 'false'], { error: 'invalid' }).transform((v) => v === 'true');

const change = { version: idField, retired: retiredField };

export const projectRetireSchema = z.object({ projectId: idField, ...change });
export type ProjectRetireInput = z.output<typeof projectRetireSchema>;

export const milestoneRetireSchema = z.object({ projectId: idField, milestoneId: idField, ...change });
export type MilestoneRetireInput = z.output<typeof milestoneRetireSchema>;

export const progressReportRetireSchema = z.object({ projectId: idField, reportId: idField, ...change });
export type ProgressReportRetireInput = z.output<typeof progressReportRetireSchema>;

export const commentRetireSchema = z.object({ commentId: idField, ...change });
export type CommentRetireInput = z.output<typeof commentRetireSchema>;

export const institutionRetireSchema = z.object({ institutionId: idField, ...change });
export type InstitutionRetireInput = z.output<typeof institutionRetireSchema>;

export const indicatorRetireSchema = z.object({ indicatorId: idField, ...change });
export type IndicatorRetireInput = z.output<typeof indicatorRetireSchema>;

export const technologyRetireSchema = z.object({ technologyId: idField, ...change });
export type TechnologyRetireInput = z.output<typeof technologyRetireSchema>;
