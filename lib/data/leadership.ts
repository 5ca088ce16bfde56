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
import type { DatePrecision, IndicatorKind, StageMeaning, ValueQualifier } from '../generated/prisma/enums';
import type { Actor } from '../rules/authz';
import { dateRangeSql, placeInPeriodSql } from '../rules/dates';
import { UNDISCLOSED } from '../rules/filters';
import { firstStage, headlineStages, type Lifecycle, type Stage } from '../rules/stages';
import { getProgramLifecycle } from './lifecycles';
import { cachedView } from './program-cache';
import { combinePartialsSql, combineQualifiersSql, finalValueSql, partialsSql, takesLatestSql } from '../rules/indicators';
import type { Period } from '../rules/periods';
import { projectFilterSql, type FilterTargets } from '../rules/project-filter';
import { referenceMode, retiredSql } from '../rules/retired';

type Options = { actor: Actor; targets: FilterTargets };
type PeriodOptions = Options & { period: Period };

/**
 * The stages a period view follows: where projects enter the program, and the
 * lifecycle's headline stages (上线运行 and 应用推广期 for the pilot, 完成测试 for the sandbox).
 */
export function periodStages(lifecycle: Lifecycle): Stage[] {
  const first = firstStage(lifecycle);
  return [first, ...headlineStages(lifecycle).filter((s) => s.id !== first.id)];
}

/** The matching projects as `fp`, and each one's first entry into each of `stages` as a date range (`firsts`). */
const stageRanges = ({ actor, targets }: Options, stages: Stage[]) => Prisma.sql`
  fp AS (SELECT p.id, p."directionId", p."approvedAt", p."isPlaceholder" FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')}),
  ranges AS (
    SELECT sc."projectId", sc."toStageId" AS stage_id, ${dateRangeSql('sc', 'fp."approvedAt"')}
    FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"
    WHERE sc."toStageId" IN (${Prisma.join(stages.map((st) => st.id))})),
  firsts AS (SELECT "projectId", stage_id, min(latest) AS latest, min(earliest) AS earliest FROM ranges GROUP BY "projectId", stage_id)`;

/** The day of the latest stage change or figure among the matching projects: the default period ends there. */
async function readLatestEventDate({ actor, targets }: Options): Promise<Date | null> {
  const [row] = await sql<{ latest: Date | null }>(Prisma.sql`
    WITH fp AS (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})
    SELECT greatest(
      (SELECT max(sc."effectiveDate") FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId"),
      (SELECT max(mv."asOf") FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId")) AS latest`);
  return row?.latest ?? null;
}

/** The day of the earliest stage change among the matching projects: the period selector starts there. */
async function readEarliestEventDate({ actor, targets }: Options): Promise<Date | null> {
  const [row] = await sql<{ earliest: Date | null }>(Prisma.sql`
    SELECT min(coalesce(sc."notBefore", sc."effectiveDate")) AS earliest FROM "StageChange" sc
    WHERE sc."projectId" IN (SELECT p.id FROM "Project" p WHERE ${projectFilterSql(actor, targets, 'p')})`);
  return row?.earliest ?? null;
}

/** A count that a date range may leave open: certainly `min`, possibly up to `max`. */
export type CountRange = { min: number; max: number };
export type StageSnapshot = {
  stage: Stage;
  atStart: CountRange;
  atEnd: CountRange;
  /** Certainly reached within the period. */
  added: number;
  /** Reached by the period's end, on a date that may fall before it began. */
  byEnd: number;
  /** May have been reached in the period, or after it. */
  maybe: number;
};

/** For each stage a period view follows: projects in it at the period's start and end, and how many were added in it. */
async function readPeriodSnapshot(options: PeriodOptions): Promise<StageSnapshot[]> {
  const { from, to } = options.period;
  const stages = periodStages(await getProgramLifecycle(options.targets.programId));
  const rows = await sql<{ stageId: number; startMin: number; startMax: number; endMin: number; endMax: number; added: number; byEnd: number; maybe: number }>(
    Prisma.sql`
    WITH ${stageRanges(options, stages)},
    placed AS (SELECT stage_id, latest, earliest, ${placeInPeriodSql('latest', 'earliest', options.period)} AS place FROM firsts)
    SELECT stage_id AS "stageId",
      count(*) FILTER (WHERE latest < ${from}::date)::int AS "startMin",
      count(*) FILTER (WHERE earliest < ${from}::date)::int AS "startMax",
      count(*) FILTER (WHERE latest <= ${to}::date)::int AS "endMin",
      count(*) FILTER (WHERE earliest <= ${to}::date)::int AS "endMax",
      count(*) FILTER (WHERE place = 'in')::int AS added,
      count(*) FILTER (WHERE place = 'byEnd')::int AS "byEnd",
      count(*) FILTER (WHERE place = 'maybe')::int AS maybe
    FROM placed GROUP BY stage_id`,
  );
  const byStage = new Map(rows.map((r) => [r.stageId, r]));
  return stages.map((stage) => {
    const r = byStage.get(stage.id);
    return {
      stage,
      atStart: { min: r?.startMin ?? 0, max: r?.startMax ?? 0 },
      atEnd: { min: r?.endMin ?? 0, max: r?.endMax ?? 0 },
      added: r?.added ?? 0,
      byEnd: r?.byEnd ?? 0,
      maybe: r?.maybe ?? 0,
    };
  });
}

export type DirectionAtEnd = {
  /** A direction code, or UNDISCLOSED for the projects the record does not place. */
  code: string;
  name: string | null;
  nameEn: string | null;
  /** In the program (entered its first stage) by the period's end. */
  projects: number;
  /** Per headline stage, in order: how many had reached it by the period's end. */
  reached: CountRange[];
};

/** The directions as of the period's end: projects in the program by then, and how many had reached each headline stage. */
async function readDirectionsAtEnd(options: PeriodOptions): Promise<{ stages: Stage[]; directions: DirectionAtEnd[] }> {
  const lifecycle = await getProgramLifecycle(options.targets.programId);
  const [first, ...stages] = periodStages(lifecycle);
  const to = Prisma.sql`${options.period.to}::date`;
  const flags = stages.map(
    (st, i) =>
      Prisma.sql`bool_or(f.stage_id = ${st.id} AND f.latest <= ${to}) AS ${Prisma.raw(`min_${i}`)}, bool_or(f.stage_id = ${st.id} AND f.earliest <= ${to}) AS ${Prisma.raw(`max_${i}`)}`,
  );
  const counts = stages.map(
    (_, i) => Prisma.sql`ARRAY[count(pp.id) FILTER (WHERE ${Prisma.raw(`pp.min_${i}`)}), count(pp.id) FILTER (WHERE ${Prisma.raw(`pp.max_${i}`)})]::int[]`,
  );
  const rows = await sql<{ code: string | null; name: string | null; nameEn: string | null; projects: number; reached: number[][] }>(Prisma.sql`
    WITH ${stageRanges(options, [first, ...stages])},
    per_project AS (
      SELECT fp.id, fp."directionId", bool_or(f.stage_id = ${first.id} AND f.latest <= ${to}) AS entered
        ${stages.length ? Prisma.sql`, ${Prisma.join(flags)}` : Prisma.empty}
      FROM fp JOIN firsts f ON f."projectId" = fp.id GROUP BY fp.id, fp."directionId"),
    d AS (SELECT id, code, name, "nameEn", "sortOrder" FROM "Direction" WHERE "programId" = ${options.targets.programId})
    SELECT d.code, d.name, d."nameEn", count(pp.id) FILTER (WHERE pp.entered)::int AS projects,
      ${stages.length ? Prisma.sql`ARRAY[${Prisma.join(counts)}]` : Prisma.sql`ARRAY[]::int[]`} AS reached
    FROM d FULL JOIN per_project pp ON pp."directionId" = d.id
    GROUP BY d.id, d.code, d.name, d."nameEn", d."sortOrder"
    ORDER BY d."sortOrder" NULLS LAST`);
  const directions = rows.map((r) => ({
    ...r,
    code: r.code ?? UNDISCLOSED,
    reached: stages.map((_, i) => ({ min: r.reached[i]?.[0] ?? 0, max: r.reached[i]?.[1] ?? 0 })),
  }));
  if (!directions.some((d) => d.code === UNDISCLOSED)) {
    directions.push({ code: UNDISCLOSED, name: null, nameEn: null, projects: 0, reached: stages.map(() => ({ min: 0, max: 0 })) });
  }
  return { stages, directions };
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
async function readIndicatorsInPeriod(options: PeriodOptions): Promise<{ indicators: IndicatorAtPeriod[]; later: number }> {
  const { from, to } = options.period;
  // A retired indicator is left out, as on the dashboard, unless the view asks for retired records.
  const shown = retiredSql(referenceMode(options.targets.filters.retired), 'i');
  type Row = { code: string; side: 'start' | 'end'; direction: string | null; total: boolean; value: number; qualifier: ValueQualifier; projects: number };
  const [rows, [later]] = await Promise.all([
    sql<Row>(Prisma.sql`
    WITH fp AS (SELECT p.id, p."directionId" FROM "Project" p WHERE ${projectFilterSql(options.actor, options.targets, 'p')}),
    snap AS (
      SELECT DISTINCT ON (side, mv."indicatorId", mv."projectId") side, mv."indicatorId", fp."directionId", mv.value, mv.qualifier, mv."asOf"
      FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId" AND ${takesLatestSql('i')} AND ${shown}
        CROSS JOIN (VALUES ('start', ${from}::date - 1), ('end', ${to}::date)) AS d(side, day)
      WHERE mv."asOf" <= d.day
      ORDER BY side, mv."indicatorId", mv."projectId", mv."asOf" DESC),
    flow AS (
      SELECT 'end'::text AS side, mv."indicatorId", fp."directionId", sum(mv.value) AS value,
        ${combineQualifiersSql('mv.qualifier')} AS qualifier,
        max(mv."asOf") AS "asOf"
      FROM "MetricValue" mv JOIN fp ON fp.id = mv."projectId"
        JOIN "Indicator" i ON i.id = mv."indicatorId" AND NOT ${takesLatestSql('i')} AND ${shown}
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
  toStage: { code: string; name: string; nameEn: string; meaning: StageMeaning; sortOrder: number };
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
async function readStageChangesInPeriod(
  options: PeriodOptions & { take?: number },
): Promise<{ rows: PeriodStageChange[]; total: number; placeholders: number; byEnd: number }> {
  const placed = Prisma.sql`
    WITH fp AS (SELECT p.id, p.code, p.name, p."approvedAt", p."isPlaceholder" FROM "Project" p WHERE ${projectFilterSql(options.actor, options.targets, 'p')}),
    placed AS (
      SELECT sc.id, json_build_object('code', ls.code, 'name', ls.name, 'nameEn', ls."nameEn", 'meaning', ls.meaning, 'sortOrder', ls."sortOrder") AS "toStage", sc."effectiveDate", sc."datePrecision", sc."notBefore", sc."dateInferred", fp.code, fp.name, fp."isPlaceholder",
        ${placeInPeriodSql('r.latest', 'r.earliest', options.period)} AS place
      FROM "StageChange" sc JOIN fp ON fp.id = sc."projectId" JOIN "LifecycleStage" ls ON ls.id = sc."toStageId"
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

// Every read above, cached per program stamp, scope, filters and period (lib/data/program-cache.ts):
// a repeat view of an unchanged program runs none of them, and two sections asking the same share one run.
export const getLatestEventDate = cachedView('leadership-latest', readLatestEventDate);
export const getEarliestEventDate = cachedView('leadership-earliest', readEarliestEventDate);
export const getPeriodSnapshot = cachedView('leadership-snapshot', readPeriodSnapshot);
export const getDirectionsAtEnd = cachedView('leadership-directions', readDirectionsAtEnd);
export const getIndicatorsInPeriod = cachedView('leadership-indicators', readIndicatorsInPeriod);
export const getStageChangesInPeriod = cachedView('leadership-changes', readStageChangesInPeriod);
