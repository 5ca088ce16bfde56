'use client';

import { useRouter } from 'next/navigation';
import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatQuantity } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { BarChartProps } from './bar-chart';

/** The Recharts drawing behind BarChartView. It runs in the browser only. */
export function BarChartDraw({ rows, series, layout = 'vertical', stacked, height, labelWidth = 120 }: BarChartProps) {
  const router = useRouter();
  const locale = useLocale() as Locale;
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const horizontal = layout === 'horizontal';
  const format = (v: number) => formatQuantity(v, locale);
  const go = (index: number, key: string) => {
    const row = rows[index];
    if (row) router.push(row.hrefs?.[key] ?? row.href);
  };
  return (
    <BarChart
      responsive
      style={{ width: '100%', height }}
      data={data}
      layout={horizontal ? 'vertical' : 'horizontal'}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} tickFormatter={format} tick={{ fontSize: 12, fill: '#334155' }} />
          <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 12, fill: '#334155' }} interval={0} />
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
        >
          {series.length === 1 && rows.map((r, i) => <Cell key={i} fill={r.colour ?? s.colour} />)}
        </Bar>
      ))}
    </BarChart>
  );
}
