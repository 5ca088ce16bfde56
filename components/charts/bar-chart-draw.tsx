'use client';

import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { formatQuantity } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { BarChartProps } from './bar-chart';
import { useNarrow } from './use-narrow';

/**
 * On a narrow screen a bar's label goes on a line of its own above the bar, so
 * the bars keep the card's width: the category axis takes no width and draws
 * each label from the plot's left edge, over the bar.
 */
const ROW_WITH_LABEL = 44;
const BAR_WITH_LABEL = 16;

function LabelAbove({ x, y, payload }: YAxisTickContentProps) {
  return (
    <text x={Number(x)} y={Number(y) - BAR_WITH_LABEL / 2 - 5} fontSize={12} fill="#334155">
      {payload.value}
    </text>
  );
}

/** The Recharts drawing behind BarChartView. It runs in the browser only. */
export function BarChartDraw({ rows, series, layout = 'vertical', stacked, height, labelWidth = 120 }: BarChartProps) {
  const router = useRouter();
  const locale = useLocale() as Locale;
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const horizontal = layout === 'horizontal';
  const labelsAbove = useNarrow() && horizontal;
  const chartHeight = labelsAbove ? Math.max(height, rows.length * ROW_WITH_LABEL + 40) : height;
  const format = (v: number) => formatQuantity(v, locale);
  const go = (index: number, key: string) => {
    const row = rows[index];
    if (row) router.push(row.hrefs?.[key] ?? row.href);
  };
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: chartHeight }}
      data={data}
      layout={horizontal ? 'vertical' : 'horizontal'}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} tickFormatter={format} tick={{ fontSize: 12, fill: '#334155' }} />
          {labelsAbove ? (
            <YAxis type="category" dataKey="label" width={1} tick={LabelAbove} tickSize={0} tickMargin={0} axisLine={false} interval={0} />
          ) : (
            <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12, fill: '#334155' }} interval={0} />
          )}
        </>
      ) : (
        <>
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} interval={0} />
          <YAxis allowDecimals={false} tickFormatter={format} tick={{ fontSize: 12, fill: '#334155' }} width={56} />
        </>
      )}
      <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={s.colour}
          stackId={stacked ? 'stack' : undefined}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, index) => go(index, s.key)}
          maxBarSize={labelsAbove ? BAR_WITH_LABEL : undefined}
        >
          {series.length === 1 && rows.map((r, i) => <Cell key={i} fill={r.colour ?? s.colour} />)}
        </Bar>
      ))}
    </BarChart>
  );
}
