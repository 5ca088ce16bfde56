'use server';

import { z } from 'zod';
import { RECORD_PAGES, runAction, type ActionResult } from '@/lib/server/actions';
import { IMPORT_LIMITS, type Refusal } from '@/lib/transfer/limits';
import type { Problem } from '@/lib/transfer/sheets/problems';
import { applyImport, IMPORT_TABLES, previewImport, type ImportOutcome } from '@/lib/transfer/transfers';

/** What the import form shows after a step: the file refused as a whole, its problems, ready to confirm, or written. */
export type ImportAnswer = {
  status: 'REFUSED' | 'PROBLEMS' | 'READY' | 'WRITTEN';
  refusal?: Refusal;
  problems?: Problem[];
  rows?: number;
  hash?: string;
  /** The run a READY answer is confirmed by. */
  importId?: string;
  written?: number;
};
export type ImportResult = ActionResult<ImportAnswer>;

const previewInput = z.object({
  table: z.enum(IMPORT_TABLES),
  // The form checks the size before sending; a file over the limit is refused here unread.
  file: z
    .instanceof(File)
    .refine((f) => f.size > 0, { message: 'REQUIRED' })
    .refine((f) => f.size <= IMPORT_LIMITS.maxBytes, { message: 'TOO_LARGE' }),
  // Chosen by the page, so it can poll the run's progress while the file is read.
  importId: z.uuid().optional(),
});
// Confirming names the previewed run; its checked rows are written, no file is sent again.
const applyInput = z.object({ importId: z.uuid() });

// Any of the import capabilities lets the input through; the data layer decides for the table named.
const CAPABILITIES = ['data:import', 'metric:import'] as const;
const PAGES = RECORD_PAGES;

/** The fields, from a form post or a plain object; a file is kept as a File. */
function fieldsOf(input: unknown): Record<string, unknown> {
  const get = (key: string): unknown =>
    input instanceof FormData ? input.get(key) : typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return { table: get('table'), file: get('file'), importId: get('importId') || undefined };
}

const upload = async (file: File) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });

function answer(outcome: ImportOutcome): ImportResult {
  if (!outcome.ok) return { ok: false, data: { status: 'REFUSED', refusal: outcome.refusal } };
  if (outcome.problems.length) return { ok: false, data: { status: 'PROBLEMS', rows: outcome.rows, problems: outcome.problems } };
  if (outcome.written !== undefined) return { ok: true, message: 'SAVED', data: { status: 'WRITTEN', rows: outcome.rows, written: outcome.written } };
  return { ok: true, data: { status: 'READY', rows: outcome.rows, hash: outcome.hash, importId: outcome.importId } };
}

/** The dry run: every problem by row and column; writes nothing. */
export async function previewImportAction(_previous: unknown, form: unknown): Promise<ImportResult> {
  return runAction({
    capability: CAPABILITIES,
    schema: previewInput,
    input: fieldsOf(form),
    write: async (actor, data) => previewImport({ actor, table: data.table, file: await upload(data.file), importId: data.importId }),
    revalidate: [],
    answer,
  });
}

/** Writes the previewed run's checked rows in one transaction, with an audit entry per record. */
export async function applyImportAction(_previous: unknown, form: unknown): Promise<ImportResult> {
  return runAction({
    capability: CAPABILITIES,
    schema: applyInput,
    input: fieldsOf(form),
    write: async (actor, data) => applyImport({ actor, importId: data.importId }),
    revalidate: PAGES,
    answer,
  });
}
