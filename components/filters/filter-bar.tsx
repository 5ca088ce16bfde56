import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { FilterOptions } from '@/lib/data/filter-targets';
import { SORTS, sortKeyOf, type ProjectFilters } from '@/lib/rules/filters';
import { InstitutionField } from './institution-field';

type Props = {
  action: string;
  filters: ProjectFilters;
  options: FilterOptions;
  programId: number;
  programCode?: string;
  withSort?: boolean;
  /** A page's own filters (e.g. an indicator), kept in the same form so one submit keeps them all. */
  children?: React.ReactNode;
};

/** Below `sm` the fields stack and every control is at least 40 px high, for a finger. */
export const control = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm max-sm:min-h-10';

/**
 * The shared filters as a plain GET form: the URL holds the whole view, so a
 * link reproduces it, reloading keeps it and the back button undoes a change.
 * Changing a filter starts again at page 1 (the page is not part of the form).
 */
export function FilterBar({ action, filters, options, programId, programCode, withSort, children }: Props) {
  const t = useTranslations();
  const zh = useLocale() === 'zh';
  const select = (name: keyof ProjectFilters, label: string, items: { value: string; label: string }[], empty = t('filters.any')) => (
    <label className="text-xs text-slate-700">
      {label}
      <select name={name} defaultValue={filters[name] === undefined ? '' : String(filters[name])} className={control} data-filter={name}>
        <option value="">{empty}</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form action={action} method="get" className="rounded-lg border border-slate-200 bg-white p-3" role="search" aria-label={t('filters.legend')}>
      {programCode && <input type="hidden" name="program" value={programCode} />}
      <div className="grid gap-3 sm:grid-cols-2 md:grid-cols-4 lg:grid-cols-5">
        {select(
          'direction',
          options.directionLabel?.[zh ? 'zh' : 'en'] ?? t('filters.direction'),
          options.directions.map((d) => ({ value: d.code, label: `${d.code} ${zh ? d.name : d.nameEn}` })),
        )}
        {select(
          'field',
          t('filters.field'),
          options.directions.flatMap((d) => d.fields.map((f) => ({ value: f.code, label: `${d.code} · ${zh ? f.name : f.nameEn}` }))),
        )}
        {select(
          'stage',
          t('filters.stage'),
          options.stages.map((s) => ({ value: s.code, label: zh ? s.name : s.nameEn })),
        )}
        {select(
          'reached',
          t('filters.reached'),
          options.path.slice(1).map((s) => ({ value: s.code, label: zh ? s.name : s.nameEn })),
        )}
        {select(
          'tech',
          t('filters.tech'),
          options.technologies.map((x) => ({ value: String(x.id), label: zh ? x.name : x.nameEn })),
        )}
        <InstitutionField
          programId={programId}
          selected={options.institution}
          typed={typeof filters.institution === 'string' ? filters.institution : undefined}
          label={t('filters.institution')}
          placeholder={t('filters.any')}
          className={control}
        />
        {select('placeholders', t('filters.placeholders'), [
          { value: 'include', label: t('filters.placeholdersInclude') },
          { value: 'exclude', label: t('filters.placeholdersExclude') },
        ])}
        {select(
          'retired',
          t('retired.filter'),
          [
            { value: 'include', label: t('retired.filterInclude') },
            { value: 'only', label: t('retired.filterOnly') },
          ],
          t('retired.filterExclude'),
        )}
        {children}
        {withSort &&
          select(
            'sort',
            t('filters.sort'),
            SORTS.map((s) => ({
              value: s,
              label: `${t(`filters.sortKey.${sortKeyOf(s)}`)} (${t(s.startsWith('-') ? 'filters.descending' : 'filters.ascending')})`,
            })),
          )}
        <label className="text-xs text-slate-700 sm:col-span-2">
          {t('filters.q')}
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ''}
            maxLength={100}
            placeholder={t('filters.qPlaceholder')}
            className={control}
            data-filter="q"
          />
        </label>
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="submit" className="rounded bg-red-800 px-3 py-1 text-sm text-white hover:bg-red-900 max-sm:min-h-10" data-testid="apply-filters">
          {t('filters.apply')}
        </button>
        <Link
          href={programCode ? `${action}?program=${encodeURIComponent(programCode)}` : action}
          className="inline-flex items-center px-2 py-1 text-sm text-red-800 hover:underline max-sm:min-h-10"
        >
          {t('filters.reset')}
        </Link>
      </div>
    </form>
  );
}
