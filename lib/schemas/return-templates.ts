/**
 * What a regulator or an administrator saves about returns: a template (its
 * names and its sections, checked by the template schema of ./returns.ts) and a
 * schedule (which stages owe it, how often, and by when). Shared by the forms
 * and the server actions. Checks that need the database (an indicator of the
 * catalogue, a stage of the program's lifecycle) come back from the data layer
 * as field messages too.
 */
import { z } from 'zod';
import { ReturnFrequency } from '../generated/prisma/enums';
import { dateField, idField, requiredText } from './fields';
import { returnSectionsSchema } from './returns';

/** A template's code: capitals, digits, "-" and "_", as it appears in a URL. */
const templateCode = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z
    .string({ error: 'required' })
    .min(1, { error: 'required' })
    .max(40, { error: 'tooLong' })
    .regex(/^[A-Z0-9][A-Z0-9_-]*$/, { error: 'invalid' }),
);

/**
 * The sections as the form sends them: JSON text (or, from another client, the
 * list itself), checked by the template schema. Its messages are said of the
 * one field: an empty or too long list as such, a repeated id, or a section
 * that is not valid.
 */
const sectionsField = z.unknown().transform((v, ctx) => {
  let value = v;
  if (typeof v === 'string') {
    try {
      value = JSON.parse(v) as unknown;
    } catch {
      value = undefined;
    }
  }
  const parsed = returnSectionsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const codes = new Set(
    parsed.error.issues.map((i) =>
      i.message === 'duplicate' ? 'duplicateSection' : i.path.length === 0 && ['required', 'tooLong'].includes(i.message) ? i.message : 'invalidSections',
    ),
  );
  for (const message of codes) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

export const returnTemplateCreateSchema = z.object({
  programId: idField,
  code: templateCode,
  name: requiredText(100),
  nameEn: requiredText(100),
  sections: sectionsField,
});
export type ReturnTemplateCreateInput = z.output<typeof returnTemplateCreateSchema>;

/** A change of names or sections; changed sections make a new version. */
export const returnTemplateEditSchema = returnTemplateCreateSchema.omit({ programId: true, code: true }).extend({ templateId: idField, version: idField });
export type ReturnTemplateEditInput = z.output<typeof returnTemplateEditSchema>;

/** Stage codes chosen in a multiple select: at least one, each once. */
const stageCodes = z.preprocess(
  (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v),
  z
    .array(z.string({ error: 'invalid' }).regex(/^[A-Z][A-Z0-9_]{0,39}$/, { error: 'invalid' }), { error: 'invalid' })
    .min(1, { error: 'required' })
    .max(20, { error: 'tooMany' })
    .transform((codes) => [...new Set(codes)]),
);

/** An optional end date: '' from an empty date input means the schedule runs on. */
const optionalDate = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), dateField.nullable());

const dueDays = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number({ error: 'invalidNumber' }).int({ error: 'invalidNumber' }).min(0, { error: 'negative' }).max(366, { error: 'tooLarge' }),
);

const scheduleFields = z.object({
  stageCodes,
  frequency: z.enum(ReturnFrequency, { error: 'invalid' }),
  dueDays,
  startsOn: dateField,
  endsOn: optionalDate,
});
const endsAfterStart = (s: { startsOn: Date; endsOn: Date | null }) => s.endsOn === null || s.endsOn >= s.startsOn;
const endsAfterStartIssue = { error: 'endsBeforeStart', path: ['endsOn'] };

export const returnScheduleCreateSchema = scheduleFields.extend({ templateId: idField }).refine(endsAfterStart, endsAfterStartIssue);
export type ReturnScheduleCreateInput = z.output<typeof returnScheduleCreateSchema>;

export const returnScheduleEditSchema = scheduleFields.extend({ scheduleId: idField, version: idField }).refine(endsAfterStart, endsAfterStartIssue);
export type ReturnScheduleEditInput = z.output<typeof returnScheduleEditSchema>;
