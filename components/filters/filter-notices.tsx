import { useLocale, useTranslations } from 'next-intl';
import { filterLabel, filterValueLabel } from '@/lib/rules/filter-labels';
import type { FilterNotice } from '@/lib/rules/filters';

/**
 * Filters that were dropped, said out loud rather than silently ignored: each
 * filter by its label (「方向」, not `direction`) and each value by its name
 * where it names something (a stage, a direction given twice).
 */
export function FilterNotices({ notices }: { notices: FilterNotice[] }) {
  const t = useTranslations();
  const zh = useLocale() === 'zh';
  if (notices.length === 0) return null;
  const nameOf = (n: FilterNotice, value: string, i: number): string => {
    const named = n.names?.[i];
    if (!named) return filterValueLabel(n.key, value, t);
    // A direction's or field's code is printed on the pages (D1); a stage's code never is.
    const name = zh ? named.name : named.nameEn;
    return n.key === 'stage' || n.key === 'reached' ? name : `${value} ${name}`;
  };
  return (
    <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="filter-notices">
      <p className="font-medium">{t('filters.notices')}</p>
      <ul className="mt-1 list-disc pl-5">
        {notices.map((n, i) => (
          <li key={i} data-notice={n.key}>
            {t(`filters.notice.${n.reason}`, { key: filterLabel(n.key, t), value: n.values.map((v, j) => nameOf(n, v, j)).join(zh ? '、' : ', ') })}
          </li>
        ))}
      </ul>
    </div>
  );
}
