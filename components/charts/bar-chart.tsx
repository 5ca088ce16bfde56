'use client';

import dynamic from 'next/dynamic';
import { useInView } from './use-in-view';

export type BarSeries = { key: string; label: string; colour: string };
export type BarRow = {
  label: string;
  values: Record<string, number>;
  /** Where a click on this row's bar leads; `hrefs` overrides it per series (stacked bars). */
  href: string;
  hrefs?: Record<string, string>;
  colour?: string;
};

export type BarChartProps = {
  name: string;
  rows: BarRow[];
  series: BarSeries[];
  /** `horizontal` bars grow to the right, one row per category (long labels). */
  layout?: 'horizontal' | 'vertical';
  stacked?: boolean;
  height: number;
  labelWidth?: number;
};

// Recharts sizes a responsive chart from its container, which only a browser has:
// rendered on the server it produced an empty box at a real cost per chart. The
// server now sends that box alone (at the chart's height, so nothing moves) and the
// browser draws into it once it is scrolled near (useInView), loading Recharts then. The chart is not
// even attempted on the server: `ssr: false` alone would make each chart throw a
// bail-out that the server catches and turns into a client-rendered boundary.
const BarChartDraw = dynamic(() => import('./bar-chart-draw').then((m) => m.BarChartDraw), { ssr: false });

/**
 * Draws rows the server computed; a click on a bar opens the project list
 * filtered to it. Labels and numbers arrive translated or are formatted here
 * in the reader's locale.
 */
export function BarChartView(props: BarChartProps) {
  const { ref, seen } = useInView<HTMLDivElement>();
  return (
    <div ref={ref} data-chart={props.name} className="w-full" style={{ minHeight: props.height }}>
      {seen && <BarChartDraw {...props} />}
    </div>
  );
}
