'use client';

import dynamic from 'next/dynamic';
import { useInView } from './use-in-view';

export type RadarRow = { label: string; project: number | null; median: number | null };
/** `medianLabel` null: the median is not shown (too few other projects to hide theirs), and not drawn. */
export type RadarChartProps = { name: string; rows: RadarRow[]; max: number; projectLabel: string; medianLabel: string | null; height: number };

// Drawn in the browser only, as the other charts (see bar-chart.tsx).
const RadarChartDraw = dynamic(() => import('./radar-chart-draw').then((m) => m.RadarChartDraw), { ssr: false });

/** A project's score per dimension against the program's median, from rows the server computed. */
export function RadarChartView(props: RadarChartProps) {
  const { ref, seen } = useInView<HTMLDivElement>();
  return (
    <div ref={ref} data-chart={props.name} className="w-full" style={{ minHeight: props.height }}>
      {seen && <RadarChartDraw {...props} />}
    </div>
  );
}
