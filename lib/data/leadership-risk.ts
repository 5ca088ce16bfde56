import 'server-only';
/**
 * The leadership page's risk summary: open warnings and incidents by severity
 * (openRiskBySeverity, the risk board's figures), and the trend: warnings
 * raised and incidents reported per month (Beijing calendar) of a period, on
 * the same scoped, filtered project set as the rest of the page. Demo rows are
 * counted apart so the page can say how many of the figures are demo data.
 */
import { Prisma } from '../generated/prisma/client';
import type { Actor } from '../rules/authz';
import type { Period } from '../rules/periods';
import { projectFilterSql, type FilterTargets } from '../rules/project-filter';
import { TIME_ZONE } from '../rules/time';
import { sql } from '../server/db';
import { openRiskBySeverity } from './risk-board';

/** At most this many months are drawn: a longer period shows its last ones. */
export const TREND_MONTHS = 24;

export type RiskMonth = { month: string; warnings: number; incidents: number; demoWarnings: number; demoIncidents: number };

/** The months (YYYY-MM) from the period's start to its end, at most the last TREND_MONTHS of them. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  const end = period.to.getUTCFullYear() * 12 + period.to.getUTCMonth();
  for (let m = period.from.getUTCFullYear() * 12 + period.from.getUTCMonth(); m <= end; m++) {
    out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  }
  return out.slice(-TREND_MONTHS);
}

type Counted = { month: string; total: number; demo: number };

/** Warnings raised and incidents reported per month of `period`, on the page's project set. */
export async function getRiskTrend(options: { actor: Actor; targets: FilterTargets; period: Pick<Period, 'from' | 'to'> }): Promise<RiskMonth[]> {
  const months = monthsOf(options.period);
  if (!months.length) return [];
  const scope = projectFilterSql(options.actor, options.targets, 'p');
  const first = new Date(`${months[0]}-01T00:00:00Z`);
  // Moments are stored as UTC without a zone: read them as UTC, then as a Beijing calendar day.
  const local = (column: string) => Prisma.sql`((${Prisma.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${Prisma.raw(`'${TIME_ZONE}'`)})::date`;
  const monthOf = (column: string) => Prisma.sql`to_char(${local(column)}, 'YYYY-MM')`;
  const [warnings, incidents] = await Promise.all([
    sql<Counted>(Prisma.sql`SELECT ${monthOf('w."raisedAt"')} AS month, count(*)::int AS total, (count(*) FILTER (WHERE w."isDemo"))::int AS demo
      FROM "Warning" w JOIN "Project" p ON p.id = w."projectId"
      WHERE ${scope} AND ${local('w."raisedAt"')} BETWEEN ${first} AND ${options.period.to} GROUP BY 1`),
    sql<Counted>(Prisma.sql`SELECT ${monthOf('i."reportedAt"')} AS month, count(*)::int AS total, (count(*) FILTER (WHERE i."isDemo"))::int AS demo
      FROM "Incident" i JOIN "Project" p ON p.id = i."projectId"
      WHERE ${scope} AND ${local('i."reportedAt"')} BETWEEN ${first} AND ${options.period.to} GROUP BY 1`),
  ]);
  const byMonth = (rows: Counted[]) => new Map(rows.map((r) => [r.month, r]));
  const w = byMonth(warnings);
  const i = byMonth(incidents);
  return months.map((month) => ({
    month,
    warnings: w.get(month)?.total ?? 0,
    incidents: i.get(month)?.total ?? 0,
    demoWarnings: w.get(month)?.demo ?? 0,
    demoIncidents: i.get(month)?.demo ?? 0,
  }));
}

/** The open figures by severity (with how many open rows are demo data) and the trend, for the leadership page. */
export async function getLeadershipRisk(options: { actor: Actor; targets: FilterTargets; period: Pick<Period, 'from' | 'to'> }) {
  const scope = projectFilterSql(options.actor, options.targets, 'p');
  const [bySeverity, trend, [demo]] = await Promise.all([
    openRiskBySeverity({ actor: options.actor, programId: options.targets.programId }),
    getRiskTrend(options),
    sql<{ warnings: number; incidents: number }>(Prisma.sql`SELECT
      (SELECT count(*)::int FROM "Warning" w JOIN "Project" p ON p.id = w."projectId" WHERE w.status <> 'CLOSED' AND w."isDemo" AND ${scope}) AS warnings,
      (SELECT count(*)::int FROM "Incident" i JOIN "Project" p ON p.id = i."projectId" WHERE i.status <> 'CLOSED' AND i."isDemo" AND ${scope}) AS incidents`),
  ]);
  return { bySeverity, trend, demoOpen: demo ?? { warnings: 0, incidents: 0 } };
}
