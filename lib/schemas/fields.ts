/**
 * Field schemas shared by every write form and its server action. Messages are
 * codes, translated by the form (namespace `formErrors`). Inputs arrive from
 * FormData (strings) or from any client posting to the action, so nothing here
 * may throw on a hostile value: every preprocess step only reads strings.
 */
import { z } from 'zod';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** A database id: a positive 32-bit integer, given as a number or as digits. */
export const idField = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : v),
  z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(2_147_483_647, { error: 'invalid' }),
);

/** A calendar date as YYYY-MM-DD, stored as UTC midnight. */
export const dateField = z.preprocess(
  trimmed,
  z
    .string({ error: 'required' })
    .regex(DATE_RE, { error: 'invalidDate' })
    // A calendar day that exists (no 2021-02-30), within the years the pilot can concern.
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00.000Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2200;
      },
      { error: 'invalidDate' },
    )
    .transform((s) => new Date(`${s}T00:00:00.000Z`)),
);

/** A non-negative decimal with at most 4 places, given as a number or as text. */
export const decimalField = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().replaceAll(',', '');
    return /^-?\d{1,16}(\.\d{1,4})?$/.test(s) ? Number(s) : s === '' ? undefined : v;
  },
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'invalidNumber') })
    .min(0, { error: 'negative' })
    .max(1e15, { error: 'tooLarge' })
    .refine((n) => Number.isFinite(n) && Math.round(n * 10_000) / 10_000 === n, { error: 'invalidNumber' }),
);

export const text = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : trimmed(v)), z.string({ error: 'invalid' }).max(max, { error: 'tooLong' }));
export const requiredText = (max: number) =>
  z.preprocess(trimmed, z.string({ error: 'required' }).min(1, { error: 'required' }).max(max, { error: 'tooLong' }));

/** An email as stored: trimmed, lower case. */
export const emailField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string({ error: 'required' })
    .max(200, { error: 'tooLong' })
    .pipe(z.email({ error: 'invalidEmail' })),
);

/** A checkbox: "on"/"true" from a form, or a boolean. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** Today's date in Beijing, as the UTC midnight the date columns hold (lib/rules/time.ts). */
export { todayInBeijing } from '../rules/time';

/** FormData or a plain object as a plain object; anything else as an empty one. Repeated keys become arrays. */
export function toInput(input: unknown): Record<string, unknown> {
  if (typeof FormData !== 'undefined' && input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const key of new Set(input.keys())) {
      if (key.startsWith('$ACTION')) continue;
      const values = input.getAll(key).filter((v): v is string => typeof v === 'string');
      out[key] = values.length > 1 ? values : values[0];
    }
    return out;
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return { ...input };
  return {};
}

/**
 * The fields of `raw` that `schema` accepts, each judged on its own: what the
 * data layer can still check when the schema refused other fields.
 */
export function acceptedFields<T extends z.ZodRawShape>(schema: z.ZodObject<T>, raw: Record<string, unknown>) {
  const accepted = Object.fromEntries(Object.entries(schema.shape).flatMap(([key, field]) => (z.safeParse(field, raw[key]).success ? [[key, raw[key]]] : [])));
  const partial = schema.partial();
  const parsed = partial.safeParse(accepted);
  return parsed.success ? parsed.data : partial.parse({});
}
