/**
 * The dashboard's aggregates, each one SQL statement over the projects an actor
 * may read that match the filters (lib/rules/project-filter.ts). Grouping happens in
 * PostgreSQL; what comes back is already one row per bar. Pure: it runs on the
 * runner it is given (lib/server/sql.ts), so the app (lib/data/dashboard.ts) and the
 * benchmark run the very same statements.
 */
import { Prisma } from '../generated/prisma/client';
import type { Aggregation, IndicatorKind, ProjectStage, ValueQualifier } from '../generated/prisma/enums';
import type { Actor } from '../rules/authz';
import { projectFilterSql, type FilterTargets } from '../rules/project-filter';
import { combinePartialsSql, finalValueSql, partialsSql, takesLatestSql } from '../rules/indicators';
import { reachedSql } from '../rules/stages';
import type { SqlRunner } from '../server/sql';

type Scope = { actor: Actor; targets: FilterTargets };

/** The matching projects as a CTE named `fp`. */
const matching = ({ actor, targets }: Scope) => Prisma.sql`
  fp AS (SELECT p.id, p."fieldId", p.stage, p."onlineAt", p."promotionAt" FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})`;

export type HeadlineCounts = {
  projects: number;
  institutions: number;
  online: number;
  promotion: number;
  completed: number;
  /** The program's structure: its directions and fields, whatever the filters. */
  directions: number;
  fields: number;
};

/** Projects, distinct institutions taking part, how many reached each stage, and the program's directions and fields. */
export async function queryHeadline(run: SqlRunner, scope: Scope): Promise<HeadlineCounts> {
  const { programId } = scope.targets;
  const [row] = await run<HeadlineCounts>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT count(*)::int AS projects,
      (SELECT count(DISTINCT pi."institutionId") FROM "ProjectInstitution" pi JOIN fp ON fp.id = pi."projectId")::int AS institutions,
      count(*) FILTER (WHERE ${reachedSql('ONLINE', 'fp')})::int AS online,
      count(*) FILTER (WHERE ${reachedSql('PROMOTION', 'fp')})::int AS promotion,
      count(*) FILTER (WHERE ${reachedSql('COMPLETED', 'fp')})::int AS completed,
      (SELECT count(*) FROM "Direction" WHERE "programId" = ${programId})::int AS directions,
      (SELECT count(*) FROM "Field" f JOIN "Direction" d ON d.id = f."directionId" WHERE d."programId" = ${programId})::int AS fields
    FROM fp`);
  return row;
}

export type DirectionStageRow = {
  code: string;
  name: string;
  nameEn: string;
  stage: ProjectStage | null;
  projects: number;
  /** Of these, how many went online / reached promotion, by the headline's rule. */
  online: number;
  promotion: number;
};

/** Projects per direction and current stage; every direction of the program appears. */
export function queryDirectionStages(run: SqlRunner, scope: Scope) {
  return run<DirectionStageRow>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT d.code, d.name, d."nameEn", fp.stage, count(fp.id)::int AS projects,
      count(fp.id) FILTER (WHERE ${reachedSql('ONLINE', 'fp')})::int AS online,
      count(fp.id) FILTER (WHERE ${reachedSql('PROMOTION', 'fp')})::int AS promotion
    FROM "Direction" d
      JOIN "Field" f ON f."directionId" = d.id
      LEFT JOIN fp ON fp."fieldId" = f.id
    WHERE d."programId" = ${scope.targets.programId}
    GROUP BY d.id, d.code, d.name, d."nameEn", d."sortOrder", fp.stage
    ORDER BY d."sortOrder", fp.stage`);
}

export type FieldRow = { code: string; name: string; nameEn: string; direction: string; projects: number };

/** Projects per field, every field of the program, most projects first. */
export function queryFields(run: SqlRunner, scope: Scope) {
  return run<FieldRow>(Prisma.sql`
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
 * The per-project dates are counted by month at once, so what follows (the
 * month range, the running totals) reads a few dozen rows, not one per project.
 */
export function queryCumulativeByMonth(run: SqlRunner, scope: Scope) {
  return run<MonthRow>(Prisma.sql`
    WITH ${matching(scope)},
    firsts AS (
      SELECT sc."toStage" AS stage, min(sc."effectiveDate") AS day
      FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"
      WHERE sc."toStage" IN ('APPROVED', 'ONLINE', 'PROMOTION')
      GROUP BY sc."projectId", sc."toStage"),
    monthly AS (
      SELECT date_trunc('month', day::timestamp)::date AS month,
        count(*) FILTER (WHERE stage = 'APPROVED') AS approved,
        count(*) FILTER (WHERE stage = 'ONLINE') AS online,
        count(*) FILTER (WHERE stage = 'PROMOTION') AS promotion
      FROM firsts GROUP BY 1),
    months AS (
      SELECT generate_series(min(month), max(month), interval '1 month')::date AS month FROM monthly)
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
export function queryTechnologies(run: SqlRunner, scope: Scope) {
  return run<TechnologyRow>(Prisma.sql`
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
 * Each indicator's total and its value per direction, by the indicator's rules
 * (lib/rules/indicators.ts). Per project from IndicatorSummary, which triggers
 * keep current; partial aggregates per (indicator, direction) are combined into
 * the totals, so the projects' rows are read and hashed once.
 */
export function queryIndicators(run: SqlRunner, scope: Scope) {
  return run<IndicatorRow>(Prisma.sql`
    WITH ${matching(scope)},
    per_direction AS (
      SELECT s."indicatorId" AS indicator_id, f."directionId" AS direction_id, ${partialsSql('v.value', 's."latestAsOf"', 'v.qualifier')}
      FROM "IndicatorSummary" s
        JOIN fp ON fp.id = s."projectId"
        JOIN "Field" f ON f.id = fp."fieldId"
        JOIN "Indicator" i ON i.id = s."indicatorId"
        CROSS JOIN LATERAL (SELECT
          CASE WHEN ${takesLatestSql('i')} THEN s."latestValue" ELSE s."periodSum" END AS value,
          CASE WHEN ${takesLatestSql('i')} THEN s."latestQualifier" ELSE s."periodQualifier" END AS qualifier) v
      GROUP BY s."indicatorId", f."directionId"),
    combined AS (
      SELECT * FROM per_direction
      UNION ALL
      SELECT indicator_id, NULL, ${combinePartialsSql} FROM per_direction GROUP BY indicator_id)
    SELECT i.code, i."nameZh", i."nameEn", i.unit, i.kind, i.aggregation, i.cumulative,
      d.code AS direction, ${finalValueSql('i', 'c')}, c.projects::int AS projects, c.as_of AS "asOf"
    FROM combined c
      JOIN "Indicator" i ON i.id = c.indicator_id
      LEFT JOIN "Direction" d ON d.id = c.direction_id
    ORDER BY i."sortOrder", d."sortOrder" NULLS FIRST`);
}
