import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { can, type Actor, type Capability } from '../rules/authz';
import { AppError, ConflictError, InputError, asDatabaseUnavailable, type ErrorCode } from './errors';
import { toInput } from '../schemas/fields';
import { getActor } from './session';

/** What every server action returns: small, typed, and never a stack trace. */
export type ActionResult<D = never> = {
  ok: boolean;
  message?: ErrorCode | 'SAVED' | 'UNEXPECTED';
  fieldErrors?: Record<string, string[]>;
  /** For CONFLICT: what is stored now, so the form can show what changed. */
  current?: Record<string, unknown>;
  /** What an action answers beyond saved or not (an import's preview: its rows, problems and hash). */
  data?: D;
};

/**
 * The one pipeline of every write action (each is a public POST endpoint):
 * actor → permission → zod parse → scoped data-layer call (which writes its
 * audit entry in the same transaction) → revalidate → small result.
 */
export async function runAction<S extends z.ZodType, R = unknown, D = never>(options: {
  /** Several: any one of them lets the input through; the data layer then decides for the input itself (an import's table). */
  capability: Capability | readonly Capability[];
  schema: S;
  input: unknown;
  write: (actor: Actor, data: z.output<S>) => Promise<R>;
  revalidate: string[];
  /** The answer, from what `write` returned, for an action that answers more than "saved"; revalidates only when ok. */
  answer?: (written: R) => ActionResult<D>;
}): Promise<ActionResult<D>> {
  try {
    const actor = await getActor();
    if (!actor) return { ok: false, message: 'UNAUTHENTICATED' };
    const capabilities: readonly Capability[] = typeof options.capability === 'string' ? [options.capability] : options.capability;
    if (!capabilities.some((c) => can(actor, c))) return { ok: false, message: 'FORBIDDEN' };
    const parsed = options.schema.safeParse(toInput(options.input));
    if (!parsed.success) {
      const { fieldErrors, formErrors } = z.flattenError(parsed.error);
      return {
        ok: false,
        message: 'INVALID_INPUT',
        fieldErrors: { ...(fieldErrors as Record<string, string[]>), ...(formErrors.length ? { _form: formErrors } : {}) },
      };
    }
    const written = await options.write(actor, parsed.data);
    const result: ActionResult<D> = options.answer ? options.answer(written) : { ok: true, message: 'SAVED' };
    if (result.ok) for (const path of options.revalidate) revalidatePath(path, path.includes('[') ? 'page' : undefined);
    return result;
  } catch (err) {
    return toResult(err);
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
