import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { TrendCard } from '@/components/dashboard/trend-card';
import { AssessmentSummary } from '@/components/leadership/assessment-summary';
import { DirectionComparison } from '@/components/leadership/direction-comparison';
import { PeriodSelector } from '@/components/leadership/period-selector';
import { ProgramsOverview } from '@/components/programs-overview';
import { PublishedLine } from '@/components/leadership/published-line';
import { LeadershipRisk } from '@/components/leadership/risk-summary';
import { IndicatorGrowthSection, PeriodSnapshot, StageChangesSection } from '@/components/leadership/period-sections';
import { PendingProposalsCard } from '@/components/pending-proposals-card';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getEarliestEventDate, getLatestEventDate } from '@/lib/data/leadership';
import { parseFilters } from '@/lib/rules/filters';
import { lastMonthsPeriod, parsePeriod, periodDates, yearPeriod } from '@/lib/rules/periods';
import { requireActor } from '@/lib/server/session';
import { formatMoment, todayInBeijing } from '@/lib/rules/time';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata() {
  return { title: (await getTranslations('leadership'))('heading') };
}

/** One page a leader reads in a minute, and prints on A4. */
export default async function LeadershipPage({ searchParams }: Props) {
  const query = await searchParams;
  const actorRead = requireActor();
  const named = one(query.program);
  const [actor, resolved] = await Promise.all([actorRead, resolveFilters({ ...parseFilters(named ? { program: named } : {}), actor: actorRead })]);
  if (!resolved) notFound();
  const { program, targets } = resolved;
  const latest = await getLatestEventDate({ actor, targets });
  const asked = parsePeriod({ period: one(query.period), from: one(query.from), to: one(query.to) });
  const period = asked ?? yearPeriod((latest ?? todayInBeijing()).getUTCFullYear());
  const [t, locale] = await Promise.all([getTranslations('leadership'), getLocale()]);
  const earliest = await getEarliestEventDate({ actor, targets });
  const startYear = Math.min((earliest ?? period.from).getUTCFullYear(), period.from.getUTCFullYear());
  const lastYear = Math.max(startYear, (latest ?? todayInBeijing()).getUTCFullYear(), period.to.getUTCFullYear());
  const years = Array.from({ length: lastYear - startYear + 1 }, (_, i) => startYear + i);
  const { from, to } = periodDates(period);
  const asOf = formatMoment(new Date());
  const sectionProps = { actor, targets, period };
  return (
    <div className="space-y-4" data-period-from={from} data-period-to={to}>
      <header className="space-y-1 border-b border-slate-300 pb-2">
        <h1 className="text-2xl font-semibold">{t('title', { program: locale === 'zh' ? program.name : program.nameEn })}</h1>
        <p className="text-sm text-slate-700" data-testid="period-label">
          {t('periodLabel', { from, to })} · {t('scope')} · {t('asOf', { time: asOf })}
        </p>
        {(one(query.period) || one(query.from)) && !asked && <p className="text-sm text-amber-800 print:hidden">{t('badPeriod')}</p>}
      </header>
      <PeriodSelector period={period} years={years} program={targets.filters.program} />
      <ProgramsOverview actor={actor} current={program.code} />
      <PeriodSnapshot {...sectionProps} />
      <PublishedLine {...sectionProps} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:block print:space-y-4">
        <TrendCard actor={actor} targets={targets} until={period.to} />
        <IndicatorGrowthSection {...sectionProps} />
      </div>
      <DirectionComparison {...sectionProps} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3 print:block print:space-y-4">
        <div className="lg:col-span-2">
          <StageChangesSection {...sectionProps} />
        </div>
        <PendingProposalsCard actor={actor} />
      </div>
      {/* Risk follows the named period, or the last twelve months when the URL names none. */}
      <LeadershipRisk actor={actor} targets={targets} period={asked ?? lastMonthsPeriod(todayInBeijing(), 12)} />
      <AssessmentSummary actor={actor} programId={program.id} programCode={program.code} />
    </div>
  );
}
