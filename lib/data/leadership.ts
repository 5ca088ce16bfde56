import 'server-only';
/**
 * The leadership summary: the program over one reporting period, from the
 * same scoped, filtered project set as the dashboard (lib/rules/project-filter.ts).
 */
import { db, sql } from '../server/db';
import { getCumulativeByMonth } from './dashboard';
import { Prisma } from '../generated/prisma/client';
import type { IndicatorKind, ProjectStage, ValueQualifier } from '../generated/prisma/enums';
import { finalValueSql, partialsSql, takesLatestSql } from '../rules/indicators';
import type { Period } from '../rules/periods';
import { projectFilterSql, projectWhere, type FilterTargets } from '../rules/project-filter';
import type { Actor } from '../rules/authz';

type Options = { actor: Actor; targets: FilterTargets };

/** The day of the latest stage change or figure among the matching projects: the default period ends there. */
export async function getLatestEventDate({ actor, targets }: Options): Promise<Date | null> {
  const [row] = await sql<{ latest: Date | null }>(Prisma.sql`
    WITH fp AS (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})
    SELECT greatest(
      (SELECT max(sc."effectiveDate") FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"),
      (SELECT max(mv."asOf") FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId")) AS latest`);
  return row?.latest ?? null;
}

/** The day of the earliest stage change among the matching projects: the period selector starts there. */
export async function getEarliestEventDate({ actor, targets }: Options): Promise<Date | null> {
  const [row] = await sql<{ earliest: Date | null }>(Prisma.sql`
    SELECT min(sc."effectiveDate") AS earliest FROM "StageChange" sc
    WHERE sc."projectId" IN (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})`);
  return row?.earliest ?? null;
}

export type StageCounts = { approved: number; online: number; promotion: number };

/** Projects approved, online and in promotion at the period's start and end (by month, from the stage history). */
export async function getPeriodSnapshot(options: Options & { period: Period }): Promise<{ start: StageCounts; end: StageCounts }> {
  const months = await getCumulativeByMonth(options);
  const month = (d: Date) => d.toISOString().slice(0, 7);
  const at = (last: string): StageCounts => {
    const row = months.filter((m) => m.month <= last).at(-1);
    return { approved: row?.approved ?? 0, online: row?.online ?? 0, promotion: row?.promotion ?? 0 };
  };
  const before = new Date(options.period.from);
  before.setUTCDate(0); // the last day of the month before the period starts
  return { start: at(month(before)), end: at(month(options.period.to)) };
}

export type IndicatorGrowth = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  cumulative: boolean;
  start: number | null;
  startQualifier: ValueQualifier | null;
  end: number;
  endQualifier: ValueQualifier;
};

/**
 * Each indicator's program value at the period's start and end, by its own rules
 * (lib/rules/indicators.ts): per project the latest value on or before the day
 * (cumulative indicators and rates) or the sum of the values within the period
 * (per-period ones); then across projects.
 */
export async function getIndicatorGrowth(options: Options & { period: Period }): Promise<IndicatorGrowth[]> {
  const { from, to } = options.period;
  const rows = await sql<IndicatorGrowth>(Prisma.sql`
    WITH fp AS (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(options.actor, options.targets, 'p')}),
    snap AS (
      SELECT DISTINCT ON (side, mv."indicatorId", mv."projectId") side, mv."indicatorId", mv.value, mv.qualifier, mv."asOf"
      FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId" AND ${takesLatestSql('i')}
        CROSS JOIN (VALUES ('start', ${from}::date - 1), ('end', ${to}::date)) AS d(side, day)
      WHERE mv."asOf" <= d.day
      ORDER BY side, mv."indicatorId", mv."projectId", mv."asOf" DESC),
    flow AS (
      SELECT 'end'::text AS side, mv."indicatorId", sum(mv.value) AS value,
        (CASE WHEN bool_or(mv.qualifier = 'ABOUT') THEN 'ABOUT' WHEN bool_or(mv.qualifier = 'OVER') THEN 'OVER' ELSE 'EXACT' END)::"ValueQualifier" AS qualifier,
        max(mv."asOf") AS "asOf"
      FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId" AND NOT ${takesLatestSql('i')}
      WHERE mv."asOf" BETWEEN ${from}::date AND ${to}::date
      GROUP BY mv."indicatorId", mv."projectId"),
    per AS (SELECT side, "indicatorId", value, qualifier, "asOf" FROM snap UNION ALL SELECT side, "indicatorId", value, qualifier, "asOf" FROM flow),
    partials AS (SELECT side, "indicatorId" AS indicator_id, ${partialsSql('value', '"asOf"', 'qualifier')} FROM per GROUP BY side, "indicatorId"),
    totals AS (SELECT t.side, t.indicator_id, ${finalValueSql('i', 't')} FROM partials t JOIN "Indicator" i ON i.id = t.indicator_id)
    SELECT i.code, i."nameZh", i."nameEn", i.unit, i.kind, i.cumulative,
      max(t.value) FILTER (WHERE t.side = 'start') AS start,
      max(t.qualifier::text) FILTER (WHERE t.side = 'start') AS "startQualifier",
      max(t.value) FILTER (WHERE t.side = 'end') AS "end",
      max(t.qualifier::text) FILTER (WHERE t.side = 'end') AS "endQualifier"
    FROM totals t JOIN "Indicator" i ON i.id = t.indicator_id
    GROUP BY i.id
    HAVING max(t.value) FILTER (WHERE t.side = 'end') IS NOT NULL
    ORDER BY i."sortOrder"`);
  return rows.filter((r) => r.start === null || r.end !== r.start);
}

/** Growth for ordering: relative where there was a start, new figures first. */
export const growthRatio = (g: IndicatorGrowth) => (g.start === null || g.start === 0 ? Infinity : (g.end - g.start) / Math.abs(g.start));

export type PeriodStageChange = {
  id: number;
  toStage: ProjectStage;
  fromStage: ProjectStage | null;
  effectiveDate: Date;
  dateApprox: boolean;
  project: { code: string; name: string; isPlaceholder: boolean };
};

/** Stage changes dated within the period, newest first. */
export async function getStageChangesInPeriod(options: Options & { period: Period; take?: number }): Promise<{ rows: PeriodStageChange[]; total: number }> {
  const where: Prisma.StageChangeWhereInput = {
    effectiveDate: { gte: options.period.from, lte: options.period.to },
    project: projectWhere(options.actor, options.targets),
  };
  const [rows, total] = await Promise.all([
    db.stageChange.findMany({
      where,
      orderBy: [{ effectiveDate: 'desc' }, { id: 'desc' }],
      take: options.take ?? 50,
      select: {
        id: true,
        toStage: true,
        fromStage: true,
        effectiveDate: true,
        dateApprox: true,
        project: { select: { code: true, name: true, isPlaceholder: true } },
      },
    }),
    db.stageChange.count({ where }),
  ]);
  return { rows, total };
}
