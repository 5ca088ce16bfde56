import 'server-only';
import type { Actor } from '../rules/authz';
import * as q from './dashboard-queries';
import { headlineCounts } from './headline';
import { sql } from '../server/db';
import { memoByValue } from '../server/memo';
import type { FilterTargets } from '../rules/project-filter';
import type { ProjectStage } from '../generated/prisma/enums';
import { UNDISCLOSED } from '../rules/filters';
import { ALL_STAGES } from '../rules/stages';

/**
 * What the dashboard shows, each card's data from one aggregate query
 * (lib/data/dashboard-queries.ts) over the projects the actor may read that match
 * the filters. Only the few rows SQL returns are reshaped here. Every read
 * here is hand-written SQL on node-postgres (lib/server/sql.ts).
 */
type Options = { actor: Actor; targets: FilterTargets };

// Within one request each statement runs once (two cards share the directions),
// and preloadDashboard can start them all before any card renders.
const directionStageRows = memoByValue('directionStages', (actor: Actor, targets: FilterTargets) => q.queryDirectionStages(sql, { actor, targets }));

/** A bucket of a breakdown; `undisclosed` marks the projects the record does not place (code UNDISCLOSED, shown as 「未公开」). */
type Bucket = { code: string; name: string | null; nameEn: string | null; undisclosed: boolean };
const bucket = (r: { code: string | null; name: string | null; nameEn: string | null }): Bucket =>
  r.code === null ? { code: UNDISCLOSED, name: null, nameEn: null, undisclosed: true } : { code: r.code, name: r.name, nameEn: r.nameEn, undisclosed: false };

export type DirectionStages = Bucket & {
  total: number;
  /** Of these, how many are placed in the direction by our reading of the record. */
  inferred: number;
  stages: Record<ProjectStage, number>;
  /** Projects that went online / reached promotion, counted as the headline counts them. */
  online: number;
  promotion: number;
};

/**
 * Projects per direction, split by current stage (for a stacked bar), with how
 * many went online and into promotion; the projects without a public direction
 * last, as their own bucket.
 */
export async function getDirectionStages(options: Options): Promise<DirectionStages[]> {
  const rows = await directionStageRows(options.actor, options.targets);
  const byCode = new Map<string, DirectionStages>();
  for (const r of rows) {
    const b = bucket(r);
    const d = byCode.get(b.code) ?? {
      ...b,
      total: 0,
      inferred: 0,
      stages: Object.fromEntries(ALL_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>,
      online: 0,
      promotion: 0,
    };
    if (r.stage) {
      d.stages[r.stage] += r.projects;
      d.total += r.projects;
      d.inferred += r.inferred;
      d.online += r.online;
      d.promotion += r.promotion;
    }
    byCode.set(b.code, d);
  }
  // The undisclosed bucket is always shown, with its count, even when it is empty.
  if (!byCode.has(UNDISCLOSED)) {
    const stages = Object.fromEntries(ALL_STAGES.map((s) => [s, 0])) as Record<ProjectStage, number>;
    byCode.set(UNDISCLOSED, { ...bucket({ code: null, name: null, nameEn: null }), total: 0, inferred: 0, stages, online: 0, promotion: 0 });
  }
  return [...byCode.values()];
}

export type FieldBucket = Bucket & { direction: string | null; projects: number; inferred: number };
export type TechnologyBucket = Omit<Bucket, 'code'> & { id: number | typeof UNDISCLOSED; projects: number };

const fieldRows = memoByValue('fields', (actor: Actor, targets: FilterTargets) => q.queryFields(sql, { actor, targets }));
const monthRows = memoByValue('months', (actor: Actor, targets: FilterTargets) => q.queryCumulativeByMonth(sql, { actor, targets }));
const technologyRows = memoByValue('technologies', (actor: Actor, targets: FilterTargets) => q.queryTechnologies(sql, { actor, targets }));
const indicatorRows = memoByValue('indicators', (actor: Actor, targets: FilterTargets) => q.queryIndicators(sql, { actor, targets }));

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
export const getCumulativeByMonth = (options: Options) => monthRows(options.actor, options.targets);
/** Projects per technology, the projects with no technology on record last as their own bucket. */
export async function getTechnologies(options: Options): Promise<TechnologyBucket[]> {
  const rows = await technologyRows(options.actor, options.targets);
  return rows.map((r) =>
    r.id === null ? { id: UNDISCLOSED, name: null, nameEn: null, undisclosed: true, projects: r.projects } : { ...r, id: r.id, undisclosed: false },
  );
}

export type FunnelStep = { stage: 'APPROVED' | 'ONLINE' | 'PROMOTION' | 'COMPLETED'; projects: number };

/** Approved → online → promotion → completed: how many projects reached each stage. */
export async function getFunnel(options: Options): Promise<FunnelStep[]> {
  const c = await headlineCounts(options.actor, options.targets);
  return [
    { stage: 'APPROVED', projects: c.projects },
    { stage: 'ONLINE', projects: c.online },
    { stage: 'PROMOTION', projects: c.promotion },
    { stage: 'COMPLETED', projects: c.completed },
  ];
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
