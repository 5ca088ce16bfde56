import { Readable } from 'node:stream';
import { resolveFilters } from '@/lib/data/filter-targets';
import { NARROWING_KEYS, parseFilters } from '@/lib/rules/filters';
import { AppError } from '@/lib/server/errors';
import { routeTranslator } from '@/lib/i18n/locale';
import { projectWhere } from '@/lib/rules/project-filter';
import type { Actor } from '@/lib/rules/authz';
import type { Locale } from '@/lib/i18n/config';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { metricListFilterSchema } from '@/lib/schemas/metric';
import { route } from '@/lib/server/route';
import { beijingDay, formatDay } from '@/lib/rules/time';
import { filterLabel, filterValueLabel } from '@/lib/rules/filter-labels';
import { exportMeta } from '@/lib/transfer/meta';
import { CONTENT_TYPES, exportTable, TABLES, type ExportView, type Table } from '@/lib/transfer/transfers';

export const dynamic = 'force-dynamic';

type T = Awaited<ReturnType<typeof routeTranslator>>['t'];

/** The view's own filters, read from the query as its page reads them, and how to name them beside the rows. */
async function viewOf(actor: Actor, table: Table, query: URLSearchParams, t: T, locale: Locale): Promise<{ view: ExportView; used: string[] } | null> {
  const raw = Object.fromEntries(query);
  if (table === 'audit') {
    const f = auditFilterSchema.parse(raw);
    const day = (d?: Date) => (d ? formatDay(d) : undefined);
    const used = (
      [
        ['project', f.project],
        ['user', f.user],
        ['action', f.action],
        ['from', day(f.from)],
        ['to', day(f.to)],
      ] as const
    ).flatMap(([k, v]) => (v === undefined ? [] : [`${t(`audit.${k}`)}=${k === 'action' ? t(`auditAction.${v}`) : v}`]));
    return { view: { audit: { projectCode: f.project, actorId: f.user, action: f.action, from: f.from, to: f.to } }, used };
  }
  const resolved = await resolveFilters({ ...parseFilters(query), actor });
  if (!resolved) return null;
  const { targets } = resolved;
  const used = [
    `${filterLabel('program', t)}=${resolved.program.code}`,
    ...NARROWING_KEYS.filter((k) => targets.filters[k] !== undefined).map(
      (k) => `${filterLabel(k, t)}=${filterValueLabel(k, String(targets.filters[k]), t, resolved.lifecycle, locale)}`,
    ),
  ];
  const indicatorCode = table === 'metrics' ? metricListFilterSchema.parse(raw).indicator : undefined;
  if (indicatorCode) used.push(`${t('metricList.indicator')}=${indicatorCode}`);
  return { view: { projects: projectWhere(actor, targets), indicatorCode, retired: targets.filters.retired }, used };
}

/** A filtered view as xlsx or csv: the same rows the page lists, all of them, with who exported it and when. */
export const GET = route<{ table: string }>(
  async ({ actor, request, params }) => {
    const table = params.table as Table;
    const query = new URL(request.url).searchParams;
    const format = query.get('format') ?? 'xlsx';
    if (!TABLES.includes(table) || (format !== 'xlsx' && format !== 'csv')) throw new AppError('NOT_FOUND');
    const { t, locale } = await routeTranslator();
    const found = await viewOf(actor, table, query, t, locale);
    if (!found) throw new AppError('NOT_FOUND');
    const labels = {
      exportedBy: t('transfer.exportedBy'),
      exportedAt: t('transfer.exportedAt'),
      filters: t('transfer.filters'),
      none: t('transfer.noFilters'),
      role: t(`userRole.${actor.role}`),
      timeZone: t('time.zoneLabel'),
      timeZoneNote: t('time.zoneNote'),
    };
    const sheetNames = { data: t(`transfer.tables.${table}`), meta: t('transfer.metaSheet') };
    const meta = exportMeta({ actor, labels, filters: found.used });
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
