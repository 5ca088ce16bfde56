'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { can } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import type { Problem } from '@/lib/sheets/problems';
import type { Refusal } from '@/lib/tabular/read';
import { applyImport, previewImport, TABLES } from '@/lib/transfers';
import { getActor } from '@/lib/session';

export type ImportState = {
  ok: boolean;
  message?: 'FORBIDDEN' | 'INVALID_INPUT' | 'CONFLICT' | 'REFUSED' | 'PROBLEMS' | 'READY' | 'WRITTEN';
  refusal?: Refusal;
  problems?: Problem[];
  rows?: number;
  hash?: string;
  written?: number;
};

const importInput = z.object({
  table: z.enum(TABLES),
  file: z.instanceof(File).refine((f) => f.size > 0),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/** Dry run when no hash is given; with the preview's hash, writes everything or nothing. */
export async function importAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const actor = await getActor();
  if (!can(actor, 'data:import')) return { ok: false, message: 'FORBIDDEN' };
  const input = importInput.safeParse({ table: form.get('table'), file: form.get('file'), hash: form.get('hash') || undefined });
  if (!input.success) return { ok: false, message: 'INVALID_INPUT' };
  const { table, file, hash } = input.data;
  const upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  try {
    const result = hash ? await applyImport({ actor: actor!, table, file: upload, hash }) : await previewImport({ actor: actor!, table, file: upload });
    if (!result.ok) return { ok: false, message: 'REFUSED', refusal: result.refusal };
    if (result.problems.length) return { ok: false, message: 'PROBLEMS', problems: result.problems, rows: result.rows };
    if (!hash) return { ok: true, message: 'READY', rows: result.rows, hash: result.hash };
    revalidatePath('/', 'layout');
    return { ok: true, message: 'WRITTEN', written: result.rows, rows: result.rows };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'FORBIDDEN')) return { ok: false, message: err.code };
    throw err;
  }
}
