import 'server-only';
/**
 * What an export holds beyond the reader's own scope: the view's filters, read
 * from the query exactly as its page reads them, and how to name them beside
 * the rows. The download route and the export jobs both start here, so a file
 * written in the background holds what the same link would have streamed.
 */
import { resolveFilters } from '../data/filter-targets';
import type { Locale } from '../i18n/config';
import type { Translate } from '../i18n/translator';
import type { Actor } from '../rules/authz';
import { filterLabel, filterValueLabel } from '../rules/filter-labels';
import { NARROWING_KEYS, parseFilters } from '../rules/filters';
import { projectWhere } from '../rules/project-filter';
import { formatDay } from '../rules/time';
import { auditFilterSchema } from '../schemas/audit';
import { metricListFilterSchema } from '../schemas/metric';
import { exportMeta } from './meta';
import type { ExportMeta } from './tabular/columns';
import type { ExportView, Table } from './transfers';

/** The view's own filters, and their names for the export's context; null when the query names no program the reader may see. */
export async function viewOf(
  actor: Actor,
  table: Table,
  query: URLSearchParams,
  t: Translate,
  locale: Locale,
): Promise<{ view: ExportView; used: string[] } | null> {
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

/** Who exported, when and with which filters, in the reader's language; and the two sheets' names. */
export function exportContext(actor: Actor, table: Table, used: string[], t: Translate): { meta: ExportMeta; sheetNames: { data: string; meta: string } } {
  const labels = {
    exportedBy: t('transfer.exportedBy'),
    exportedAt: t('transfer.exportedAt'),
    filters: t('transfer.filters'),
    none: t('transfer.noFilters'),
    role: t(`userRole.${actor.role}`),
    timeZone: t('time.zoneLabel'),
    timeZoneNote: t('time.zoneNote'),
  };
  return { meta: exportMeta({ actor, labels, filters: used }), sheetNames: { data: t(`transfer.tables.${table}`), meta: t('transfer.metaSheet') } };
}
