/**
 * How an indicator's values combine, in one place: per project over time, then
 * across projects, and how qualifiers (约, 超过) carry into a total. Written as
 * TypeScript and as SQL fragments; an integration test holds the two equal.
 *
 * - Per project: a cumulative indicator (or any rate) takes the latest value; a
 *   per-period one adds up its periods.
 * - Across projects: SUM adds, MAX takes the largest, LATEST the most recently
 *   reported value (the larger on a tie). A rate (PERCENT) is never added up:
 *   under SUM it is the mean of the projects' values.
 * - A total built on an approximate value says so: about > over > at least > exact.
 */
import { Prisma } from '../generated/prisma/client';
import type { Aggregation, IndicatorKind, ValueQualifier } from '../generated/prisma/enums';

export type IndicatorRule = { kind: IndicatorKind; aggregation: Aggregation; cumulative: boolean };
export type Reported = { value: number; qualifier: ValueQualifier; asOf: Date };

/** Whether a project's standing on the indicator is its latest value (else the sum of its periods). */
export const takesLatest = (rule: Pick<IndicatorRule, 'kind' | 'cumulative'>) => rule.cumulative || rule.kind === 'PERCENT';

/** The order in which qualifiers speak for a total: one approximate value makes it approximate, a lower bound makes it a lower bound. */
export const QUALIFIER_PRECEDENCE = ['ABOUT', 'OVER', 'AT_LEAST'] as const satisfies readonly ValueQualifier[];

/** The weakest claim among the qualifiers. */
export function combineQualifiers(qualifiers: ValueQualifier[]): ValueQualifier {
  return QUALIFIER_PRECEDENCE.find((q) => qualifiers.includes(q)) ?? 'EXACT';
}

/** The same as an SQL aggregate over the qualifier expression `q`, for a GROUP BY. */
export function combineQualifiersSql(q: string): Prisma.Sql {
  const column = Prisma.raw(q);
  const branches = QUALIFIER_PRECEDENCE.map((k) => Prisma.sql`WHEN bool_or(${column} = ${k}::"ValueQualifier") THEN ${k}`);
  return Prisma.sql`(CASE ${Prisma.join(branches, ' ')} ELSE 'EXACT' END)::"ValueQualifier"`;
}

/** One project's standing from its reported values (any order); null without values. */
export function perProject(rule: IndicatorRule, values: Reported[]): Reported | null {
  if (values.length === 0) return null;
  const latest = [...values].sort((a, b) => b.asOf.getTime() - a.asOf.getTime())[0];
  if (takesLatest(rule)) return latest;
  return { value: values.reduce((n, v) => n + v.value, 0), qualifier: combineQualifiers(values.map((v) => v.qualifier)), asOf: latest.asOf };
}

/** The program's (or a direction's) value from the projects' standings; null without any. */
export function acrossProjects(rule: IndicatorRule, standings: Reported[]): { value: number; qualifier: ValueQualifier } | null {
  if (standings.length === 0) return null;
  const values = standings.map((s) => s.value);
  const sum = values.reduce((n, v) => n + v, 0);
  const latest = [...standings].sort((a, b) => b.asOf.getTime() - a.asOf.getTime() || b.value - a.value)[0];
  const value =
    rule.aggregation === 'MAX' ? Math.max(...values) : rule.aggregation === 'LATEST' ? latest.value : rule.kind === 'PERCENT' ? sum / values.length : sum;
  return { value, qualifier: combineQualifiers(standings.map((s) => s.qualifier)) };
}

// The SQL form works in two steps so that one pass over the projects can feed
// several groupings (a direction's share and the program total): partial
// aggregates per group, partials combined across groups, and a final value.

const column = (name: string) => Prisma.raw(name);

/** Partial aggregates of the standings `value`, `asOf`, `qualifier` (column expressions) in a GROUP BY. */
export function partialsSql(value: string, asOf: string, qualifier: string): Prisma.Sql {
  const [v, d] = [column(value), column(asOf)];
  return Prisma.sql`sum(${v}) AS total, max(${v}) AS largest, count(*) AS projects,
    max(ARRAY[(${d} - DATE '1970-01-01')::numeric, ${v}]) AS latest, max(${d}) AS as_of,
    ${combineQualifiersSql(qualifier)} AS qualifier`;
}

/** Partials of several groups (rows with partialsSql's columns) combined into one group's. */
export const combinePartialsSql = Prisma.sql`sum(total) AS total, max(largest) AS largest, sum(projects) AS projects,
  max(latest) AS latest, max(as_of) AS as_of, ${combineQualifiersSql('qualifier')} AS qualifier`;

/** The value and qualifier from partials `p` of an indicator `i` (aliases). */
export function finalValueSql(i: string, p: string): Prisma.Sql {
  const [ind, c] = [(n: string) => Prisma.raw(`${i}.${n}`), (n: string) => Prisma.raw(`${p}.${n}`)];
  return Prisma.sql`(CASE WHEN ${ind('aggregation')} = 'MAX' THEN ${c('largest')}
      WHEN ${ind('aggregation')} = 'LATEST' THEN ${c('latest')}[2]
      WHEN ${ind('kind')} = 'PERCENT' THEN ${c('total')} / ${c('projects')}
      ELSE ${c('total')} END)::float8 AS value,
    ${c('qualifier')} AS qualifier`;
}

/** Whether the indicator `i` (alias) takes a project's latest value, as SQL. */
export const takesLatestSql = (i: string) => Prisma.raw(`(${i}.cumulative OR ${i}.kind = 'PERCENT')`);
