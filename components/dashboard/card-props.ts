import type { Actor } from '@/lib/rules/authz';
import { filterHref, type FilterKey, type ProjectFilters } from '@/lib/rules/filters';
import type { FilterTargets } from '@/lib/rules/project-filter';

export type CardProps = { actor: Actor; targets: FilterTargets };

/** The project list narrowed to one bar: the current filters plus the bar's own. */
export function listHref(filters: ProjectFilters, change: Partial<Record<FilterKey, string | number | undefined>>) {
  return filterHref('/projects', filters, { page: undefined, sort: undefined, ...change });
}
