import { getLocale, getTranslations } from 'next-intl/server';
import { BarChartView } from '@/components/charts/bar-chart';
import { ChartCard } from '@/components/dashboard/chart-card';
import { SeverityBadge } from '@/components/risk/badges';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import { getLeadershipRisk } from '@/lib/data/leadership-risk';
import type { Locale } from '@/lib/i18n/config';
import type { Actor } from '@/lib/rules/authz';
import { formatInteger } from '@/lib/rules/format';
import { SEVERITIES } from '@/lib/rules/monitoring';
import type { Period } from '@/lib/rules/periods';
import type { FilterTargets } from '@/lib/rules/project-filter';

type Props = { actor: Actor; targets: FilterTargets; period: Pick<Period, 'from' | 'to'> };

/**
 * Risk on the leadership page and its print: open warnings and incidents by
 * severity, and warnings raised and incidents reported per month of `period`
 * as a chart with its table. Demo rows are counted and said.
 */
export async function LeadershipRisk(props: Props) {
  const [{ bySeverity, trend, demoOpen }, t, locale] = await Promise.all([
    getLeadershipRisk(props),
    getTranslations('leadershipRisk'),
    getLocale() as Promise<Locale>,
  ]);
  const n = (v: number) => formatInteger(v, locale);
  const totals = SEVERITIES.reduce((sum, s) => ({ warnings: sum.warnings + bySeverity[s].warnings, incidents: sum.incidents + bySeverity[s].incidents }), {
    warnings: 0,
    incidents: 0,
  });
  const demoTrend = trend.reduce((sum, m) => sum + m.demoWarnings + m.demoIncidents, 0);
  const series = [
    { key: 'warnings', label: t('warningsRaised'), colour: '#b45309' },
    { key: 'incidents', label: t('incidentsReported'), colour: '#991b1b' },
  ];
  return (
    <div data-testid="leadership-risk" data-warnings-open={totals.warnings} data-incidents-open={totals.incidents} className="space-y-4 break-inside-avoid">
      <Section title={t('heading')}>
        <TableScroll label={t('bySeverity')}>
          <table className="figure-table" data-table="risk-severity">
            <thead>
              <tr>
                <th scope="col">{t('severity')}</th>
                <th scope="col">{t('warningsOpen')}</th>
                <th scope="col">{t('incidentsOpen')}</th>
              </tr>
            </thead>
            <tbody>
              {SEVERITIES.map((s) => (
                <tr key={s} data-severity={s} data-warnings={bySeverity[s].warnings} data-incidents={bySeverity[s].incidents}>
                  <td>
                    <SeverityBadge severity={s} />
                  </td>
                  <td className="tabular-nums">{n(bySeverity[s].warnings)}</td>
                  <td className="tabular-nums">{n(bySeverity[s].incidents)}</td>
                </tr>
              ))}
              <tr className="font-medium">
                <td>{t('total')}</td>
                <td className="tabular-nums">{n(totals.warnings)}</td>
                <td className="tabular-nums">{n(totals.incidents)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        {demoOpen.warnings + demoOpen.incidents > 0 && (
          <p className="mt-1 text-xs text-violet-700" data-demo>
            {t('demoOpen', { warnings: n(demoOpen.warnings), incidents: n(demoOpen.incidents) })}
          </p>
        )}
      </Section>
      <ChartCard
        id="risk-trend"
        title={t('trend')}
        hint={t('trendHint', { from: trend[0]?.month ?? '', to: trend.at(-1)?.month ?? '' })}
        empty={trend.every((m) => m.warnings + m.incidents === 0)}
        emptyText={t('noTrend')}
        table={{
          columns: [t('month'), t('warningsRaised'), t('incidentsReported')],
          rows: trend.map((m) => ({ key: m.month, cells: [m.month, n(m.warnings), n(m.incidents)] })),
        }}
        notes={demoTrend > 0 && <p className="mt-1 text-xs text-violet-700">{t('demoTrend', { count: n(demoTrend) })}</p>}
      >
        <BarChartView
          name="risk-trend"
          rows={trend.map((m) => ({ label: m.month.slice(2), values: { warnings: m.warnings, incidents: m.incidents }, href: '/risk' }))}
          series={series}
          height={220}
        />
      </ChartCard>
    </div>
  );
}
