import { useTranslations } from 'next-intl';
import type { FilterNotice } from '@/lib/rules/filters';

/** Filters that were dropped, said out loud rather than silently ignored. */
export function FilterNotices({ notices }: { notices: FilterNotice[] }) {
  const t = useTranslations('filters');
  if (notices.length === 0) return null;
  return (
    <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="filter-notices">
      <p className="font-medium">{t('notices')}</p>
      <ul className="mt-1 list-disc pl-5">
        {notices.map((n, i) => (
          <li key={i} data-notice={n.key}>
            {t(`notice.${n.reason}`, { key: n.key, value: n.value })}
          </li>
        ))}
      </ul>
    </div>
  );
}
