import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PlaceholderBadge } from '@/components/badges';
import { ExportLinks } from '@/components/export-links';
import { control } from '@/components/filters/filter-bar';
import { FilterForm } from '@/components/filters/filter-form';
import { FilterNotices } from '@/components/filters/filter-notices';
import { Pagination } from '@/components/filters/pagination';
import { MetricText } from '@/components/metric-text';
import { TableScroll } from '@/components/table-scroll';
import { resolveFilters } from '@/lib/data/filter-targets';
import { filterHref, parseFilters } from '@/lib/rules/filters';
import { listIndicators, listMetricValues } from '@/lib/data/metrics';
import { metricListFilterSchema } from '@/lib/schemas/metric';
import { requireActor } from '@/lib/server/session';
import { formatDay } from '@/lib/rules/time';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('metricList'))('heading') };
}

/** Every reported outcome value the reader may see, with its source, filtered like the project list. */
export default async function MetricsPage({ searchParams }: Props) {
  const query = await searchParams;
  const actorRead = requireActor();
  const [actor, resolved] = await Promise.all([actorRead, resolveFilters({ ...parseFilters(query), actor: actorRead })]);
  if (!resolved) notFound();
  const { targets, program, notices } = resolved;
  const { indicator } = metricListFilterSchema.parse(query);
  const [list, indicators, t, locale] = await Promise.all([
    listMetricValues({ actor, targets, indicatorCode: indicator }),
    listIndicators(),
    getTranslations(),
    getLocale(),
  ]);
  const extra = indicator ? `indicator=${indicator}` : '';
  const exportQuery = [filterHref('', targets.filters, { page: undefined, sort: undefined }).replace(/^\?/, ''), extra].filter(Boolean).join('&');
  const source = (key: string) => (t.has(`sourceKey.${key}`) ? t(`sourceKey.${key}`) : key);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <div>
          <h1 className="text-2xl font-semibold">{t('metricList.heading')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('metricList.intro')}</p>
        </div>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-600" data-testid="result-count" data-value={list.total}>
            {t('metricList.count', { count: list.total })}
          </p>
          <ExportLinks table="metrics" query={exportQuery} />
        </div>
      </div>
      <FilterForm actor={actor} programId={program.id} action="/metrics" filters={targets.filters}>
        <label className="text-xs text-slate-700">
          {t('metricList.indicator')}
          <select name="indicator" defaultValue={indicator ?? ''} className={control} data-filter="indicator">
            <option value="">{t('filters.any')}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {locale === 'zh' ? i.nameZh : i.nameEn}
              </option>
            ))}
          </select>
        </label>
      </FilterForm>
      <FilterNotices notices={notices} />
      <TableScroll label={t('metricList.heading')} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 whitespace-nowrap text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('metricList.project')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('metricList.indicator')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('metricList.asOf')}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t('metricList.value')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('metricList.source')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((m) => (
              <tr key={m.id} className="border-t border-slate-100 align-top" data-metric={`${m.project.code}:${m.indicator.code}:${formatDay(m.asOf)}`}>
                <td className="min-w-48 px-3 py-2">
                  <Link href={`/projects/${m.project.code}`} className="text-red-800 hover:underline">
                    <span className="font-mono text-xs">{m.project.code}</span> {m.project.name}
                  </Link>
                  {m.project.isPlaceholder && <PlaceholderBadge />}
                </td>
                <td className="min-w-28 px-3 py-2">{locale === 'zh' ? m.indicator.nameZh : m.indicator.nameEn}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDay(m.asOf)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  <MetricText value={m.value} unit={m.indicator.unit} kind={m.indicator.kind} qualifier={m.qualifier} />
                </td>
                <td className="min-w-40 px-3 py-2 text-slate-700">
                  {source(m.source)}
                  {m.sourceNote && <span className="block text-xs text-slate-500">{m.sourceNote}</span>}
                  {m.correctionNote && <span className="block text-xs text-amber-800">{t('metricList.corrected', { note: m.correctionNote })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.total === 0 && (
          <p className="p-4 text-slate-600" data-testid="empty-state">
            {t('metricList.empty')}
          </p>
        )}
      </TableScroll>
      <Pagination path="/metrics" filters={{ ...targets.filters, page: list.page }} page={list.page} pageCount={list.pageCount} extra={extra} />
    </div>
  );
}
