import { getLocale, getTranslations } from 'next-intl/server';
import { BarChartView } from '@/components/charts/bar-chart';
import { DIRECTION_COLOURS, UNDISCLOSED_COLOUR } from '@/components/charts/colours';
import { UNDISCLOSED } from '@/lib/rules/filters';
import { metricText } from '@/components/metric-text';
import type { Locale } from '@/lib/i18n/config';
import { getDirectionStages, getIndicators, type IndicatorTotal } from '@/lib/data/dashboard';
import { listHref, type CardProps } from './card-props';
import { ChartCard } from './chart-card';

/** Each indicator's total by its own rule, and its value per direction, as small bar charts and one table. */
export async function IndicatorsCard(props: CardProps) {
  const [indicators, directions, t, locale] = await Promise.all([getIndicators(props), getDirectionStages(props), getTranslations(), getLocale()]);
  const zh = locale === 'zh';
  const codes = directions.map((d) => d.code);
  const label = (code: string) => (directions.find((d) => d.code === code)?.undisclosed ? t('breakdown.undisclosedLabel') : code);
  const rule = (i: IndicatorTotal) =>
    `${t(i.cumulative || i.kind === 'PERCENT' ? 'charts.perProjectLatest' : 'charts.perProjectPeriods')}, ${t(
      `charts.aggregation.${i.kind === 'PERCENT' && i.aggregation === 'SUM' ? 'MEAN' : i.aggregation}`,
    )}`;
  const metric = (i: IndicatorTotal, v: { value: number; qualifier: IndicatorTotal['qualifier'] } | undefined) =>
    v ? metricText(t, locale as Locale, { value: v.value, unit: i.unit, kind: i.kind, qualifier: v.qualifier }) : t('dashboard.noValue');
  return (
    <ChartCard
      id="indicators"
      wide
      title={t('dashboard.indicators')}
      hint={t('dashboard.indicatorsIntro')}
      empty={indicators.length === 0}
      emptyText={t('dashboard.noIndicators')}
      table={{
        columns: [t('charts.indicator'), t('charts.rule'), t('charts.total'), ...codes.map(label)],
        rows: indicators.map((i) => ({
          key: i.code,
          cells: [zh ? i.nameZh : i.nameEn, rule(i), metric(i, i), ...codes.map((c) => metric(i, i.byDirection[c]))],
        })),
      }}
    >
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {indicators.map((i) => (
          <li key={i.code} className="rounded border border-slate-100 p-2" data-indicator={i.code} data-value={i.value}>
            <div className="text-sm text-slate-700">{zh ? i.nameZh : i.nameEn}</div>
            <div className="text-xl font-semibold tabular-nums">{metric(i, i)}</div>
            <div className="text-xs text-slate-500">
              {rule(i)} · {t('charts.projectsReporting', { count: i.projects })}
            </div>
            <BarChartView
              name={`indicator-${i.code}`}
              height={130}
              series={[{ key: 'value', label: zh ? i.nameZh : i.nameEn, colour: DIRECTION_COLOURS[0] }]}
              rows={codes.map((c, k) => ({
                label: label(c),
                values: { value: i.byDirection[c]?.value ?? 0 },
                href: listHref(props.targets.filters, { direction: c }),
                colour: c === UNDISCLOSED ? UNDISCLOSED_COLOUR : DIRECTION_COLOURS[k % DIRECTION_COLOURS.length],
              }))}
            />
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
