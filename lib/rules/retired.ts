/**
 * Retired records: a soft removal. A retired project, milestone, comment,
 * report, institution, indicator or technology keeps existing with its
 * history, and is left out of counts, lists, aggregates and exports unless a
 * view asks for it (`retired=include` or `retired=only`). One rule, as a Prisma
 * `where` and as SQL, for every model with a `retiredAt` column. Pure: no database.
 */
import { Prisma } from '../generated/prisma/client';

export const RETIRED_MODES = ['exclude', 'include', 'only'] as const;
/** `exclude` (the default): active records only; `include`: both; `only`: retired records only. */
export type RetiredMode = (typeof RETIRED_MODES)[number];

type RetiredWhere = { retiredAt?: null | { not: null } };

/** The rule as a `where` fragment for any model with `retiredAt`. */
export function retiredWhere(mode: RetiredMode = 'exclude'): RetiredWhere {
  if (mode === 'include') return {};
  return mode === 'only' ? { retiredAt: { not: null } } : { retiredAt: null };
}

/** The same rule as SQL; `alias` names the table in the query. */
export function retiredSql(mode: RetiredMode = 'exclude', alias: string): Prisma.Sql {
  const column = Prisma.raw(`"${alias}"."retiredAt"`);
  if (mode === 'include') return Prisma.sql`TRUE`;
  return mode === 'only' ? Prisma.sql`${column} IS NOT NULL` : Prisma.sql`${column} IS NULL`;
}

/**
 * The mode for what a view's records point to (institutions, indicators,
 * technologies): a view that asks for retired projects shows the retired ones
 * of those too, and a view of active projects hides them.
 */
export const referenceMode = (mode: RetiredMode | undefined): RetiredMode => (mode === 'include' || mode === 'only' ? 'include' : 'exclude');

/** Whether a record is retired, in the words a page or a form uses. */
export const isRetired = (record: { retiredAt: Date | null }) => record.retiredAt !== null;
