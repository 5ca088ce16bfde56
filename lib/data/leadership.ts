import 'server-only';
/**
 * The leadership summary: the program as of the end of one reporting period,
 * from the same scoped, filtered project set as the dashboard
 * (lib/rules/project-filter.ts). Everything here is as of the period's end:
 * values dated after it are left out (and counted), a date known only as a
 * range counts as certain once its upper bound has passed and as possible from
 * its lower bound (lib/rules/dates.ts), and a range that straddles the
 * period's start is "reached by the end", never "added in" the period.
 */
import { db, sql } from '../server/db';
import { Prisma } from '../generated/prisma/client';
import type { DatePrecision, IndicatorKind, ProjectStage, ValueQualifier } from '../generated/prisma/enums';
import type { Actor } from '../rules/authz';
import { dateRangeSql, placeInPeriodSql } from '../rules/dates';
import { UNDISCLOSED } from '../rules/filters';
import { combinePartialsSql, combineQualifiersSql, finalValueSql, partialsSql, takesLatestSql } from '../rules/indicators';
import type { Period } from '../rules/periods';
import { projectFilterSql, type FilterTargets } from '../rules/project-filter';

type Options = { actor: Actor; targets: FilterTargets };
type PeriodOptions = Options & { period: Period };

/** The matching projects as `fp`, and each one's first entry into each stage as a date range (`firsts`). */
const stageRanges = ({ actor, targets }: Options) => Prisma.sql`
  fp AS (SELECT p.id, p."directionId", p."approvedAt", p."isPlaceholder" FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')}),
  ranges AS (
    SELECT sc."projectId", sc."toStage" AS stage, ${dateRangeSql('sc', 'fp."approvedAt"')}
    FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"
    WHERE sc."toStage" IN ('APPROVED', 'ONLINE', 'PROMOTION')),
  firsts AS (SELECT "projectId", stage, min(latest) AS latest, min(earliest) AS earliest FROM ranges GROUP BY "projectId", stage)`;

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
    SELECT min(coalesce(sc."notBefore", sc."effectiveDate")) AS earliest FROM "StageChange" sc
    WHERE sc."projectId" IN (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})`);
  return row?.earliest ?? null;
}

/** A count that a date range may leave open: certainly `min`, possibly up to `max`. */
export type CountRange = { min: number; max: number };
export const SNAPSHOT_STAGES = ['approved', 'online', 'promotion'] as const;
export type SnapshotStage = (typeof SNAPSHOT_STAGES)[number];
export type StageSnapshot = {
  atStart: CountRange;
  atEnd: CountRange;
  /** Certainly reached within the period. */
  added: number;
  /** Reached by the period's end, on a date that may fall before it began. */
  byEnd: number;
  /** May have been reached in the period, or after it. */
  maybe: number;
};

const STAGE_OF: Record<SnapshotStage, ProjectStage> = { approved: 'APPROVED', online: 'ONLINE', promotion: 'PROMOTION' };

/** Projects approved, online and in promotion at the period's start and end, and how many were added in it. */
export async function getPeriodSnapshot(options: PeriodOptions): Promise<Record<SnapshotStage, StageSnapshot>> {
  const { from, to } = options.period;
  const rows = await sql<{
    stage: ProjectStage;
    startMin: number;
    startMax: number;
    endMin: number;
    endMax: number;
    added: number;
    byEnd: number;
    maybe: number;
  }>(
    Prisma.sql`
    WITH ${stageRanges(options)},
    placed AS (SELECT stage, latest, earliest, ${placeInPeriodSql('latest', 'earliest', options.period)} AS place FROM firsts)
    SELECT stage,
      count(*) FILTER (WHERE latest < ${from}::date)::int AS "startMin",
      count(*) FILTER (WHERE earliest < ${from}::date)::int AS "startMax",
      count(*) FILTER (WHERE latest <= ${to}::date)::int AS "endMin",
      count(*) FILTER (WHERE earliest <= ${to}::date)::int AS "endMax",
      count(*) FILTER (WHERE place = 'in')::int AS added,
      count(*) FILTER (WHERE place = 'byEnd')::int AS "byEnd",
      count(*) FILTER (WHERE place = 'maybe')::int AS maybe
    FROM placed GROUP BY stage`,
  );
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return Object.fromEntries(
    SNAPSHOT_STAGES.map((k) => {
      const r = byStage.get(STAGE_OF[k]);
      return [
        k,
        {
          atStart: { min: r?.startMin ?? 0, max: r?.startMax ?? 0 },
          atEnd: { min: r?.endMin ?? 0, max: r?.endMax ?? 0 },
          added: r?.added ?? 0,
          byEnd: r?.byEnd ?? 0,
          maybe: r?.maybe ?? 0,
        },
      ];
    }),
  ) as Record<SnapshotStage, StageSnapshot>;
}

export type DirectionAtEnd = {
  /** A direction code, or UNDISCLOSED for the projects the record does not place. */
  code: string;
  name: string | null;
  nameEn: string | null;
  /** Approved by the period's end. */
  projects: number;
  online: CountRange;
  promotion: CountRange;
};

/** The directions as of the period's end: projects approved by then and how many had gone online and into promotion. */
export async function getDirectionsAtEnd(options: PeriodOptions): Promise<DirectionAtEnd[]> {
  const to = Prisma.sql`${options.period.to}::date`;
  const rows = await sql<
    Omit<DirectionAtEnd, 'code' | 'online' | 'promotion'> & {
      code: string | null;
      onlineMin: number;
      onlineMax: number;
      promotionMin: number;
      promotionMax: number;
    }
  >(Prisma.sql`
    WITH ${stageRanges(options)},
    per_project AS (
      SELECT fp.id, fp."directionId",
        bool_or(f.stage = 'APPROVED' AND f.latest <= ${to}) AS approved,
        bool_or(f.stage = 'ONLINE' AND f.latest <= ${to}) AS online_min, bool_or(f.stage = 'ONLINE' AND f.earliest <= ${to}) AS online_max,
        bool_or(f.stage = 'PROMOTION' AND f.latest <= ${to}) AS promotion_min, bool_or(f.stage = 'PROMOTION' AND f.earliest <= ${to}) AS promotion_max
      FROM fp JOIN firsts f ON f."projectId" = fp.id GROUP BY fp.id, fp."directionId"),
    d AS (SELECT id, code, name, "nameEn", "sortOrder" FROM "Direction" WHERE "programId" = ${options.targets.programId})
    SELECT d.code, d.name, d."nameEn",
      count(pp.id) FILTER (WHERE pp.approved)::int AS projects,
      count(pp.id) FILTER (WHERE pp.online_min)::int AS "onlineMin", count(pp.id) FILTER (WHERE pp.online_max)::int AS "onlineMax",
      count(pp.id) FILTER (WHERE pp.promotion_min)::int AS "promotionMin", count(pp.id) FILTER (WHERE pp.promotion_max)::int AS "promotionMax"
    FROM d FULL JOIN per_project pp ON pp."directionId" = d.id
    GROUP BY d.id, d.code, d.name, d."nameEn", d."sortOrder"
    ORDER BY d."sortOrder" NULLS LAST`);
  const directions = rows.map(({ onlineMin, onlineMax, promotionMin, promotionMax, ...r }) => ({
    ...r,
    code: r.code ?? UNDISCLOSED,
    online: { min: onlineMin, max: onlineMax },
    promotion: { min: promotionMin, max: promotionMax },
  }));
  if (directions.some((d) => d.code === UNDISCLOSED)) return directions;
  return [...directions, { code: UNDISCLOSED, name: null, nameEn: null, projects: 0, online: { min: 0, max: 0 }, promotion: { min: 0, max: 0 } }];
}

export type IndicatorAtPeriod = {
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
  /** The value at the period's end per direction code (UNDISCLOSED for the projects without one). */
  byDirection: Record<string, { value: number; qualifier: ValueQualifier; projects: number }>;
};

/**
 * Each indicator's value at the period's start and end, for the program and per
 * direction at the end, by its own rules (lib/rules/indicators.ts): per project
 * the latest value on or before the day (cumulative indicators and rates) or
 * the sum of the values within the period (per-period ones); then across
 * projects. Values dated after the period are left out; `later` counts them.
 */
export async function getIndicatorsInPeriod(options: PeriodOptions): Promise<{ indicators: IndicatorAtPeriod[]; later: number }> {
  const { from, to } = options.period;
  type Row = { code: string; side: 'start' | 'end'; direction: string | null; total: boolean; value: number; qualifier: ValueQualifier; projects: number };
  const [rows, [later]] = await Promise.all([
    sql<Row>(Prisma.sql`
    WITH fp AS (SELECT p.id, p."directionId" FROM "Project" p WHERE ${projectFilterSql(options.actor, options.targets, 'p')}),
    snap AS (
      SELECT DISTINCT ON (side, mv."indicatorId", mv."projectId") side, mv."indicatorId", fp."directionId", mv.value, mv.qualifier, mv."asOf"
      FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId" AND ${takesLatestSql('i')}
        CROSS JOIN (VALUES ('start', ${from}::date - 1), ('end', ${to}::date)) AS d(side, day)
      WHERE mv."asOf" <= d.day
      ORDER BY side, mv."indicatorId", mv."projectId", mv."asOf" DESC),
    flow AS (
      SELECT 'end'::text AS side, mv."indicatorId", fp."directionId", sum(mv.value) AS value,
        ${combineQualifiersSql('mv.qualifier')} AS qualifier,
        max(mv."asOf") AS "asOf"
      FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId" AND NOT ${takesLatestSql('i')}
      WHERE mv."asOf" BETWEEN ${from}::date AND ${to}::date
      GROUP BY mv."indicatorId", mv."projectId", fp."directionId"),
    per AS (SELECT side, "indicatorId", "directionId", value, qualifier, "asOf" FROM snap UNION ALL SELECT side, "indicatorId", "directionId", value, qualifier, "asOf" FROM flow),
    partials AS (
      SELECT side, "indicatorId" AS indicator_id, "directionId" AS direction_id, false AS is_total, ${partialsSql('value', '"asOf"', 'qualifier')}
      FROM per GROUP BY side, "indicatorId", "directionId"),
    combined AS (
      SELECT * FROM partials
      UNION ALL
      SELECT side, indicator_id, NULL, true, ${combinePartialsSql} FROM partials GROUP BY side, indicator_id)
    SELECT i.code, c.side, c.is_total AS total, CASE WHEN c.is_total THEN NULL ELSE coalesce(d.code, ${UNDISCLOSED}) END AS direction,
      ${finalValueSql('i', 'c')}, c.projects::int AS projects
    FROM combined c JOIN "Indicator" i ON i.id = c.indicator_id LEFT JOIN "Direction" d ON d.id = c.direction_id
    ORDER BY i."sortOrder", c.side, d."sortOrder" NULLS LAST`),
    sql<{ later: number }>(Prisma.sql`
      SELECT count(*)::int AS later FROM "MetricValue" mv
      WHERE mv."asOf" > ${to}::date AND mv."projectId" IN (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(options.actor, options.targets, 'p')})`),
  ]);
  const catalogue = await db.indicator.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.code))] } },
    orderBy: { sortOrder: 'asc' },
    select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true, cumulative: true },
  });
  const indicators = catalogue.flatMap((i): IndicatorAtPeriod[] => {
    const mine = rows.filter((r) => r.code === i.code);
    const [start, end] = (['start', 'end'] as const).map((side) => mine.find((r) => r.side === side && r.total));
    if (!end) return [];
    const byDirection = Object.fromEntries(
      mine.filter((r) => r.side === 'end' && !r.total).map((r) => [r.direction!, { value: r.value, qualifier: r.qualifier, projects: r.projects }]),
    );
    return [{ ...i, start: start?.value ?? null, startQualifier: start?.qualifier ?? null, end: end.value, endQualifier: end.qualifier, byDirection }];
  });
  return { indicators, later: later.later };
}

/** Growth for ordering: relative where there was a start, new figures first. */
export const growthRatio = (g: IndicatorAtPeriod) => (g.start === null || g.start === 0 ? Infinity : (g.end - g.start) / Math.abs(g.start));

export type PeriodStageChange = {
  id: number;
  toStage: ProjectStage;
  effectiveDate: Date;
  datePrecision: DatePrecision;
  notBefore: Date | null;
  dateInferred: boolean;
  code: string;
  name: string;
};

/**
 * The stage changes of the period: those of disclosed projects certainly dated
 * within it, newest first; those of placeholders only counted (one line, never
 * rows); and how many were reached by the period's end on a date known only as
 * a range that began before it.
 */
export async function getStageChangesInPeriod(
  options: PeriodOptions & { take?: number },
): Promise<{ rows: PeriodStageChange[]; total: number; placeholders: number; byEnd: number }> {
  const placed = Prisma.sql`
    WITH fp AS (SELECT p.id, p.code, p.name, p."approvedAt", p."isPlaceholder" FROM "Project" p WHERE ${projectFilterSql(options.actor, options.targets, 'p')}),
    placed AS (
      SELECT sc.id, sc."toStage", sc."effectiveDate", sc."datePrecision", sc."notBefore", sc."dateInferred", fp.code, fp.name, fp."isPlaceholder",
        ${placeInPeriodSql('r.latest', 'r.earliest', options.period)} AS place
      FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"
        CROSS JOIN LATERAL (SELECT ${dateRangeSql('sc', 'fp."approvedAt"')}) r)`;
  const [rows, [counts]] = await Promise.all([
    sql<PeriodStageChange>(Prisma.sql`${placed}
      SELECT id, "toStage", "effectiveDate", "datePrecision", "notBefore", "dateInferred", code, name FROM placed
      WHERE place = 'in' AND NOT "isPlaceholder" ORDER BY "effectiveDate" DESC, id DESC LIMIT ${options.take ?? 50}`),
    sql<{ total: number; placeholders: number; byEnd: number }>(Prisma.sql`${placed}
      SELECT count(*) FILTER (WHERE place = 'in' AND NOT "isPlaceholder")::int AS total,
        count(*) FILTER (WHERE place = 'in' AND "isPlaceholder")::int AS placeholders,
        count(*) FILTER (WHERE place = 'byEnd')::int AS "byEnd"
      FROM placed`),
  ]);
  return { rows, ...counts };
}
