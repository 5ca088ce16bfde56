import { getLocale, getTranslations } from 'next-intl/server';
import { getPublishedFigures } from '@/lib/data/headline';
import type { Actor } from '@/lib/rules/authz';
import { formatInteger } from '@/lib/rules/format';
import { formatDay } from '@/lib/rules/time';
import type { Locale } from '@/lib/i18n/config';
import type { Period } from '@/lib/rules/periods';
import type { FilterTargets } from '@/lib/rules/project-filter';

const ORDER = ['PROJECTS', 'INSTITUTIONS', 'ONLINE', 'PROMOTION'] as const;

/**
 * The program's published figures with their date and source, beside a period
 * view: stated for what they are (figures of one day), never as a verdict on
 * the period's counts, and left out when they postdate the period.
 */
export async function PublishedLine(props: { actor: Actor; targets: FilterTargets; period: Period }) {
  const [figures, t, locale] = await Promise.all([getPublishedFigures(props), getTranslations('leadership'), getLocale() as Promise<Locale>]);
  const shown = ORDER.flatMap((k) => figures.filter((f) => f.key === k));
  if (shown.length === 0) return null;
  const asOf = shown[0].asOf;
  if (asOf.getTime() > props.period.to.getTime()) {
    return <p className="text-xs text-slate-600">{t('publishedLater', { date: formatDay(asOf) })}</p>;
  }
  return (
    <p className="text-sm text-slate-700" data-testid="published-line">
      {t('published', {
        date: formatDay(asOf),
        source: shown[0].source,
        figures: shown.map((f) => t(`publishedFigure.${f.key}`, { n: formatInteger(f.value, locale) })).join(t('listSeparator')),
      })}
    </p>
  );
}
