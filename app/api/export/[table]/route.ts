import { Readable } from 'node:stream';
import { routeTranslator } from '@/lib/i18n/locale';
import { getActor } from '@/lib/session';
import { exportMeta } from '@/lib/transfer-meta';
import { CONTENT_TYPES, exportTable, TABLES, type Table } from '@/lib/transfers';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ table: string }> };

export async function GET(request: Request, { params }: Params) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: 'UNAUTHENTICATED' }, { status: 401 });
  const table = (await params).table as Table;
  const format = new URL(request.url).searchParams.get('format') ?? 'xlsx';
  if (!TABLES.includes(table) || (format !== 'xlsx' && format !== 'csv')) return Response.json({ error: 'NOT_FOUND' }, { status: 404 });

  const { t, locale } = await routeTranslator();
  const meta = exportMeta({
    actor,
    labels: {
      exportedBy: t('transfer.exportedBy'),
      exportedAt: t('transfer.exportedAt'),
      filters: t('transfer.filters'),
      none: t('transfer.noFilters'),
      role: t(`userRole.${actor.role}`),
    },
    filters: [],
  });
  const stream = exportTable({ actor, table, format, locale, meta, sheetNames: { data: t(`transfer.tables.${table}`), meta: t('transfer.metaSheet') } });
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${t(`transfer.tables.${table}`)}-${stamp}.${format}`;
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${table}-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
    },
  });
}
