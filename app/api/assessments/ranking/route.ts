import { Readable } from 'node:stream';
import { listAssessmentPrograms } from '@/lib/data/assessments';
import { routeTranslator } from '@/lib/i18n/locale';
import { filterLabel } from '@/lib/rules/filter-labels';
import { beijingDay } from '@/lib/rules/time';
import { AppError } from '@/lib/server/errors';
import { route } from '@/lib/server/route';
import { exportRanking } from '@/lib/transfer/assessment-ranking';
import { exportMeta } from '@/lib/transfer/meta';
import { CONTENT_TYPES } from '@/lib/transfer/transfers';

export const dynamic = 'force-dynamic';

/** A program's assessment ranking as xlsx or csv: the rows the reader's /assessments page lists. */
export const GET = route(
  async ({ actor, request }) => {
    const query = new URL(request.url).searchParams;
    const format = query.get('format') ?? 'xlsx';
    const program = (await listAssessmentPrograms(actor)).find((p) => p.code === query.get('program'));
    if (!program || (format !== 'xlsx' && format !== 'csv')) throw new AppError('NOT_FOUND');
    const { t, locale } = await routeTranslator();
    const labels = {
      exportedBy: t('transfer.exportedBy'),
      exportedAt: t('transfer.exportedAt'),
      filters: t('transfer.filters'),
      none: t('transfer.noFilters'),
      role: t(`userRole.${actor.role}`),
      timeZone: t('time.zoneLabel'),
      timeZoneNote: t('time.zoneNote'),
    };
    const meta = exportMeta({ actor, labels, filters: [`${filterLabel('program', t)}=${program.code}`] });
    const sheetNames = { data: t('assessments.ranking'), meta: t('transfer.metaSheet') };
    const stream = await exportRanking({ actor, programId: program.id, format, context: { locale, t }, meta, sheetNames });
    const filename = `${t('assessments.ranking')}-${beijingDay(new Date())}.${format}`;
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="assessment-ranking.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      },
    });
  },
  { capability: 'assessment:read' },
);
