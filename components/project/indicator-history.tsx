import { useLocale, useTranslations } from 'next-intl';
import { LineChartView } from '@/components/charts/line-chart';
import { MetricText } from '@/components/metric-text';
import { Section } from '@/components/section';
import { formatDay } from '@/lib/rules/time';
import type { ProjectDetail } from '@/lib/data/projects';

type Value = ProjectDetail['metricValues'][number];

/** Each indicator's values over time as a small chart, with every value's source beneath it. */
export function IndicatorHistory({ values }: { values: ProjectDetail['metricValues'] }) {
  const t = useTranslations();
  const zh = useLocale() === 'zh';
  const byIndicator = new Map<string, Value[]>();
  for (const v of values) byIndicator.set(v.indicator.code, [...(byIndicator.get(v.indicator.code) ?? []), v]);
  if (byIndicator.size === 0) return null;
  const sourceLabel = (key: string) => (t.has(`sourceKey.${key}`) ? t(`sourceKey.${key}`) : key);
  return (
    <Section title={t('project.metricHistory')}>
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {[...byIndicator.entries()].map(([code, history]) => {
          const name = zh ? history[0].indicator.nameZh : history[0].indicator.nameEn;
          return (
            <li key={code} className="rounded border border-slate-100 p-2" data-indicator-history={code}>
              <h3 className="text-sm font-medium text-slate-800">{t('charts.history', { indicator: name })}</h3>
              <LineChartView
                name={`history-${code}`}
                xKey="asOf"
                legend={false}
                height={120}
                rows={history.map((v) => ({ asOf: formatDay(v.asOf), value: v.value }))}
                series={[{ key: 'value', label: name, colour: '#b91c1c' }]}
              />
              <ul className="mt-1 space-y-1 text-xs text-slate-600">
                {history.map((v) => (
                  <li key={v.id}>
                    <span className="font-medium tabular-nums text-slate-800">
                      <MetricText value={v.value} unit={v.indicator.unit} kind={v.indicator.kind} qualifier={v.qualifier} />
                    </span>{' '}
                    · {formatDay(v.asOf)} · {sourceLabel(v.source)}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
