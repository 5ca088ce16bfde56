'use client';

import dynamic from 'next/dynamic';
import { useInView } from './use-in-view';

/**
 * One line per series; with `maxKey`, the series is a count a date range may
 * leave open: a solid line for what is certain and a band up to what is possible.
 */
export type LineSeries = { key: string; label: string; colour: string; maxKey?: string; possibleLabel?: string };

/** Cumulative counts over months, as the server computed them. */
export type LineChartProps = { name: string; rows: Record<string, string | number>[]; series: LineSeries[]; height: number; xKey?: string; legend?: boolean };

// Drawn in the browser only, as BarChartView is (see there).
const LineChartDraw = dynamic(() => import('./line-chart-draw').then((m) => m.LineChartDraw), { ssr: false });

export function LineChartView(props: LineChartProps) {
  const { ref, seen } = useInView<HTMLDivElement>();
  return (
    <div ref={ref} data-chart={props.name} className="w-full" style={{ minHeight: props.height }}>
      {seen && <LineChartDraw {...props} />}
    </div>
  );
}
