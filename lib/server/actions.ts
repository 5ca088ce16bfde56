import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { can, type Actor, type Capability } from '../rules/authz';
import { AppError, ConflictError, InputError, asDatabaseUnavailable, type ErrorCode } from './errors';

/** Every page that shows counts or lists of the record: what a write that can change any of them revalidates. */
export const RECORD_PAGES = [
  '/',
  '/dashboard',
  '/projects',
  '/projects/[code]',
  '/institutions',
  '/institutions/[id]',
  '/metrics',
  '/directions/[code]',
  '/leadership',
  '/audit',
];
import { toInput } from '../schemas/fields';
import { getActor } from './session';

/**
 * The public register's cache (lib/data/public-cache.ts): its reads carry this
 * tag, and the pages keep what they render for this long at most, so several
 * app instances on one database converge.
 */
export const PUBLIC_TAG = 'public-register';
export const PUBLIC_REVALIDATE_SECONDS = 300;
/**
 * What a write names to renew the public register (feedback and its
 * moderation); a write that renews any record page renews it too. Every page,
 * JSON and feed under /public is renewed at once, with the cached reads they used.
 */
export const PUBLIC_PAGES = '/public';

function revalidateAll(paths: string[]) {
  for (const path of paths) if (path !== PUBLIC_PAGES) revalidatePath(path, path.includes('[') ? 'page' : undefined);
  if (paths.some((p) => p === PUBLIC_PAGES || RECORD_PAGES.includes(p))) revalidatePath(PUBLIC_PAGES, 'layout');
}

/** A form's fields as the user submitted them: raw text, repeated fields as lists. */
export type FormValues = Record<string, string | string[]>;

/** What every server action returns: small, typed, and never a stack trace. */
export type ActionResult<D = never> = {
  ok: boolean;
  message?: ErrorCode | 'SAVED' | 'UNEXPECTED';
  /** Why, when the code alone would not say it: FORBIDDEN because the user must first change their password. */
  reason?: 'PASSWORD_CHANGE_REQUIRED';
  fieldErrors?: Record<string, string[]>;
  /** For CONFLICT: what is stored now, so the form can show what changed. */
  current?: Record<string, unknown>;
  /** On any refusal: what was submitted (never a password), so the form shows it again instead of emptying. */
  values?: FormValues;
  /** What an action answers beyond saved or not (an import's preview: its rows, problems and hash). */
  data?: D;
};

type FieldErrors = Record<string, string[]>;

/**
 * The "capability" of an action on one's own account (password, display name):
 * anyone signed in. Such an action takes no user id; the data layer acts on
 * the actor alone.
 */
export const SIGNED_IN = 'signed-in';

/**
 * The one pipeline of every write action (each is a public POST endpoint):
 * actor → permission → zod parse → scoped data-layer call (which writes its
 * audit entry in the same transaction) → revalidate → small result.
 */
export async function runAction<S extends z.ZodType, R = unknown, D = never>(options: {
  /**
   * Several: any one of them lets the input through; the data layer then decides for the input itself (an import's table).
   * SIGNED_IN: an action on one's own account, open to every signed-in user.
   */
  capability: Capability | readonly Capability[] | typeof SIGNED_IN;
  /**
   * The one action a user whose password an administrator reset may call (the
   * password change). Every other action refuses them with FORBIDDEN and says why.
   */
  allowedBeforePasswordChange?: boolean;
  schema: S;
  input: unknown;
  write: (actor: Actor, data: z.output<S>) => Promise<R>;
  revalidate: string[];
  /**
   * When the schema refuses some fields: what the data layer finds wrong with
   * the others (reads only), so one answer lists every problem.
   */
  checkRest?: (actor: Actor, raw: Record<string, unknown>) => Promise<FieldErrors>;
  /** The answer, from what `write` returned, for an action that answers more than "saved"; revalidates only when ok. */
  answer?: (written: R) => ActionResult<D>;
}): Promise<ActionResult<D>> {
  let raw: Record<string, unknown> = {};
  const refuse = (result: ActionResult<D>): ActionResult<D> => ({ ...result, values: submittedValues(raw) });
  try {
    raw = toInput(options.input);
    const actor = await getActor();
    if (!actor) return refuse({ ok: false, message: 'UNAUTHENTICATED' });
    if (actor.mustChangePassword && !options.allowedBeforePasswordChange)
      return refuse({ ok: false, message: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    if (options.capability !== SIGNED_IN) {
      const capabilities: readonly Capability[] = typeof options.capability === 'string' ? [options.capability] : options.capability;
      if (!capabilities.some((c) => can(actor, c))) return refuse({ ok: false, message: 'FORBIDDEN' });
    }
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      const rest = options.checkRest ? await options.checkRest(actor, raw) : {};
      return refuse({
        ok: false,
        message: 'INVALID_INPUT',
        fieldErrors: mergeErrors(fieldErrors as FieldErrors, rest, formErrors.length ? { _form: formErrors } : {}),
      });
    }
    const written = await options.write(actor, parsed.data);
    const result: ActionResult<D> = options.answer ? options.answer(written) : { ok: true, message: 'SAVED' };
    if (result.ok) revalidateAll(options.revalidate);
    return result;
  } catch (err) {
    return refuse(toResult(err));
  }
}

/**
 * The pipeline of the one write open to the public (feedback during a notice):
 * zod parse → data-layer call (which throttles, and writes its audit entry with
 * no user in the same transaction) → revalidate → the same small result.
 */
export async function runPublicAction<S extends z.ZodType>(options: {
  schema: S;
  input: unknown;
  write: (data: z.output<S>) => Promise<unknown>;
  revalidate: string[];
}): Promise<ActionResult> {
  let raw: Record<string, unknown> = {};
  try {
    raw = toInput(options.input);
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return {
        ok: false,
        message: 'INVALID_INPUT',
        fieldErrors: mergeErrors(fieldErrors as FieldErrors, formErrors.length ? { _form: formErrors } : {}),
        values: submittedValues(raw),
      };
    }
    await options.write(parsed.data);
    revalidateAll(options.revalidate);
    return { ok: true, message: 'SAVED' };
  } catch (err) {
    return { ...toResult(err), values: submittedValues(raw) };
  }
}

function toResult(err: unknown): ActionResult {
  if (err instanceof InputError) return { ok: false, message: 'INVALID_INPUT', fieldErrors: err.fieldErrors };
  if (err instanceof ConflictError) return { ok: false, message: 'CONFLICT', current: err.current };
  if (err instanceof AppError) return { ok: false, message: err.code };
  if (asDatabaseUnavailable(err)) return { ok: false, message: 'DATABASE_UNAVAILABLE' };
  // With its stack: an unexpected failure is a defect, and the log is where it is found.
  console.error('server action failed:', err);
  return { ok: false, message: 'UNEXPECTED' };
}

/** Field names whose values are never sent back to the browser. */
const SECRET_FIELD = /password|secret|token/i;

/** The submitted fields as text, as a form would show them again; secrets and anything that is not text are left out. */
function submittedValues(raw: Record<string, unknown>): FormValues {
  const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
  const entries = Object.entries(raw).flatMap(([key, value]): [string, string | string[]][] => {
    if (SECRET_FIELD.test(key)) return [];
    if (!Array.isArray(value)) {
      const text = asText(value);
      return text === undefined ? [] : [[key, text]];
    }
    const texts = value.map(asText).filter((v): v is string => v !== undefined);
    return texts.length ? [[key, texts]] : [];
  });
  // fromEntries defines each key as data, so a field named "__proto__" stays a plain field.
  return Object.fromEntries(entries);
}

/** Every message of every source, each once per field, in order. */
function mergeErrors(...sources: FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const source of sources) {
    for (const [field, codes] of Object.entries(source)) {
      const list = (merged[field] ??= []);
      for (const code of codes) if (!list.includes(code)) list.push(code);
    }
  }
  return merged;
}
