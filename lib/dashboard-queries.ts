/**
 * The dashboard's aggregates, each one SQL statement over the projects an actor
 * may read that match the filters (lib/project-filter.ts). Grouping happens in
 * PostgreSQL; what comes back is already one row per bar. Pure: it runs on the
 * client it is given, so the app (lib/dashboard.ts) and the benchmark run the
 * very same statements.
 */
import { Prisma } from './generated/prisma/client';
import type { Aggregation, IndicatorKind, ProjectStage, ValueQualifier } from './generated/prisma/enums';
import type { Actor } from './authz';
import { projectFilterSql, type FilterTargets } from './project-filter';

export type SqlClient = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };
type Scope = { actor: Actor; targets: FilterTargets };

/** The matching projects as a CTE named `fp`. */
const matching = ({ actor, targets }: Scope) => Prisma.sql`
  fp AS (SELECT p.id, p."fieldId", p.stage, p."onlineAt", p."promotionAt" FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})`;

const ONLINE_SQL = Prisma.sql`(fp.stage IN ('ONLINE', 'PROMOTION') OR (fp.stage = 'COMPLETED' AND fp."onlineAt" IS NOT NULL))`;
const PROMOTION_SQL = Prisma.sql`(fp.stage = 'PROMOTION' OR (fp.stage = 'COMPLETED' AND fp."promotionAt" IS NOT NULL))`;

export type HeadlineCounts = { projects: number; institutions: number; online: number; promotion: number; completed: number };

/** Projects, distinct institutions taking part, and how many went online / into promotion / completed. */
export async function queryHeadline(client: SqlClient, scope: Scope): Promise<HeadlineCounts> {
  const [row] = await client.$queryRaw<HeadlineCounts[]>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT count(*)::int AS projects,
      (SELECT count(DISTINCT pi."institutionId") FROM "ProjectInstitution" pi JOIN fp ON fp.id = pi."projectId")::int AS institutions,
      count(*) FILTER (WHERE ${ONLINE_SQL})::int AS online,
      count(*) FILTER (WHERE ${PROMOTION_SQL})::int AS promotion,
      count(*) FILTER (WHERE fp.stage = 'COMPLETED')::int AS completed
    FROM fp`);
  return row;
}

export type DirectionStageRow = { code: string; name: string; nameEn: string; stage: ProjectStage | null; projects: number };

/** Projects per direction and current stage; every direction of the program appears. */
export function queryDirectionStages(client: SqlClient, scope: Scope) {
  return client.$queryRaw<DirectionStageRow[]>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT d.code, d.name, d."nameEn", fp.stage, count(fp.id)::int AS projects
    FROM "Direction" d
      JOIN "Field" f ON f."directionId" = d.id
      LEFT JOIN fp ON fp."fieldId" = f.id
    WHERE d."programId" = ${scope.targets.programId}
    GROUP BY d.id, d.code, d.name, d."nameEn", d."sortOrder", fp.stage
    ORDER BY d."sortOrder", fp.stage`);
}

export type FieldRow = { code: string; name: string; nameEn: string; direction: string; projects: number };

/** Projects per field, every field of the program, most projects first. */
export function queryFields(client: SqlClient, scope: Scope) {
  return client.$queryRaw<FieldRow[]>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT f.code, f.name, f."nameEn", d.code AS direction, count(fp.id)::int AS projects
    FROM "Field" f
      JOIN "Direction" d ON d.id = f."directionId"
      LEFT JOIN fp ON fp."fieldId" = f.id
    WHERE d."programId" = ${scope.targets.programId}
    GROUP BY f.id, f.code, f.name, f."nameEn", f."sortOrder", d.code, d."sortOrder"
    ORDER BY projects DESC, d."sortOrder", f."sortOrder"`);
}

export type MonthRow = { month: string; approved: number; online: number; promotion: number };

/**
 * Cumulative projects approved, online and in promotion at the end of each
 * month, from the first date each project entered the stage (stage changes).
 */
export function queryCumulativeByMonth(client: SqlClient, scope: Scope) {
  return client.$queryRaw<MonthRow[]>(Prisma.sql`
    WITH ${matching(scope)},
    firsts AS (
      SELECT sc."toStage" AS stage, date_trunc('month', min(sc."effectiveDate"))::date AS month
      FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"
      WHERE sc."toStage" IN ('APPROVED', 'ONLINE', 'PROMOTION')
      GROUP BY sc."projectId", sc."toStage"),
    monthly AS (
      SELECT month,
        count(*) FILTER (WHERE stage = 'APPROVED') AS approved,
        count(*) FILTER (WHERE stage = 'ONLINE') AS online,
        count(*) FILTER (WHERE stage = 'PROMOTION') AS promotion
      FROM firsts GROUP BY month),
    months AS (
      SELECT generate_series(min(month), max(month), interval '1 month')::date AS month FROM firsts)
    SELECT to_char(m.month, 'YYYY-MM') AS month,
      (sum(coalesce(mo.approved, 0)) OVER w)::int AS approved,
      (sum(coalesce(mo.online, 0)) OVER w)::int AS online,
      (sum(coalesce(mo.promotion, 0)) OVER w)::int AS promotion
    FROM months m LEFT JOIN monthly mo ON mo.month = m.month
    WINDOW w AS (ORDER BY m.month)
    ORDER BY m.month`);
}

export type TechnologyRow = { id: number; name: string; nameEn: string; projects: number };

/** Projects per technology in the catalogue, most first. */
export function queryTechnologies(client: SqlClient, scope: Scope) {
  return client.$queryRaw<TechnologyRow[]>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT t.id, t.name, t."nameEn", count(fp.id)::int AS projects
    FROM "Technology" t
      LEFT JOIN ("ProjectTechnology" pt JOIN fp ON fp.id = pt."projectId") ON pt."technologyId" = t.id
    GROUP BY t.id, t.name, t."nameEn"
    ORDER BY projects DESC, t.name`);
}

export type IndicatorRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  aggregation: Aggregation;
  cumulative: boolean;
  /** null on the program total, a direction code on its share. */
  direction: string | null;
  value: number;
  qualifier: ValueQualifier;
  projects: number;
  asOf: Date;
};

/**
 * Each indicator's total and its value per direction, by the indicator's rules.
 * Per project first: a cumulative indicator (or any rate) takes the project's
 * latest value; a per-period one adds up its periods. Across projects: SUM adds,
 * MAX takes the largest, LATEST the most recently reported value; a rate
 * (PERCENT) is never added up: under SUM it is the mean of the projects' values.
 * A total built on an approximate value says so (about > over > exact).
 */
export function queryIndicators(client: SqlClient, scope: Scope) {
  return client.$queryRaw<IndicatorRow[]>(Prisma.sql`
    WITH ${matching(scope)},
    per_project AS (
      SELECT mv."projectId", mv."indicatorId",
        CASE WHEN i.cumulative OR i.kind = 'PERCENT' THEN (array_agg(mv.value ORDER BY mv."asOf" DESC))[1] ELSE sum(mv.value) END AS value,
        CASE WHEN i.cumulative OR i.kind = 'PERCENT' THEN (array_agg(mv.qualifier ORDER BY mv."asOf" DESC))[1]
             WHEN bool_or(mv.qualifier = 'ABOUT') THEN 'ABOUT'::"ValueQualifier"
             WHEN bool_or(mv.qualifier = 'OVER') THEN 'OVER'::"ValueQualifier"
             ELSE 'EXACT'::"ValueQualifier" END AS qualifier,
        max(mv."asOf") AS as_of
      FROM "MetricValue" mv
        JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId"
      GROUP BY mv."projectId", mv."indicatorId", i.cumulative, i.kind)
    SELECT i.code, i."nameZh", i."nameEn", i.unit, i.kind, i.aggregation, i.cumulative,
      CASE WHEN GROUPING(d.code) = 1 THEN NULL ELSE d.code END AS direction,
      (CASE WHEN i.aggregation = 'MAX' THEN max(pp.value)
            WHEN i.aggregation = 'LATEST' THEN (array_agg(pp.value ORDER BY pp.as_of DESC, pp.value DESC))[1]
            WHEN i.kind = 'PERCENT' THEN avg(pp.value)
            ELSE sum(pp.value) END)::float8 AS value,
      CASE WHEN bool_or(pp.qualifier = 'ABOUT') THEN 'ABOUT'::"ValueQualifier"
           WHEN bool_or(pp.qualifier = 'OVER') THEN 'OVER'::"ValueQualifier"
           ELSE 'EXACT'::"ValueQualifier" END AS qualifier,
      count(*)::int AS projects,
      max(pp.as_of) AS "asOf"
    FROM per_project pp
      JOIN "Indicator" i ON i.id = pp."indicatorId"
      JOIN fp ON fp.id = pp."projectId"
      JOIN "Field" f ON f.id = fp."fieldId"
      JOIN "Direction" d ON d.id = f."directionId"
    GROUP BY GROUPING SETS (
      (i.id, i.code, i."nameZh", i."nameEn", i.unit, i.kind, i.aggregation, i.cumulative, i."sortOrder"),
      (i.id, i.code, i."nameZh", i."nameEn", i.unit, i.kind, i.aggregation, i.cumulative, i."sortOrder", d.code, d."sortOrder"))
    ORDER BY i."sortOrder", d."sortOrder" NULLS FIRST`);
}
