import { getLocale, getTranslations } from 'next-intl/server';
import { PlaceholderBadge, StageBadge } from '@/components/badges';
import { Section } from '@/components/section';
import type { Actor } from '@/lib/rules/authz';
import { formatInteger, formatPercent, formatQuantity, isoDate } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import { getIndicatorGrowth, getPeriodSnapshot, getStageChangesInPeriod, growthRatio } from '@/lib/data/leadership';
import type { Period } from '@/lib/rules/periods';
import type { FilterTargets } from '@/lib/rules/project-filter';

type Props = { actor: Actor; targets: FilterTargets; period: Period };

/** Approved / online / promotion at the period's end, and how many were added in it. */
export async function PeriodSnapshot(props: Props) {
  const [{ start, end }, t, locale] = await Promise.all([getPeriodSnapshot(props), getTranslations('leadership'), getLocale() as Promise<Locale>]);
  return (
    <section className="grid grid-cols-3 gap-4" aria-label={t('snapshot')}>
      {(['approved', 'online', 'promotion'] as const).map((k) => (
        <div key={k} className="rounded-lg border border-slate-200 bg-white p-4" data-period-kpi={k} data-value={end[k]} data-added={end[k] - start[k]}>
          <div className="text-sm text-slate-600">{t(`atEnd.${k}`)}</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums">{formatInteger(end[k], locale)}</div>
          <div className="text-xs text-slate-600">{t('addedInPeriod', { n: formatInteger(end[k] - start[k], locale) })}</div>
        </div>
      ))}
    </section>
  );
}

/** The outcome indicators that grew most in the period, relative growth first; new figures lead. */
export async function IndicatorGrowthSection(props: Props) {
  const [rows, t, locale] = await Promise.all([getIndicatorGrowth(props), getTranslations('leadership'), getLocale() as Promise<Locale>]);
  const top = [...rows].sort((a, b) => growthRatio(b) - growthRatio(a)).slice(0, 8);
  const q = (v: number, kind: string) => (kind === 'PERCENT' ? formatPercent(v, locale) : formatQuantity(v, locale));
  return (
    <Section title={t('growth')}>
      {top.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noGrowth')}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="indicator-growth">
          <thead className="text-slate-500">
            <tr>
              <th scope="col">{t('indicator')}</th>
              <th scope="col">{t('atStart')}</th>
              <th scope="col">{t('atPeriodEnd')}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((g) => (
              <tr key={g.code} className="border-t border-slate-100" data-indicator={g.code} data-value={g.end}>
                <td className="py-1">
                  {locale === 'zh' ? g.nameZh : g.nameEn} <span className="text-xs text-slate-500">({g.unit})</span>
                </td>
                <td className="tabular-nums">{g.start === null ? '—' : q(g.start, g.kind)}</td>
                <td className="tabular-nums">{q(g.end, g.kind)}</td>
                <td className="tabular-nums">{g.start === null || g.start === 0 ? t('new') : formatPercent(growthRatio(g) * 100, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** Stage changes dated within the period. */
export async function StageChangesSection(props: Props) {
  const [{ rows, total }, t] = await Promise.all([getStageChangesInPeriod(props), getTranslations('leadership')]);
  return (
    <Section title={t('stageChanges', { n: total })}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noStageChanges')}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="stage-changes" data-value={total}>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-t border-slate-100">
                <td className="py-1 tabular-nums">{c.dateApprox ? t('byDate', { date: isoDate(c.effectiveDate) }) : isoDate(c.effectiveDate)}</td>
                <td className="font-mono text-xs">{c.project.code}</td>
                <td>
                  {c.project.name}
                  {c.project.isPlaceholder && <PlaceholderBadge />}
                </td>
                <td>
                  <StageBadge stage={c.toStage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > rows.length && <p className="mt-2 text-xs text-slate-600">{t('more', { n: total - rows.length })}</p>}
    </Section>
  );
}
