import { useLocale, useTranslations } from 'next-intl';
import { formatInteger, isoDate } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { Kpi } from '@/lib/data/programs';

/** One headline figure beside the published one; a mismatch is shown, never hidden. */
export function KpiCard({ kpi }: { kpi: Kpi }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const { published } = kpi;
  const diff = published ? kpi.value - published.value : 0;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-kpi={kpi.key.toLowerCase()} data-value={kpi.value}>
      <div className="text-sm text-slate-600">{t(`kpi.${kpi.key}`)}</div>
      <div className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{formatInteger(kpi.value, locale)}</div>
      {published ? (
        <div className="mt-2 space-y-0.5 text-xs">
          <div className="text-slate-600" data-published={published.value}>
            {t('home.published', { value: formatInteger(published.value, locale), asOf: isoDate(published.asOf) })}
          </div>
          <div className={diff === 0 ? 'text-emerald-700' : 'font-medium text-red-700'} data-matches={diff === 0}>
            {diff === 0 ? t('home.matches') : t('home.differs', { diff: `${diff > 0 ? '+' : ''}${diff}` })}
          </div>
        </div>
      ) : (
        <div className="mt-2 text-xs text-slate-500">{t('home.noPublished')}</div>
      )}
    </div>
  );
}
