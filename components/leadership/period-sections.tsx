import { getLocale, getTranslations } from 'next-intl/server';
import { StageBadge } from '@/components/badges';
import { MetricText } from '@/components/metric-text';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import type { Actor } from '@/lib/rules/authz';
import { describeDate } from '@/lib/rules/dates';
import { formatInteger, formatPercent } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import { getIndicatorsInPeriod, getPeriodSnapshot, getStageChangesInPeriod, growthRatio, type CountRange } from '@/lib/data/leadership';
import { stageName } from '@/lib/rules/stages';
import type { Period } from '@/lib/rules/periods';
import type { FilterTargets } from '@/lib/rules/project-filter';

type Props = { actor: Actor; targets: FilterTargets; period: Period };

/** A count a date range may leave open, said as such: "33", or "4–33". */
export function RangeText({ range, locale }: { range: CountRange; locale: Locale }) {
  return <>{range.min === range.max ? formatInteger(range.min, locale) : `${formatInteger(range.min, locale)}–${formatInteger(range.max, locale)}`}</>;
}

/**
 * Approved / online / promotion at the period's end, and how many were
 * certainly added in it; a date known only as a range that began before the
 * period counts as "reached by the end", with a note, never as added.
 */
export async function PeriodSnapshot(props: Props) {
  const [snapshot, t, locale] = await Promise.all([getPeriodSnapshot(props), getTranslations('leadership'), getLocale() as Promise<Locale>]);
  return (
    <section className="grid gap-4 sm:grid-cols-3 print:grid-cols-3 print:gap-2" aria-label={t('snapshot')}>
      {snapshot.map((s, i) => (
        <div
          key={s.stage.code}
          className="rounded-lg border border-slate-200 bg-white p-4 print:p-2"
          data-period-kpi={s.stage.code.toLowerCase()}
          data-value={s.atEnd.min}
          data-max={s.atEnd.max}
          data-added={s.added}
          data-by-end={s.byEnd}
        >
          <div className="text-sm text-slate-600">{t(i === 0 ? 'atEndFirst' : 'atEndStage', { stage: stageName(s.stage, locale) })}</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums">
            <RangeText range={s.atEnd} locale={locale} />
          </div>
          <div className="text-xs text-slate-600">{t('addedInPeriod', { n: formatInteger(s.added, locale) })}</div>
          {s.byEnd > 0 && <div className="text-xs text-slate-600">{t('byEndNote', { n: formatInteger(s.byEnd, locale) })}</div>}
          {s.atEnd.max > s.atEnd.min && <div className="text-xs text-slate-600">{t('rangeNote', { n: formatInteger(s.atEnd.max - s.atEnd.min, locale) })}</div>}
        </div>
      ))}
    </section>
  );
}

/** The outcome indicators that grew most in the period, relative growth first; new figures lead. Values dated after the period are left out, and counted. */
export async function IndicatorGrowthSection(props: Props) {
  const [{ indicators, later }, t, locale] = await Promise.all([getIndicatorsInPeriod(props), getTranslations('leadership'), getLocale() as Promise<Locale>]);
  const top = indicators
    .filter((g) => g.start === null || g.start !== g.end)
    .sort((a, b) => growthRatio(b) - growthRatio(a))
    .slice(0, 8);
  return (
    <Section title={t('growth')}>
      {top.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noGrowth')}</p>
      ) : (
        <TableScroll label={t('growth')}>
          <table className="w-full text-left text-sm" data-testid="indicator-growth">
            <thead className="whitespace-nowrap text-slate-500">
              <tr>
                <th scope="col" className="pr-3">
                  {t('indicator')}
                </th>
                <th scope="col" className="pr-3 text-right">
                  {t('atStart')}
                </th>
                <th scope="col" className="pr-3 text-right">
                  {t('atPeriodEnd')}
                </th>
                <th scope="col" className="text-right">
                  {t('change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((g) => (
                <tr key={g.code} className="border-t border-slate-100" data-indicator={g.code} data-value={g.end} data-qualifier={g.endQualifier}>
                  <td className="min-w-24 py-1 pr-3">{locale === 'zh' ? g.nameZh : g.nameEn}</td>
                  <td className="pr-3 text-right whitespace-nowrap tabular-nums">
                    {g.start === null ? '—' : <MetricText value={g.start} unit={g.unit} kind={g.kind} qualifier={g.startQualifier ?? 'EXACT'} />}
                  </td>
                  <td className="pr-3 text-right whitespace-nowrap tabular-nums">
                    <MetricText value={g.end} unit={g.unit} kind={g.kind} qualifier={g.endQualifier} />
                  </td>
                  <td className="text-right whitespace-nowrap tabular-nums">
                    {g.start === null || g.start === 0 ? t('new') : formatPercent(growthRatio(g) * 100, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {later > 0 && (
        <p className="mt-2 text-xs text-slate-600" data-testid="values-after-period" data-value={later}>
          {t('laterValues', { n: formatInteger(later, locale) })}
        </p>
      )}
    </Section>
  );
}

/**
 * Stage changes certainly dated within the period. Placeholders' changes are one
 * counted line, never rows; changes known only as a range that began before the
 * period are counted as reached by its end.
 */
export async function StageChangesSection(props: Props) {
  const [{ rows, total, placeholders, byEnd }, t, tDates, locale] = await Promise.all([
    getStageChangesInPeriod(props),
    getTranslations('leadership'),
    getTranslations('dates'),
    getLocale() as Promise<Locale>,
  ]);
  const date = (c: (typeof rows)[number]) => {
    const { key, values } = describeDate(c);
    return `${tDates(key, values)}${c.dateInferred ? tDates('inferred') : ''}`;
  };
  return (
    <Section title={t('stageChanges', { n: total + placeholders })}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noStageChanges')}</p>
      ) : (
        <TableScroll label={t('stageChanges', { n: total + placeholders })}>
          <table className="w-full text-left text-sm" data-testid="stage-changes" data-value={total}>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-t border-slate-100">
                  <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{date(c)}</td>
                  <td className="pr-3 font-mono text-xs whitespace-nowrap">{c.code}</td>
                  <td className="min-w-40 pr-3">{c.name}</td>
                  <td className="whitespace-nowrap">
                    <StageBadge stage={c.toStage} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="mt-2 space-y-0.5 text-xs text-slate-600">
        {total > rows.length && <p>{t('more', { n: formatInteger(total - rows.length, locale) })}</p>}
        {placeholders > 0 && (
          <p data-testid="placeholder-changes" data-value={placeholders}>
            {t('placeholderChanges', { n: formatInteger(placeholders, locale) })}
          </p>
        )}
        {byEnd > 0 && (
          <p data-testid="changes-by-end" data-value={byEnd}>
            {t('changesByEnd', { n: formatInteger(byEnd, locale) })}
          </p>
        )}
      </div>
    </Section>
  );
}
