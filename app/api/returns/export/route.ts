import { PassThrough, Readable } from 'node:stream';
import { getReturnBoard } from '@/lib/data/return-board';
import { routeTranslator } from '@/lib/i18n/locale';
import { boardHref, parseBoardQuery } from '@/lib/rules/return-board-query';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { beijingDay } from '@/lib/rules/time';
import { exportMeta } from '@/lib/transfer/meta';
import { exportReturnBoard } from '@/lib/transfer/returns';
import { CONTENT_TYPES } from '@/lib/transfer/transfers';

export const dynamic = 'force-dynamic';

/** The returns board of a URL as xlsx or csv: the rows the page lists, with who exported them, when and which view. */
export const GET = route(
  async ({ actor, request }) => {
    const url = new URL(request.url);
    const format = url.searchParams.get('format') ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') throw new AppError('NOT_FOUND');
    const { query } = parseBoardQuery(url.searchParams);
    const board = await getReturnBoard({ actor, query });
    if (!board) throw new AppError('NOT_FOUND');
    const { t, locale } = await routeTranslator();
    // Without a template or a period under way the board lists nothing, and so does its file.
    const view = boardHref('', { ...query, program: board.program.code, template: board.template?.code, period: board.period?.key }).slice(1);
    const period = board.period?.key ?? '';
    const meta = exportMeta({
      actor,
      labels: {
        exportedBy: t('transfer.exportedBy'),
        exportedAt: t('transfer.exportedAt'),
        filters: t('transfer.filters'),
        none: t('transfer.noFilters'),
        role: t(`userRole.${actor.role}`),
        timeZone: t('time.zoneLabel'),
        timeZoneNote: t('time.zoneNote'),
      },
      filters: decodeURIComponent(view).split('&'),
    });
    const sheetNames = { data: t('returnBoard.sheet'), meta: t('transfer.metaSheet') };
    const stream = exportReturnBoard({ board, format, locale, t, meta, sheetNames });
    const stamp = beijingDay(new Date());
    const filename = `${t('returnBoard.sheet')}-${period}-${stamp}.${format}`;
    // Through a byte stream: the csv writer yields text, and a web stream carries bytes.
    return new Response(Readable.toWeb(stream.pipe(new PassThrough())) as ReadableStream, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="returns-${period}-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      },
    });
  },
  { capability: 'program:read' },
);
