import { getLocale, getTranslations } from 'next-intl/server';
import { STAGE_COLOURS } from '@/components/charts/colours';
import { LineChartView } from '@/components/charts/line-chart';
import { getCumulativeByMonth } from '@/lib/data/dashboard';
import { formatInteger } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { CardProps } from './card-props';
import { ChartCard } from './chart-card';

/** How many projects had been approved, gone online and entered promotion by each month's end. */
export async function TrendCard(props: CardProps) {
  const [months, t, locale] = await Promise.all([getCumulativeByMonth(props), getTranslations('charts'), getLocale() as Promise<Locale>]);
  const n = (v: number) => formatInteger(v, locale);
  const series = [
    { key: 'approved', label: t('approved'), colour: STAGE_COLOURS.APPROVED },
    { key: 'online', label: t('online'), colour: STAGE_COLOURS.ONLINE },
    { key: 'promotion', label: t('promotion'), colour: STAGE_COLOURS.PROMOTION },
  ];
  return (
    <ChartCard
      id="cumulative"
      title={(await getTranslations('dashboard'))('cumulative')}
      empty={months.length === 0}
      table={{
        columns: [t('month'), ...series.map((s) => s.label)],
        rows: months.map((m) => ({ key: m.month, cells: [m.month, n(m.approved), n(m.online), n(m.promotion)] })),
      }}
    >
      <LineChartView name="cumulative" rows={months} series={series} height={260} />
    </ChartCard>
  );
}
