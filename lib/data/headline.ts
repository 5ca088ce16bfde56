import 'server-only';
import { projectReadScope, type Actor } from '../rules/authz';
import { isNarrowed } from '../rules/filters';
import type { FilterTargets } from '../rules/project-filter';
import { Prisma } from '../generated/prisma/client';
import type { PublishedFigureKey } from '../generated/prisma/enums';
import { sql } from '../server/db';
import { memoByValue } from '../server/memo';
import { queryHeadline, type HeadlineCounts } from './dashboard-queries';

/**
 * The headline figures of a program, the one source of the home page's and the
 * dashboard's cards: the counts of the projects the actor may read that match
 * the filters, each beside the figure the program published, when comparing
 * them means something.
 */
type Options = { actor: Actor; targets: FilterTargets };

export const HEADLINE_KEYS = ['projects', 'institutions', 'directions', 'fields', 'online', 'promotion', 'onlineRate', 'promotionRate'] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

/** The dashboard's cards and the home page's. */
export const DASHBOARD_CARDS = ['projects', 'institutions', 'online', 'promotion', 'onlineRate', 'promotionRate'] as const satisfies readonly HeadlineKey[];
export const HOME_CARDS = ['projects', 'institutions', 'directions', 'fields', 'online', 'promotion'] as const satisfies readonly HeadlineKey[];

type Published = { value: number; asOf: Date; source: string };
export type HeadlineCard = {
  key: HeadlineKey;
  /** A count, or for rates a percentage (0–100); null when there is nothing to divide by. */
  value: number | null;
  isRate: boolean;
  published: Published | null;
};

const COUNT_FIGURES: Record<Exclude<HeadlineKey, 'onlineRate' | 'promotionRate'>, PublishedFigureKey> = {
  projects: 'PROJECTS',
  institutions: 'INSTITUTIONS',
  directions: 'DIRECTIONS',
  fields: 'FIELDS',
  online: 'ONLINE',
  promotion: 'PROMOTION',
};
const RATE_PARTS = { onlineRate: 'online', promotionRate: 'promotion' } as const;

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Within one request the counts run once, whichever card or page asks (the funnel reads them too). */
export const headlineCounts = memoByValue('headline', (actor: Actor, targets: FilterTargets) => queryHeadline(sql, { actor, targets }));

/** The latest published figure of each kind. */
const publishedFigures = memoByValue('published', (programId: number) =>
  sql<{ key: PublishedFigureKey; value: number; asOf: Date; source: string }>(Prisma.sql`
    SELECT DISTINCT ON (key) key, value, "asOf", source FROM "PublishedFigure"
    WHERE "programId" = ${programId}
    ORDER BY key, "asOf" DESC`),
);

/**
 * Whether a view may be set against the published figures: only a view of the
 * whole program (no narrowing filter, an actor who may read every project). A
 * published total compared with a subset would be a false alarm.
 */
export const isWholeProgram = ({ actor, targets }: Options) => !isNarrowed(targets.filters) && Object.keys(projectReadScope(actor)).length === 0;

export function headlineCards(counts: HeadlineCounts, published: Map<PublishedFigureKey, Published>, keys: readonly HeadlineKey[]): HeadlineCard[] {
  return keys.map((key) => {
    if (key === 'onlineRate' || key === 'promotionRate') {
      const part = RATE_PARTS[key];
      const [n, d] = [published.get(COUNT_FIGURES[part]), published.get('PROJECTS')];
      const publishedRate = n && d ? rate(n.value, d.value) : null;
      return { key, value: rate(counts[part], counts.projects), isRate: true, published: n && publishedRate !== null ? { ...n, value: publishedRate } : null };
    }
    return { key, value: counts[key], isRate: false, published: published.get(COUNT_FIGURES[key]) ?? null };
  });
}

/** The cards named by `keys`, with the published figures only when the view is the whole program. */
export async function getHeadline(options: Options & { keys: readonly HeadlineKey[] }): Promise<{ cards: HeadlineCard[]; comparable: boolean }> {
  const comparable = isWholeProgram(options);
  const [counts, published] = await Promise.all([
    headlineCounts(options.actor, options.targets),
    comparable ? publishedFigures(options.targets.programId) : Promise.resolve([]),
  ]);
  const byKey = new Map(published.map((p) => [p.key, { value: p.value, asOf: p.asOf, source: p.source }]));
  return { comparable, cards: headlineCards(counts, byKey, options.keys) };
}

/**
 * The program's latest published figures, for a view that may be set against
 * them (the whole program, read by someone who may read all of it); none otherwise.
 */
export async function getPublishedFigures(options: Options): Promise<{ key: PublishedFigureKey; value: number; asOf: Date; source: string }[]> {
  return isWholeProgram(options) ? publishedFigures(options.targets.programId) : [];
}
