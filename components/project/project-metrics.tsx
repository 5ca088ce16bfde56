import { useLocale, useTranslations } from 'next-intl';
import { MetricText } from '@/components/metric-text';
import { RetiredBadge } from '@/components/retired';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import { formatDay } from '@/lib/rules/time';
import type { ProjectDetail } from '@/lib/data/projects';

export function ProjectMetrics({ values }: { values: ProjectDetail['metricValues'] }) {
  const t = useTranslations();
  const zh = useLocale() === 'zh';
  const sourceLabel = (key: string) => (t.has(`sourceKey.${key}`) ? t(`sourceKey.${key}`) : key);
  return (
    <Section title={t('project.metrics')}>
      {values.length === 0 ? (
        <p className="text-sm text-slate-600">{t('project.noMetrics')}</p>
      ) : (
        <TableScroll label={t('project.metrics')}>
          <table className="w-full text-left text-sm">
            <thead className="whitespace-nowrap text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t('project.indicator')}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t('project.value')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('project.asOf')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('project.source')}
                </th>
              </tr>
            </thead>
            <tbody>
              {values.map((m) => (
                <tr key={m.id} className="border-t border-slate-100 align-top" data-metric={m.indicator.code} data-value={m.value}>
                  <td className="min-w-24 py-1 pr-3">
                    {zh ? m.indicator.nameZh : m.indicator.nameEn}
                    {m.indicator.retiredAt && <RetiredBadge />}
                  </td>
                  <td className="py-1 pr-3 text-right font-medium whitespace-nowrap tabular-nums">
                    <MetricText value={m.value} unit={m.indicator.unit} kind={m.indicator.kind} qualifier={m.qualifier} />
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{formatDay(m.asOf)}</td>
                  <td className="min-w-48 py-1 text-xs text-slate-600">
                    <div>{sourceLabel(m.source)}</div>
                    {m.sourceNote && <q className="text-slate-500">{m.sourceNote}</q>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}
