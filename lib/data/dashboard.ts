import 'server-only';
import type { Actor } from '../rules/authz';
import * as q from './dashboard-queries';
import { headlineCounts } from './headline';
import { getProgramLifecycle } from './lifecycles';
import { sql } from '../server/db';
import { cachedByProgram } from './program-cache';
import type { FilterTargets } from '../rules/project-filter';
import { UNDISCLOSED } from '../rules/filters';
import { pathOf, type Lifecycle, type Stage } from '../rules/stages';

/**
 * What the dashboard shows, each card's data from one aggregate query
 * (lib/data/dashboard-queries.ts) over the projects the actor may read that match
 * the filters. Only the few rows SQL returns are reshaped here. Every read
 * here is hand-written SQL on node-postgres (lib/server/sql.ts). Stages come
 * from the program's lifecycle.
 */
type Options = { actor: Actor; targets: FilterTargets };

/**
 * A statement of the dashboard, with the program's lifecycle: run once per request whichever card asks,
 * and cached across requests until a write changes the program's data (lib/data/program-cache.ts).
 */
const statement = <R>(name: string, query: (run: typeof sql, scope: { actor: Actor; targets: FilterTargets; lifecycle: Lifecycle }) => Promise<R>) =>
  cachedByProgram(name, async (actor: Actor, targets: FilterTargets) =>
    query(sql, { actor, targets, lifecycle: await getProgramLifecycle(targets.programId) }),
  );

// Within one request each statement runs once (two cards share the directions),
// and preloadDashboard can start them all before any card renders.
const directionStageRows = statement('directionStages', q.queryDirectionStages);

/** A bucket of a breakdown; `undisclosed` marks the projects the record does not place (code UNDISCLOSED, shown as 「未公开」). */
type Bucket = { code: string; name: string | null; nameEn: string | null; undisclosed: boolean };
const bucket = (r: { code: string | null; name: string | null; nameEn: string | null }): Bucket =>
  r.code === null ? { code: UNDISCLOSED, name: null, nameEn: null, undisclosed: true } : { code: r.code, name: r.name, nameEn: r.nameEn, undisclosed: false };

export type DirectionStages = Bucket & {
  total: number;
  /** Of these, how many are placed in the direction by our reading of the record. */
  inferred: number;
  /** Of these, how many are in their current stage by our reading. */
  stageInferred: number;
  /** Projects in each current stage, by stage id. */
  stages: Record<number, number>;
  /** How many reached each stage of the path, in path order, counted as the headline counts them. */
  reached: number[];
};

/**
 * Projects per direction, split by current stage (for a stacked bar), with how
 * many reached each stage of the path; the projects without a public direction
 * last, as their own bucket (shown even when empty).
 */
export async function getDirectionStages(options: Options): Promise<DirectionStages[]> {
  const [rows, lifecycle] = await Promise.all([directionStageRows(options.actor, options.targets), getProgramLifecycle(options.targets.programId)]);
  const empty = (b: Bucket): DirectionStages => ({ ...b, total: 0, inferred: 0, stageInferred: 0, stages: {}, reached: pathOf(lifecycle).map(() => 0) });
  const byCode = new Map<string, DirectionStages>();
  for (const r of rows) {
    const b = bucket(r);
    const d = byCode.get(b.code) ?? empty(b);
    if (r.stageId !== null) {
      d.stages[r.stageId] = (d.stages[r.stageId] ?? 0) + r.projects;
      d.total += r.projects;
      d.inferred += r.inferred;
      d.stageInferred += r.stageInferred;
      d.reached = d.reached.map((n, i) => n + (r.reached[i] ?? 0));
    }
    byCode.set(b.code, d);
  }
  if (!byCode.has(UNDISCLOSED)) byCode.set(UNDISCLOSED, empty(bucket({ code: null, name: null, nameEn: null })));
  return [...byCode.values()];
}

export type FieldBucket = Bucket & { direction: string | null; projects: number; inferred: number };
export type TechnologyBucket = Omit<Bucket, 'code'> & { id: number | typeof UNDISCLOSED; projects: number };

const fieldRows = statement('fields', q.queryFields);
const monthRows = statement('months', q.queryCumulativeByMonth);
const technologyRows = statement('technologies', q.queryTechnologies);
const indicatorRows = statement('indicators', q.queryIndicators);

/**
 * Starts every card's statement as soon as the filters are known, rather than
 * when rendering reaches each card (after the page's other queries: the pending
 * proposals, the filter form). The slowest aggregate decides when the page
 * ends, so it starts first (they start slowest first, as measured at 10,000
 * projects), before the others take the cores. The cards await the same promises.
 */
export function preloadDashboard({ actor, targets }: Options): void {
  for (const rows of [indicatorRows, monthRows, headlineCounts, technologyRows, fieldRows, directionStageRows]) {
    // A failure surfaces in the card that awaits it; here it must not count as unhandled.
    rows(actor, targets).catch(() => {});
  }
}

/** Projects per field, the projects without a public field last as their own bucket. */
export async function getFields(options: Options): Promise<FieldBucket[]> {
  const rows = await fieldRows(options.actor, options.targets);
  const fields = rows.map((r) => ({ ...bucket(r), direction: r.direction, projects: r.projects, inferred: r.inferred }));
  return fields.some((f) => f.undisclosed)
    ? fields
    : [...fields, { ...bucket({ code: null, name: null, nameEn: null }), direction: null, projects: 0, inferred: 0 }];
}
/** A month of the trend: per stage code, how many had certainly (`code`) and possibly (`code` + `Max`) entered it by the month's end. */
export type TrendMonth = { month: string } & Record<string, number | string>;

/** The trend's rows, one per month, and the stages of the path it follows (those entered at all). */
export async function getCumulativeByMonth(options: Options): Promise<{ stages: Stage[]; months: TrendMonth[] }> {
  const [rows, lifecycle] = await Promise.all([monthRows(options.actor, options.targets), getProgramLifecycle(options.targets.programId)]);
  const stages = pathOf(lifecycle).filter((s) => rows.some((r) => r.stageId === s.id && r.possible > 0));
  const months = new Map<string, TrendMonth>();
  for (const r of rows) {
    const stage = stages.find((s) => s.id === r.stageId);
    if (!stage) continue;
    const m = months.get(r.month) ?? { month: r.month };
    m[stage.code] = r.certain;
    m[`${stage.code}Max`] = r.possible;
    months.set(r.month, m);
  }
  return { stages, months: [...months.values()] };
}

/** Projects per technology, the projects with no technology on record last as their own bucket. */
export async function getTechnologies(options: Options): Promise<TechnologyBucket[]> {
  const rows = await technologyRows(options.actor, options.targets);
  return rows.map((r) =>
    r.id === null ? { id: UNDISCLOSED, name: null, nameEn: null, undisclosed: true, projects: r.projects } : { ...r, id: r.id, undisclosed: false },
  );
}

export type FunnelStep = { stage: Stage; projects: number };

/** Each stage of the path: how many projects reached it (later stages included). */
export async function getFunnel(options: Options): Promise<FunnelStep[]> {
  const [c, lifecycle] = await Promise.all([headlineCounts(options.actor, options.targets), getProgramLifecycle(options.targets.programId)]);
  return pathOf(lifecycle).map((stage, i) => ({ stage, projects: c.reached[i] ?? 0 }));
}

type Share = Pick<q.IndicatorRow, 'value' | 'qualifier' | 'projects'>;
export type IndicatorTotal = Omit<q.IndicatorRow, 'direction'> & { byDirection: Record<string, Share> };

/** Every indicator with values among the matching projects: its total and its share per direction. */
export async function getIndicators(options: Options): Promise<IndicatorTotal[]> {
  const rows = await indicatorRows(options.actor, options.targets);
  const totals = new Map<string, IndicatorTotal>();
  for (const { direction, ...r } of rows) {
    if (direction === null) totals.set(r.code, { ...r, byDirection: {} });
  }
  for (const r of rows) {
    if (r.direction !== null) totals.get(r.code)!.byDirection[r.direction] = { value: r.value, qualifier: r.qualifier, projects: r.projects };
  }
  return [...totals.values()];
}
