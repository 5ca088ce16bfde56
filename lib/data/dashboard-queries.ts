/**
 * The dashboard's aggregates, each one SQL statement over the projects an actor
 * may read that match the filters (lib/rules/project-filter.ts). Grouping happens in
 * PostgreSQL; what comes back is already one row per bar. Pure: it runs on the
 * runner it is given (lib/server/sql.ts), so the app (lib/data/dashboard.ts) and the
 * benchmark run the very same statements.
 */
import { Prisma } from '../generated/prisma/client';
import type { Aggregation, IndicatorKind, ValueQualifier } from '../generated/prisma/enums';
import type { Actor } from '../rules/authz';
import { projectFilterSql, type FilterTargets } from '../rules/project-filter';
import { combinePartialsSql, finalValueSql, partialsSql, takesLatestSql } from '../rules/indicators';
import { dateRangeSql } from '../rules/dates';
import { UNDISCLOSED } from '../rules/filters';
import { referenceMode, retiredSql } from '../rules/retired';
import { pathOf, reachedSql, type Lifecycle } from '../rules/stages';
import type { SqlRunner } from '../server/sql';

/** The actor, the filters, and the program's lifecycle (its stages are data: lib/rules/stages.ts). */
type Scope = { actor: Actor; targets: FilterTargets; lifecycle: Lifecycle };

/** Institutions, indicators and technologies the view shows: retired ones only when it asks for retired records. */
const shownSql = ({ targets }: Scope, alias: string) => retiredSql(referenceMode(targets.filters.retired), alias);

/** The matching projects as a CTE named `fp`. */
const matching = ({ actor, targets }: Scope) => Prisma.sql`
  fp AS (SELECT p.id, p."directionId", p."directionInferred", p."fieldId", p."fieldInferred", p."stageId", p."stageInferred", p."reachedOrder", p."approvedAt"
    FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})`;

/** How many of the rows counted reached each stage of the path, in path order, as an SQL array. */
const reachedCounts = (lifecycle: Lifecycle, alias: string) => {
  const path = pathOf(lifecycle);
  return path.length
    ? Prisma.sql`ARRAY[${Prisma.join(path.map((s) => Prisma.sql`count(${Prisma.raw(`${alias}.id`)}) FILTER (WHERE ${reachedSql(s, alias)})`))}]::int[]`
    : Prisma.sql`ARRAY[]::int[]`;
};

export type HeadlineCounts = {
  projects: number;
  institutions: number;
  /** Per stage of the path, in order: how many reached it (later stages and leaving after it included). */
  reached: number[];
  /** The program's structure: its directions and fields, whatever the filters. */
  directions: number;
  fields: number;
};

/** Projects, distinct institutions taking part, how many reached each stage of the path, and the program's directions and fields. */
export async function queryHeadline(run: SqlRunner, scope: Scope): Promise<HeadlineCounts> {
  const { programId } = scope.targets;
  const [row] = await run<HeadlineCounts>(Prisma.sql`
    WITH ${matching(scope)}
    SELECT count(*)::int AS projects,
      (SELECT count(DISTINCT pi."institutionId") FROM "ProjectInstitution" pi JOIN fp ON fp.id = pi."projectId"
        JOIN "Institution" i ON i.id = pi."institutionId" WHERE ${shownSql(scope, 'i')})::int AS institutions,
      ${reachedCounts(scope.lifecycle, 'fp')} AS reached,
      (SELECT count(*) FROM "Direction" WHERE "programId" = ${programId})::int AS directions,
      (SELECT count(*) FROM "Field" f JOIN "Direction" d ON d.id = f."directionId" WHERE d."programId" = ${programId})::int AS fields
    FROM fp`);
  return row;
}

/** A bucket of a breakdown: a direction, field or technology, or (code null) the projects the record does not place. */
type Bucket = { code: string | null; name: string | null; nameEn: string | null };

export type DirectionStageRow = Bucket & {
  stageId: number | null;
  projects: number;
  /** Of these, how many are placed there by our reading, not by the record. */
  inferred: number;
  /** Of these, how many are in their stage by our reading (placeholders given the stage the published totals leave). */
  stageInferred: number;
  /** Of these, how many reached each stage of the path, by the headline's rule. */
  reached: number[];
};

/**
 * Projects per direction and current stage; every direction of the program
 * appears, and the projects without a public direction form their own bucket
 * (code null), never spread over the others.
 */
export function queryDirectionStages(run: SqlRunner, scope: Scope) {
  return run<DirectionStageRow>(Prisma.sql`
    WITH ${matching(scope)},
    d AS (SELECT id, code, name, "nameEn", "sortOrder" FROM "Direction" WHERE "programId" = ${scope.targets.programId})
    SELECT d.code, d.name, d."nameEn", fp."stageId", count(fp.id)::int AS projects,
      count(fp.id) FILTER (WHERE fp."directionInferred")::int AS inferred,
      count(fp.id) FILTER (WHERE fp."stageInferred")::int AS "stageInferred",
      ${reachedCounts(scope.lifecycle, 'fp')} AS reached
    FROM d FULL JOIN fp ON fp."directionId" = d.id
    GROUP BY d.id, d.code, d.name, d."nameEn", d."sortOrder", fp."stageId"
    ORDER BY d."sortOrder" NULLS LAST, fp."stageId"`);
}

export type FieldRow = Bucket & { direction: string | null; projects: number; inferred: number };

/** Projects per field, every field of the program, most projects first; the projects without a public field last, as one bucket. */
export function queryFields(run: SqlRunner, scope: Scope) {
  return run<FieldRow>(Prisma.sql`
    WITH ${matching(scope)},
    f AS (
      SELECT f.id, f.code, f.name, f."nameEn", f."sortOrder", d.code AS direction, d."sortOrder" AS direction_order
      FROM "Field" f JOIN "Direction" d ON d.id = f."directionId" WHERE d."programId" = ${scope.targets.programId})
    SELECT f.code, f.name, f."nameEn", f.direction, count(fp.id)::int AS projects,
      count(fp.id) FILTER (WHERE fp."fieldInferred")::int AS inferred
    FROM f FULL JOIN fp ON fp."fieldId" = f.id
    GROUP BY f.id, f.code, f.name, f."nameEn", f."sortOrder", f.direction, f.direction_order
    ORDER BY f.id IS NULL, projects DESC, f.direction_order, f."sortOrder"`);
}

/** Per month and stage of the path: how many had certainly reached it by the month's end, and how many possibly. */
export type MonthRow = { month: string; stageId: number; certain: number; possible: number };

/**
 * Cumulative projects that had entered each stage of the path by the end of
 * each month, from the first date each project entered it (stage changes). A
 * date known only as a range counts as certain from its upper bound's month and
 * as possible from its lower bound's, so a chart draws a band, never an
 * invented month. The per-project dates are counted by month at once, so what
 * follows reads a few dozen rows, not one per project.
 */
export function queryCumulativeByMonth(run: SqlRunner, scope: Scope) {
  const ids = pathOf(scope.lifecycle).map((s) => s.id);
  if (ids.length === 0) return Promise.resolve([] as MonthRow[]);
  return run<MonthRow>(Prisma.sql`
    WITH ${matching(scope)},
    ranges AS (
      SELECT sc."projectId", sc."toStageId" AS stage_id, ${dateRangeSql('sc', 'fp."approvedAt"')}
      FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"
      WHERE sc."toStageId" IN (${Prisma.join(ids)})),
    firsts AS (SELECT stage_id, min(latest) AS latest, min(earliest) AS earliest FROM ranges GROUP BY "projectId", stage_id),
    events AS (
      SELECT stage_id, date_trunc('month', latest::timestamp)::date AS month, 1 AS certain, 0 AS possible FROM firsts
      UNION ALL
      SELECT stage_id, date_trunc('month', earliest::timestamp)::date, 0, 1 FROM firsts),
    monthly AS (SELECT month, stage_id, sum(certain) AS certain, sum(possible) AS possible FROM events GROUP BY 1, 2),
    months AS (SELECT generate_series(min(month), max(month), interval '1 month')::date AS month FROM monthly),
    grid AS (SELECT m.month, s.id AS stage_id FROM months m CROSS JOIN unnest(ARRAY[${Prisma.join(ids)}]::int[]) AS s(id))
    SELECT to_char(g.month, 'YYYY-MM') AS month, g.stage_id AS "stageId",
      (sum(coalesce(mo.certain, 0)) OVER w)::int AS certain,
      (sum(coalesce(mo.possible, 0)) OVER w)::int AS possible
    FROM grid g LEFT JOIN monthly mo ON mo.month = g.month AND mo.stage_id = g.stage_id
    WINDOW w AS (PARTITION BY g.stage_id ORDER BY g.month)
    ORDER BY g.month, g.stage_id`);
}

export type TechnologyRow = { id: number | null; name: string | null; nameEn: string | null; projects: number };

/** Projects per technology of the catalogue that the program uses, most first; the projects with no technology on record last, as one bucket (id null). */
export function queryTechnologies(run: SqlRunner, scope: Scope) {
  return run<TechnologyRow>(Prisma.sql`
    WITH ${matching(scope)},
    -- The catalogue is shared: a program's chart lists what its projects use (at zero when the filters leave none),
    -- found from the program's own projects, so other programs' rows are never read.
    used AS (SELECT DISTINCT u."technologyId" AS id FROM "Project" p JOIN "ProjectTechnology" u ON u."projectId" = p.id
             WHERE p."programId" = ${scope.targets.programId}),
    counted AS (SELECT pt."technologyId" AS id, count(*)::int AS projects FROM fp JOIN "ProjectTechnology" pt ON pt."projectId" = fp.id
                GROUP BY pt."technologyId")
    SELECT * FROM (
      SELECT t.id, t.name, t."nameEn", coalesce(c.projects, 0) AS projects
      FROM used JOIN "Technology" t ON t.id = used.id LEFT JOIN counted c ON c.id = t.id
      WHERE ${shownSql(scope, 't')}
      ORDER BY projects DESC, t.name) known
    UNION ALL
    SELECT NULL, NULL, NULL, count(*)::int FROM fp WHERE NOT EXISTS (SELECT 1 FROM "ProjectTechnology" pt WHERE pt."projectId" = fp.id)`);
}

export type IndicatorRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  aggregation: Aggregation;
  cumulative: boolean;
  /** null on the program total, a direction code on its share, UNDISCLOSED on the share of the projects without one. */
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
      SELECT s."indicatorId" AS indicator_id, fp."directionId" AS direction_id, false AS is_total, ${partialsSql('v.value', 's."latestAsOf"', 'v.qualifier')}
      FROM "IndicatorSummary" s
        JOIN fp ON fp.id = s."projectId"
        JOIN "Indicator" i ON i.id = s."indicatorId" AND ${shownSql(scope, 'i')}
        CROSS JOIN LATERAL (SELECT
          CASE WHEN ${takesLatestSql('i')} THEN s."latestValue" ELSE s."periodSum" END AS value,
          CASE WHEN ${takesLatestSql('i')} THEN s."latestQualifier" ELSE s."periodQualifier" END AS qualifier) v
      GROUP BY s."indicatorId", fp."directionId"),
    combined AS (
      SELECT * FROM per_direction
      UNION ALL
      SELECT indicator_id, NULL, true, ${combinePartialsSql} FROM per_direction GROUP BY indicator_id)
    SELECT i.code, i."nameZh", i."nameEn", i.unit, i.kind, i.aggregation, i.cumulative,
      CASE WHEN c.is_total THEN NULL ELSE coalesce(d.code, ${UNDISCLOSED}) END AS direction,
      ${finalValueSql('i', 'c')}, c.projects::int AS projects, c.as_of AS "asOf"
    FROM combined c
      JOIN "Indicator" i ON i.id = c.indicator_id
      LEFT JOIN "Direction" d ON d.id = c.direction_id
    ORDER BY i."sortOrder", c.is_total DESC, d."sortOrder" NULLS LAST`);
}
