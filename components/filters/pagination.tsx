import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { filterHref, type ProjectFilters } from '@/lib/rules/filters';

/** Previous/next links that keep the filters, and `extra` (a page's own query, e.g. indicator=USERS). */
export function Pagination({
  path,
  filters,
  page,
  pageCount,
  extra = '',
}: {
  path: string;
  filters: ProjectFilters;
  page: number;
  pageCount: number;
  extra?: string;
}) {
  const t = useTranslations('pagination');
  if (pageCount <= 1) return null;
  const to = (target: number | undefined) => {
    const href = filterHref(path, filters, { page: target });
    return extra ? `${href}${href.includes('?') ? '&' : '?'}${extra}` : href;
  };
  const link = 'inline-flex items-center rounded border border-slate-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-slate-50 max-sm:min-h-10';
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-3">
      {page > 1 && (
        <Link href={to(page - 1 === 1 ? undefined : page - 1)} className={link} rel="prev">
          {t('previous')}
        </Link>
      )}
      <span className="text-sm text-slate-600" data-testid="page-status">
        {t('page', { page, count: pageCount })}
      </span>
      {page < pageCount && (
        <Link href={to(page + 1)} className={link} rel="next">
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
