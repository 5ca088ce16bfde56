import 'server-only';
import { readsWholeProgram, type Actor } from '../rules/authz';
import { isNarrowed } from '../rules/filters';
import type { FilterTargets } from '../rules/project-filter';
import { headlineStages, pathOf, type Stage } from '../rules/stages';
import { Prisma } from '../generated/prisma/client';
import { sql } from '../server/db';
import { memoByValue } from '../server/memo';
import { queryHeadline, type HeadlineCounts } from './dashboard-queries';
import { getProgramLifecycle } from './lifecycles';
import { cachedByProgram } from './program-cache';

/**
 * The headline figures of a program, the one source of the home page's and the
 * dashboard's cards: the counts of the projects the actor may read that match
 * the filters, each beside the figure the program published, when comparing
 * them means something. Which stages have a card is the lifecycle's to say
 * (a stage with a `kpiKey`): 上线运行 and 应用推广期 for the pilot, 完成测试 for the sandbox.
 */
type Options = { actor: Actor; targets: FilterTargets };

/** The program's own counts; each headline stage adds its count (its kpiKey) and, on the dashboard, its rate. */
export const FIXED_KEYS = ['projects', 'institutions', 'directions', 'fields'] as const;
type FixedKey = (typeof FIXED_KEYS)[number];

/** Which cards a view shows: the home page its program's structure, the dashboard the rates. */
export type HeadlineView = 'home' | 'dashboard';

type Published = { value: number; asOf: Date; source: string };
export type HeadlineCard = {
  /** A fixed key, a stage's kpiKey, or that key + `Rate`. */
  key: string;
  /** For a stage's card, the stage (its name is the card's label). */
  stage: Pick<Stage, 'code' | 'name' | 'nameEn'> | null;
  /** A count, or for rates a percentage (0–100); null when there is nothing to divide by. */
  value: number | null;
  isRate: boolean;
  published: Published | null;
};

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Within one request the counts run once, whichever card or page asks (the funnel reads them too), and are cached until the program's data changes. */
export const headlineCounts = cachedByProgram('headline', async (actor: Actor, targets: FilterTargets) =>
  queryHeadline(sql, { actor, targets, lifecycle: await getProgramLifecycle(targets.programId) }),
);

/** The latest published figure of each kind. */
const publishedFigures = memoByValue('published', (programId: number) =>
  sql<{ key: string; value: number; asOf: Date; source: string }>(Prisma.sql`
    SELECT DISTINCT ON (key) key, value, "asOf", source FROM "PublishedFigure"
    WHERE "programId" = ${programId}
    ORDER BY key, "asOf" DESC`),
);

/**
 * Whether a view may be set against the published figures: only a view of the
 * whole program (no narrowing filter, an actor who may read every project). A
 * published total compared with a subset would be a false alarm.
 */
export const isWholeProgram = ({ actor, targets }: Options) => !isNarrowed(targets.filters) && readsWholeProgram(actor, targets.programId);

/** The cards of a view, from the counts, the lifecycle's headline stages and the published figures (keyed in capitals). */
export function headlineCards(counts: HeadlineCounts, stages: Stage[], path: Stage[], published: Map<string, Published>, view: HeadlineView): HeadlineCard[] {
  const fixed = (key: FixedKey): HeadlineCard => ({ key, stage: null, value: counts[key], isRate: false, published: published.get(key.toUpperCase()) ?? null });
  const reached = (s: Stage) => counts.reached[path.findIndex((p) => p.id === s.id)] ?? 0;
  const kpi = (s: Stage): HeadlineCard => ({
    key: s.kpiKey!,
    stage: s,
    value: reached(s),
    isRate: false,
    published: published.get(s.kpiKey!.toUpperCase()) ?? null,
  });
  const kpiRate = (s: Stage): HeadlineCard => {
    const [n, d] = [published.get(s.kpiKey!.toUpperCase()), published.get('PROJECTS')];
    const publishedRate = n && d ? rate(n.value, d.value) : null;
    return {
      key: `${s.kpiKey}Rate`,
      stage: s,
      value: rate(reached(s), counts.projects),
      isRate: true,
      published: n && publishedRate !== null ? { ...n, value: publishedRate } : null,
    };
  };
  if (view === 'home') {
    const structure = (['directions', 'fields'] as const).filter((k) => counts[k] > 0);
    return [fixed('projects'), fixed('institutions'), ...structure.map(fixed), ...stages.map(kpi)];
  }
  return [fixed('projects'), fixed('institutions'), ...stages.map(kpi), ...stages.map(kpiRate)];
}

/** The cards of a view, with the published figures only when the view is the whole program. */
export async function getHeadline(options: Options & { view: HeadlineView }): Promise<{ cards: HeadlineCard[]; comparable: boolean }> {
  const comparable = isWholeProgram(options);
  const [counts, lifecycle, published] = await Promise.all([
    headlineCounts(options.actor, options.targets),
    getProgramLifecycle(options.targets.programId),
    comparable ? publishedFigures(options.targets.programId) : Promise.resolve([]),
  ]);
  const byKey = new Map(published.map((p) => [p.key, { value: p.value, asOf: p.asOf, source: p.source }]));
  return { comparable, cards: headlineCards(counts, headlineStages(lifecycle), pathOf(lifecycle), byKey, options.view) };
}

/**
 * The program's latest published figures, for a view that may be set against
 * them (the whole program, read by someone who may read all of it); none otherwise.
 */
export async function getPublishedFigures(options: Options): Promise<{ key: string; value: number; asOf: Date; source: string }[]> {
  return isWholeProgram(options) ? publishedFigures(options.targets.programId) : [];
}
