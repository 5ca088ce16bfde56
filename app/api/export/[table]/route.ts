import { Readable } from 'node:stream';
import { AppError } from '@/lib/server/errors';
import { routeTranslator } from '@/lib/i18n/locale';
import { route } from '@/lib/server/route';
import { beijingDay } from '@/lib/rules/time';
import { exportJobThreshold, jobOffer } from '@/lib/transfer/export-jobs';
import { exportContext, viewOf } from '@/lib/transfer/export-view';
import { CONTENT_TYPES, countExportRows, exportTable, TABLES, type Table } from '@/lib/transfer/transfers';

export const dynamic = 'force-dynamic';

/**
 * A filtered view as xlsx or csv: the same rows the page lists, all of them, with who exported it and when.
 * Over exportJobThreshold() rows it is not streamed: the reader is sent to the exports page to start a background job.
 */
export const GET = route<{ table: string }>(
  async ({ actor, request, params }) => {
    const table = params.table as Table;
    const query = new URL(request.url).searchParams;
    const format = query.get('format') ?? 'xlsx';
    if (!TABLES.includes(table) || (format !== 'xlsx' && format !== 'csv')) throw new AppError('NOT_FOUND');
    const { t, locale } = await routeTranslator();
    const found = await viewOf(actor, table, query, t, locale);
    if (!found) throw new AppError('NOT_FOUND');
    // A large view is written in the background: the exports page offers to start that job.
    const rows = await countExportRows({ actor, table, view: found.view });
    if (rows > exportJobThreshold()) return new Response(null, { status: 303, headers: { Location: `/exports?${jobOffer(table, format, query)}` } });
    const { meta, sheetNames } = exportContext(actor, table, found.used, t);
    const stream = exportTable({ actor, table, format, locale, t, meta, view: found.view, sheetNames });
    // The Beijing date: an export made at 00:30 in Beijing is named for that day, not the UTC one before.
    const stamp = beijingDay(new Date());
    const filename = `${t(`transfer.tables.${table}`)}-${stamp}.${format}`;
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${table}-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      },
    });
  },
  { capability: 'program:read' },
);
