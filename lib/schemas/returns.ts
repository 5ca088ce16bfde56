/**
 * A return template's sections, and the answers schema built from them. The
 * template schema checks what a regulator saves; `returnAnswersSchema(sections)`
 * is the one schema a filing passes, in the browser while typing and on the
 * server when it is saved or submitted. Answers are keyed by section id.
 */
import { z } from 'zod';
import { ReviewDecision, ValueQualifier } from '../generated/prisma/enums';
import { parseReturnPeriod } from '../rules/returns';
import { decimalField, idField, requiredText, text } from './fields';

const sectionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'invalid' });
const label = { label: requiredText(200), labelEn: requiredText(200) };

/** A free-text question. */
const textSection = z.object({ id: sectionId, kind: z.literal('TEXT'), ...label, required: z.boolean(), maxLength: z.number().int().min(1).max(20_000) });
/** An indicator of the catalogue whose value the period must report, with the indicator's unit and rules. */
const indicatorSection = z.object({
  id: sectionId,
  kind: z.literal('INDICATOR'),
  indicatorCode: z.string().regex(/^[A-Z0-9_]{1,40}$/, { error: 'invalid' }),
  required: z.boolean(),
});
/** A yes/no risk self-check; "yes" needs an explanation. */
const riskSection = z.object({ id: sectionId, kind: z.literal('RISK_CHECK'), ...label });
/** Complaints received and resolved in the period. */
const complaintsSection = z.object({ id: sectionId, kind: z.literal('COMPLAINTS'), ...label });
/** Descriptions of the attachments sent by other means (no files are stored). */
const attachmentsSection = z.object({ id: sectionId, kind: z.literal('ATTACHMENTS'), ...label, required: z.boolean() });

export const returnSectionSchema = z.discriminatedUnion('kind', [textSection, indicatorSection, riskSection, complaintsSection, attachmentsSection]);
export type ReturnSection = z.output<typeof returnSectionSchema>;
export type ReturnSectionKind = ReturnSection['kind'];

/** A template version's sections: at least one, ids unique. */
export const returnSectionsSchema = z
  .array(returnSectionSchema)
  .min(1, { error: 'required' })
  .max(60, { error: 'tooLong' })
  .refine((sections) => new Set(sections.map((s) => s.id)).size === sections.length, { error: 'duplicate' });

const count = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : v === '' ? undefined : v),
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'invalidNumber') })
    .int({ error: 'invalidNumber' })
    .min(0, { error: 'negative' }),
);
const yesNo = z.enum(['yes', 'no'], { error: 'required' });
/** A section's answer that is absent is "required"; one of the wrong shape is "invalid". */
const missing = (issue: { input: unknown }) => (issue.input === undefined ? 'required' : 'invalid');

/** The answer a section takes; `draft` relaxes "required" (a draft may be incomplete, never malformed). */
function answerSchema(section: ReturnSection, draft: boolean): z.ZodType {
  const optional = <T extends z.ZodType>(schema: T) => (draft || !('required' in section) || !section.required ? schema.optional() : schema);
  switch (section.kind) {
    case 'TEXT': {
      const body = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: missing }).max(section.maxLength, { error: 'tooLong' }));
      return draft || !section.required ? body.optional() : body.pipe(z.string().min(1, { error: 'required' }));
    }
    case 'INDICATOR':
      return optional(
        z.object(
          {
            value: decimalField,
            qualifier: z.preprocess((v) => (v === undefined || v === '' ? 'EXACT' : v), z.enum(ValueQualifier, { error: 'invalid' })),
          },
          { error: missing },
        ),
      );
    case 'RISK_CHECK': {
      const answer = z.object({ answer: draft ? yesNo.optional() : yesNo, explanation: text(2000) }, { error: missing });
      // "Yes, there is a risk" must say what it is.
      const checked = answer.refine((a) => draft || a.answer !== 'yes' || a.explanation.length > 0, { error: 'explanationRequired', path: ['explanation'] });
      // A draft may leave the whole section unanswered.
      return draft ? checked.optional() : checked;
    }
    case 'COMPLAINTS': {
      const answer = z.object({ received: draft ? count.optional() : count, resolved: draft ? count.optional() : count }, { error: missing });
      const checked = answer.refine((a) => a.received === undefined || a.resolved === undefined || a.resolved <= a.received, {
        error: 'resolvedAboveReceived',
        path: ['resolved'],
      });
      return draft ? checked.optional() : checked;
    }
    case 'ATTACHMENTS': {
      const list = z.array(requiredText(300)).max(20, { error: 'tooLong' });
      return draft || !section.required ? list.optional() : list.min(1, { error: 'required' });
    }
  }
}

/** The answers of a filing on these sections: every section's answer, nothing else. */
export function returnAnswersSchema(sections: readonly ReturnSection[], options: { draft?: boolean } = {}) {
  return z.strictObject(Object.fromEntries(sections.map((s) => [s.id, answerSchema(s, options.draft ?? false)])));
}
export type ReturnAnswers = Record<string, unknown>;

/** A period key of any frequency: 2026-09 (month), 2026-Q3, 2026-H2, 2026 (year); years 1990 to 2200. */
export const returnPeriodField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z
    .string({ error: 'required' })
    .regex(/^(199\d|2[01]\d\d|2200)(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, { error: 'invalidReturnPeriod' })
    .refine((s) => parseReturnPeriod(s) !== null, { error: 'invalidReturnPeriod' }),
);

/** A JSON object posted as text (a form's hidden field) or as an object; anything else is refused, never thrown on. */
function jsonObject<T extends z.ZodType>(inner: T, maxChars: number) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    if (v.length > maxChars) return null;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return null;
    }
  }, inner);
}

/** A draft's or a submission's answers keyed by section id; what each answer must be is the template's answers schema's to say. */
const answersField = jsonObject(z.record(sectionId, z.unknown(), { error: 'invalid' }), 200_000);

/** Version 0: no return is stored yet for this project, schedule and period. */
const versionOrNew = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(2_147_483_647, { error: 'invalid' }),
);

/** The lead institution's draft or submission of one return: which project, schedule and period, the version read, the answers. */
export const returnFilingSchema = z.object({
  projectId: idField,
  scheduleId: idField,
  period: returnPeriodField,
  version: versionOrNew,
  answers: answersField,
});
export type ReturnFilingInput = z.output<typeof returnFilingSchema>;

/** Comments per section id on a return sent back. */
const sectionCommentsField = jsonObject(z.record(sectionId, text(2000), { error: 'invalid' }), 200_000);

/** The regulator's decision on a submitted return: accept, or send back with a note and comments per section (at least one of them). */
export const returnReviewSchema = z
  .object({
    returnId: idField,
    version: idField,
    decision: z.enum(ReviewDecision, { error: 'invalid' }),
    reviewNote: text(2000),
    sectionComments: z.preprocess((v) => (v === undefined || v === '' ? {} : v), sectionCommentsField),
  })
  .refine((r) => r.decision !== 'RETURN' || r.reviewNote.length > 0 || Object.values(r.sectionComments).some((c) => c.length > 0), {
    error: 'commentRequired',
    path: ['reviewNote'],
  });
export type ReturnReviewInput = z.output<typeof returnReviewSchema>;
