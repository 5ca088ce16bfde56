'use client';

import { useLocale } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatQuantity } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { LineChartProps } from './line-chart';

/** The Recharts drawing behind LineChartView. It runs in the browser only. */
export function LineChartDraw({ rows, series, height, xKey = 'month', legend = true }: LineChartProps) {
  const locale = useLocale() as Locale;
  const format = (v: number) => formatQuantity(v, locale);
  const bounded = (maxKey?: string): maxKey is string =>
    maxKey !== undefined && rows.some((r) => r[maxKey] !== r[series.find((s) => s.maxKey === maxKey)!.key]);
  return (
    <ComposedChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey={xKey} tick={{ fontSize: 12, fill: '#334155' }} />
      <YAxis allowDecimals={false} tickFormatter={format} tick={{ fontSize: 12, fill: '#334155' }} width={56} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : Array.isArray(v) ? v.map((x) => format(Number(x))).join('–') : String(v))} />
      {legend && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />}
      {series.flatMap((s) =>
        bounded(s.maxKey)
          ? [
              <Area
                key={`${s.key}-band`}
                type="stepAfter"
                dataKey={(r: Record<string, number>) => [r[s.key], r[s.maxKey!]]}
                name={s.possibleLabel ?? s.label}
                fill={s.colour}
                fillOpacity={0.15}
                stroke={s.colour}
                strokeDasharray="4 3"
                strokeWidth={1}
                isAnimationActive={false}
              />,
              <Line key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stroke={s.colour} strokeWidth={2} dot={false} isAnimationActive={false} />,
            ]
          : [
              <Line
                key={s.key}
                type="stepAfter"
                dataKey={s.key}
                name={s.label}
                stroke={s.colour}
                strokeWidth={2}
                dot={rows.length < 40}
                isAnimationActive={false}
              />,
            ],
      )}
    </ComposedChart>
  );
}
