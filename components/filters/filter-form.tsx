import { Suspense } from 'react';
import type { Actor } from '@/lib/rules/authz';
import { getFilterOptions } from '@/lib/data/filter-targets';
import type { ProjectFilters } from '@/lib/rules/filters';
import { FilterBar } from './filter-bar';

type Props = { actor: Actor; programId: number; action: string; filters: ProjectFilters; withSort?: boolean; children?: React.ReactNode };

async function LoadedFilterBar({ actor, programId, ...props }: Props) {
  const options = await getFilterOptions({ actor, programId, institutionId: props.filters.institution });
  return <FilterBar {...props} options={options} programId={programId} programCode={props.filters.program} />;
}

/** The filter form, streamed on its own so that its option lists never hold up the results. */
export function FilterForm(props: Props) {
  return (
    <Suspense fallback={<div className="h-28 animate-pulse rounded-lg border border-slate-200 bg-white" data-skeleton />}>
      <LoadedFilterBar {...props} />
    </Suspense>
  );
}
