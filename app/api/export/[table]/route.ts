import { Readable } from 'node:stream';
import { resolveFilters } from '@/lib/filter-targets';
import { NARROWING_KEYS, parseFilters } from '@/lib/filters';
import { routeTranslator } from '@/lib/i18n/locale';
import { projectWhere } from '@/lib/project-filter';
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

  // The list's own filters: the file holds exactly the rows the filtered view shows.
  const url = new URL(request.url);
  const resolved = await resolveFilters({ actor, ...parseFilters(Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'format'))) });
  if (!resolved) return Response.json({ error: 'NOT_FOUND' }, { status: 404 });
  const { targets } = resolved;
  const { t, locale } = await routeTranslator();
  const used = [
    `${t('filters.program')}=${resolved.program.code}`,
    ...NARROWING_KEYS.filter((k) => targets.filters[k] !== undefined).map((k) => `${t(`filters.${k}`)}=${targets.filters[k]}`),
  ];
  const meta = exportMeta({
    actor,
    labels: {
      exportedBy: t('transfer.exportedBy'),
      exportedAt: t('transfer.exportedAt'),
      filters: t('transfer.filters'),
      none: t('transfer.noFilters'),
      role: t(`userRole.${actor.role}`),
    },
    filters: used,
  });
  const where = table === 'projects' ? projectWhere(actor, targets) : undefined;
  const stream = exportTable({ actor, table, format, locale, meta, where, sheetNames: { data: t(`transfer.tables.${table}`), meta: t('transfer.metaSheet') } });
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
