import { getLocale, getTranslations } from 'next-intl/server';
import { STAGE_COLOURS } from '@/components/charts/colours';
import { LineChartView } from '@/components/charts/line-chart';
import { getCumulativeByMonth } from '@/lib/data/dashboard';
import { formatInteger } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { CardProps } from './card-props';
import { ChartCard } from './chart-card';

/**
 * How many projects had been approved, gone online and entered promotion by
 * each month's end: a solid line for what is certain, and a band up to what
 * is possible where the record gives a date only as a range. `until` ends the
 * chart with a reporting period.
 */
export async function TrendCard(props: CardProps & { until?: Date }) {
  const [all, t, locale] = await Promise.all([getCumulativeByMonth(props), getTranslations('charts'), getLocale() as Promise<Locale>]);
  const last = props.until?.toISOString().slice(0, 7);
  const months = last ? all.filter((m) => m.month <= last) : all;
  const n = (v: number) => formatInteger(v, locale);
  const range = (min: number, max: number) => (min === max ? n(min) : t('range', { min: n(min), max: n(max) }));
  const series = [
    { key: 'approved', maxKey: 'approvedMax', label: t('approved'), colour: STAGE_COLOURS.APPROVED },
    { key: 'online', maxKey: 'onlineMax', label: t('online'), colour: STAGE_COLOURS.ONLINE },
    { key: 'promotion', maxKey: 'promotionMax', label: t('promotion'), colour: STAGE_COLOURS.PROMOTION },
  ] as const;
  const bounded = months.some((m) => m.approved !== m.approvedMax || m.online !== m.onlineMax || m.promotion !== m.promotionMax);
  return (
    <ChartCard
      id="cumulative"
      title={(await getTranslations('dashboard'))('cumulative')}
      empty={months.length === 0}
      table={{
        columns: [t('month'), ...series.map((s) => s.label)],
        rows: months.map((m) => ({ key: m.month, cells: [m.month, ...series.map((s) => range(m[s.key], m[s.maxKey]))] })),
      }}
      notes={bounded && <p className="mt-1 text-xs text-slate-600">{t('bandNote')}</p>}
    >
      <LineChartView name="cumulative" rows={months} series={series.map((s) => ({ ...s, possibleLabel: t('possible', { label: s.label }) }))} height={260} />
    </ChartCard>
  );
}
