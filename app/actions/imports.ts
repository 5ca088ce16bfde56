'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/server/actions';
import { AppError } from '@/lib/server/errors';
import type { Problem } from '@/lib/transfer/sheets/problems';
import type { Refusal } from '@/lib/transfer/tabular/read';
import { applyImport, IMPORT_TABLES, importTablesFor, previewImport } from '@/lib/transfer/transfers';
import { getActor } from '@/lib/server/session';

export type ImportPreview = {
  ok: boolean;
  fieldErrors?: Record<string, string[]>;
  message?: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'INVALID_INPUT' | 'REFUSED' | 'PROBLEMS' | 'READY';
  refusal?: Refusal;
  problems?: Problem[];
  rows?: number;
  hash?: string;
};

const importInput = z.object({
  table: z.enum(IMPORT_TABLES),
  file: z.instanceof(File).refine((f) => f.size > 0, { message: 'REQUIRED' }),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** The three fields, from a form post or a plain object; a file is kept as a File. */
function fieldsOf(input: unknown): Record<string, unknown> {
  const get = (key: string): unknown =>
    input instanceof FormData ? input.get(key) : typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return { table: get('table'), file: get('file'), hash: get('hash') || undefined };
}

async function authorisedInput(form: unknown) {
  const actor = await getActor();
  if (!actor) return { error: 'UNAUTHENTICATED' as const };
  const allowed = importTablesFor(actor);
  if (allowed.length === 0) return { error: 'FORBIDDEN' as const };
  const input = importInput.safeParse(fieldsOf(form));
  if (!input.success) return { error: 'INVALID_INPUT' as const, fieldErrors: z.flattenError(input.error).fieldErrors as Record<string, string[]> };
  const { table, file, hash } = input.data;
  // An institution user imports metric values only; an administrator every table.
  if (!allowed.includes(table)) return { error: 'FORBIDDEN' as const };
  return { actor, table, hash, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

/** The dry run: every problem by row and column; writes nothing. */
export async function previewImportAction(_previous: unknown, form: FormData): Promise<ImportPreview> {
  const input = await authorisedInput(form);
  if ('error' in input) return { ok: false, message: input.error, ...('fieldErrors' in input ? { fieldErrors: input.fieldErrors } : {}) };
  const result = await previewImport({ actor: input.actor, table: input.table, file: input.upload });
  if (!result.ok) return { ok: false, message: 'REFUSED', refusal: result.refusal };
  if (result.problems.length) return { ok: false, message: 'PROBLEMS', problems: result.problems, rows: result.rows };
  return { ok: true, message: 'READY', rows: result.rows, hash: result.hash };
}

/** Writes the previewed file (named by its hash) in one transaction, with an audit entry per record. */
export async function applyImportAction(_previous: unknown, form: FormData): Promise<ActionResult> {
  const input = await authorisedInput(form);
  if ('error' in input) return { ok: false, message: input.error, ...('fieldErrors' in input ? { fieldErrors: input.fieldErrors } : {}) };
  if (!input.hash) return { ok: false, message: 'INVALID_INPUT', fieldErrors: { hash: ['REQUIRED'] } };
  try {
    const result = await applyImport({ actor: input.actor, table: input.table, file: input.upload, hash: input.hash });
    if (!result.ok || result.problems.length) return { ok: false, message: 'INVALID_INPUT' };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.code };
    throw err;
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: 'SAVED' };
}
