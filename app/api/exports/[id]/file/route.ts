import { Readable } from 'node:stream';
import { findExportFile } from '@/lib/data/export-jobs';
import { idField } from '@/lib/schemas/fields';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { openExportFile } from '@/lib/transfer/export-jobs';
import { CONTENT_TYPES } from '@/lib/transfer/transfers';

export const dynamic = 'force-dynamic';

/** The file of the reader's own finished export job; anyone else's, or an expired one, is not found. */
export const GET = route<{ id: string }>(
  async ({ actor, params }) => {
    const id = idField.safeParse(params.id);
    if (!id.success) throw new AppError('NOT_FOUND');
    const file = await findExportFile({ actor, id: id.data });
    const format = file.format === 'csv' ? 'csv' : 'xlsx';
    return new Response(Readable.toWeb(openExportFile(file.filePath)) as ReadableStream, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="export-${id.data}.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      },
    });
  },
  { capability: 'program:read' },
);
