import { getLocale, getTranslations } from 'next-intl/server';
import { stageColour } from '@/components/charts/colours';
import { LineChartView } from '@/components/charts/line-chart';
import { getCumulativeByMonth } from '@/lib/data/dashboard';
import { formatInteger } from '@/lib/rules/format';
import { stageName } from '@/lib/rules/stages';
import { formatMonth } from '@/lib/rules/time';
import type { Locale } from '@/lib/i18n/config';
import type { CardProps } from './card-props';
import { ChartCard } from './chart-card';

/**
 * How many projects had entered each stage of the path by each month's end: a
 * solid line for what is certain, and a band up to what is possible where the
 * record gives a date only as a range. `until` ends the chart with a reporting period.
 */
export async function TrendCard(props: CardProps & { until?: Date }) {
  const [{ stages, months: all }, t, locale] = await Promise.all([getCumulativeByMonth(props), getTranslations('charts'), getLocale() as Promise<Locale>]);
  const last = props.until ? formatMonth(props.until) : undefined;
  const months = last ? all.filter((m) => m.month <= last) : all;
  const n = (v: number) => formatInteger(v, locale);
  const value = (m: (typeof months)[number], key: string) => Number(m[key] ?? 0);
  const range = (min: number, max: number) => (min === max ? n(min) : t('range', { min: n(min), max: n(max) }));
  const series = stages.map((s) => ({ key: s.code, maxKey: `${s.code}Max`, label: stageName(s, locale), colour: stageColour(s) }));
  const bounded = months.some((m) => series.some((s) => value(m, s.key) !== value(m, s.maxKey)));
  return (
    <ChartCard
      id="cumulative"
      title={(await getTranslations('dashboard'))('cumulative')}
      empty={months.length === 0}
      table={{
        columns: [t('month'), ...series.map((s) => s.label)],
        rows: months.map((m) => ({ key: m.month, cells: [m.month, ...series.map((s) => range(value(m, s.key), value(m, s.maxKey)))] })),
      }}
      notes={bounded && <p className="mt-1 text-xs text-slate-600">{t('bandNote')}</p>}
    >
      <LineChartView name="cumulative" rows={months} series={series.map((s) => ({ ...s, possibleLabel: t('possible', { label: s.label }) }))} height={260} />
    </ChartCard>
  );
}
