/**
 * Inputs of risk control: an incident's report and its steps, a monitoring
 * rule, and a regulator's handling of a warning. Shared by the forms and the
 * server actions.
 */
import { z } from 'zod';
import { IncidentCategory, RuleDirection, RuleKind, Severity } from '../generated/prisma/enums';
import { decimalField, idField, requiredText, text } from './fields';

const MOMENT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A moment as a datetime-local field gives it (YYYY-MM-DDTHH:mm), read as Beijing time. */
export const beijingMomentField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'required' })
    .min(1, { error: 'required' })
    .regex(MOMENT_RE, { error: 'invalidDate' })
    .transform((s, ctx) => {
      const [, y, mo, d, h, mi] = MOMENT_RE.exec(s)!.map(Number);
      const utc = new Date(Date.UTC(y, mo - 1, d, h - 8, mi));
      const back = new Date(utc.getTime() + 8 * 3_600_000);
      const exists = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && back.getUTCHours() === h;
      if (!exists || y < 1990 || y > 2200) {
        ctx.addIssue({ code: 'custom', message: 'invalidDate' });
        return z.NEVER;
      }
      return utc;
    }),
);

/** An optional whole count (customers affected): empty is "not known". */
const optionalCount = z.preprocess(
  (v) =>
    v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
      ? null
      : typeof v === 'string' && /^\d{1,10}$/.test(v.trim())
        ? Number(v.trim())
        : v,
  z.number({ error: 'invalidNumber' }).int({ error: 'invalidNumber' }).min(0, { error: 'negative' }).max(2_000_000_000, { error: 'tooLarge' }).nullable(),
);
const optionalAmount = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), decimalField.optional()).transform((v) => v ?? null);

export const incidentReportSchema = z
  .object({
    projectId: idField,
    category: z.enum(IncidentCategory, { error: 'invalid' }),
    severity: z.enum(Severity, { error: 'invalid' }),
    occurredAt: beijingMomentField,
    reportedAt: beijingMomentField,
    customersAffected: optionalCount,
    amountAffected: optionalAmount,
    description: requiredText(2000),
    actionsTaken: text(2000),
  })
  .refine((v) => v.reportedAt >= v.occurredAt, { path: ['reportedAt'], error: 'beforeOccurred' });
export type IncidentReportInput = z.output<typeof incidentReportSchema>;

/** The institution's step (take up, resolve) with what it did. */
export const incidentStepSchema = z.object({
  incidentId: idField,
  version: idField,
  step: z.enum(['HANDLE', 'RESOLVE'], { error: 'invalid' }),
  actionsTaken: requiredText(2000),
});
export type IncidentStepInput = z.output<typeof incidentStepSchema>;

/** The regulator's sign-off or sending back, with a note. */
export const incidentDecisionSchema = z.object({
  incidentId: idField,
  version: idField,
  step: z.enum(['CLOSE', 'SEND_BACK'], { error: 'invalid' }),
  note: requiredText(1000),
});
export type IncidentDecisionInput = z.output<typeof incidentDecisionSchema>;

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), idField.nullable());
const optionalWhole = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number({ error: 'invalidNumber' }).int({ error: 'invalidNumber' }).min(1, { error: 'invalidNumber' }).max(36_500, { error: 'tooLarge' }).nullable(),
);
/** Project codes, one per line or comma separated; none: every project of the program. */
const projectCodes = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,，]+/) : v === undefined ? [] : v),
  z
    .array(z.string({ error: 'invalid' }), { error: 'invalid' })
    .transform((l) => [...new Set(l.map((s) => s.trim().toUpperCase()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[A-Z0-9-]{1,40}$/, { error: 'invalid' })).max(200, { error: 'tooMany' })),
);

/** A monitoring rule: which parameters a kind needs is checked here, whether the indicator exists by the data layer. */
export const ruleSchema = z
  .object({
    programId: idField,
    name: requiredText(120),
    kind: z.enum(RuleKind, { error: 'invalid' }),
    indicatorId: optionalId,
    baseIndicatorId: optionalId,
    direction: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(RuleDirection, { error: 'invalid' }).nullable()),
    limit: optionalAmount,
    count: optionalWhole,
    incidentSeverity: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(Severity, { error: 'invalid' }).nullable()),
    severity: z.enum(Severity, { error: 'invalid' }),
    projectCodes,
  })
  .superRefine((r, ctx) => {
    const need = (path: keyof typeof r, ok: boolean) => ok || ctx.addIssue({ code: 'custom', path: [path], message: 'required' });
    const series = ['THRESHOLD', 'ENVELOPE', 'DROP', 'STAGNANT', 'STALE', 'COMPLAINT_RATE'].includes(r.kind);
    if (series) need('indicatorId', r.indicatorId !== null);
    if (r.kind === 'THRESHOLD') need('direction', r.direction !== null);
    if (['THRESHOLD', 'DROP', 'COMPLAINT_RATE'].includes(r.kind)) need('limit', r.limit !== null);
    if (['STAGNANT', 'STALE', 'LATE_RETURN'].includes(r.kind)) need('count', r.count !== null);
    if (r.kind === 'COMPLAINT_RATE') need('baseIndicatorId', r.baseIndicatorId !== null);
    if (r.kind === 'INCIDENT_SEVERITY') need('incidentSeverity', r.incidentSeverity !== null);
  });
export type RuleInput = z.output<typeof ruleSchema>;

/** A regulator acknowledges or closes a warning, with a note. */
export const warningHandleSchema = z.object({
  warningId: idField,
  version: idField,
  step: z.enum(['ACKNOWLEDGE', 'CLOSE'], { error: 'invalid' }),
  note: requiredText(1000),
});
export type WarningHandleInput = z.output<typeof warningHandleSchema>;
