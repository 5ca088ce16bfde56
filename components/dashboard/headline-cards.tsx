import { getLocale, getTranslations } from 'next-intl/server';
import { getDirectionLabel } from '@/lib/data/programs';
import { getHeadline, type HeadlineCard, type HeadlineView } from '@/lib/data/headline';
import { formatInteger, formatPercent } from '@/lib/rules/format';
import { formatDay } from '@/lib/rules/time';
import type { Locale } from '@/lib/i18n/config';
import { stageName } from '@/lib/rules/stages';
import type { CardProps } from './card-props';

/**
 * Headline figures (the dashboard's six by default, the home page's its own), each
 * beside the published one when the view is the whole program; a mismatch is
 * shown, never hidden.
 */
export async function HeadlineCards(props: CardProps & { view?: HeadlineView }) {
  const [{ cards, comparable }, t, locale, directionLabel] = await Promise.all([
    getHeadline({ ...props, view: props.view ?? 'dashboard' }),
    getTranslations('dashboard'),
    getLocale() as Promise<Locale>,
    getDirectionLabel(props.targets.programId),
  ]);
  // A stage's card is named after the stage, the top grouping's after what the program calls it; the rest by their key.
  const label = (c: HeadlineCard) =>
    c.stage
      ? c.isRate
        ? t('kpi.rate', { stage: stageName(c.stage, locale) })
        : stageName(c.stage, locale)
      : c.key === 'directions' && directionLabel
        ? directionLabel[locale]
        : t(`kpi.${c.key}`);
  const show = (c: HeadlineCard, v: number | null) => (v === null ? t('noValue') : c.isRate ? formatPercent(v, locale) : formatInteger(v, locale));
  const sources = [...new Set(cards.flatMap((c) => (comparable && c.published ? [c.published.source] : [])))];
  return (
    <section className="space-y-2" aria-label={t('kpi.projects')}>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        {cards.map((c) => {
          const diff = c.published && c.value !== null ? Math.round((c.value - c.published.value) * 10) / 10 : 0;
          return (
            <div key={c.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-kpi={c.key} data-value={c.value ?? ''}>
              <div className="text-sm text-slate-600">{label(c)}</div>
              <div className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{show(c, c.value)}</div>
              {c.isRate && <div className="text-xs text-slate-500">{t('rateHint')}</div>}
              {!comparable ? null : c.published ? (
                <div className="mt-2 space-y-0.5 text-xs">
                  <div className="text-slate-600" data-published={c.published.value}>
                    {t('published', { value: show(c, c.published.value), asOf: formatDay(c.published.asOf) })}
                  </div>
                  <div className={diff === 0 ? 'text-emerald-700' : 'font-medium text-red-700'} data-matches={diff === 0}>
                    {diff === 0 ? t('matches') : t('differs', { diff: `${diff > 0 ? '+' : ''}${diff}` })}
                  </div>
                </div>
              ) : (
                <div className="mt-2 text-xs text-slate-500">{t('noPublished')}</div>
              )}
            </div>
          );
        })}
      </div>
      {!comparable && <p className="text-xs text-slate-600">{t('notComparable')}</p>}
      {sources.map((s) => (
        <p key={s} className="text-xs text-slate-600">
          {t('source', { source: s })}
        </p>
      ))}
    </section>
  );
}
