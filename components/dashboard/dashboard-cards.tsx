import { Suspense } from 'react';
import type { CardProps } from './card-props';
import { CardSkeleton } from './chart-card';
import { HeadlineCards } from './headline-cards';
import { IndicatorsCard } from './indicators-card';
import { DirectionStageCard, FieldCard, FunnelCard, TechnologyCard } from './project-charts';
import { TrendCard } from './trend-card';

/** Every dashboard card, each streamed on its own behind a skeleton. */
export function DashboardCards(props: CardProps) {
  return (
    <div className="space-y-4">
      <Suspense fallback={<div className="h-32 animate-pulse rounded-lg bg-slate-100" data-skeleton />}>
        <HeadlineCards {...props} />
      </Suspense>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Suspense fallback={<CardSkeleton />}>
          <DirectionStageCard {...props} />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <FunnelCard {...props} />
        </Suspense>
        <Suspense fallback={<CardSkeleton tall />}>
          <FieldCard {...props} />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <TrendCard {...props} />
        </Suspense>
        <Suspense fallback={<CardSkeleton />}>
          <TechnologyCard {...props} />
        </Suspense>
        <Suspense fallback={<CardSkeleton wide tall />}>
          <IndicatorsCard {...props} />
        </Suspense>
      </div>
    </div>
  );
}
