'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { exportJobStartSchema } from '@/lib/schemas/export-job';
import { startExportJob } from '@/lib/transfer/export-jobs';

/** Starts writing a large export in the background; the exports page then shows its progress and, when done, its file. */
export async function startExportJobAction(_previous: unknown, form: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'program:read',
    schema: exportJobStartSchema,
    input: form,
    write: (actor, data) => startExportJob({ actor, table: data.table, format: data.format, query: data.view, locale: data.locale }),
    revalidate: ['/exports'],
  });
}
