'use client';

import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { RadarChartProps } from './radar-chart';

export function RadarChartDraw(props: RadarChartProps) {
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <RadarChart data={props.rows} outerRadius="70%">
        <PolarGrid />
        <PolarAngleAxis dataKey="label" tick={{ fontSize: 11 }} />
        <PolarRadiusAxis domain={[0, props.max]} tick={{ fontSize: 10 }} />
        <Radar name={props.projectLabel} dataKey="project" stroke="#b91c1c" fill="#b91c1c" fillOpacity={0.3} isAnimationActive={false} />
        {props.medianLabel !== null && (
          <Radar name={props.medianLabel} dataKey="median" stroke="#2563eb" fill="#2563eb" fillOpacity={0.1} isAnimationActive={false} />
        )}
        <Tooltip />
        <Legend />
      </RadarChart>
    </ResponsiveContainer>
  );
}
