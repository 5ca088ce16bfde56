/**
 * Dates the record gives only as bounds ("不晚于 2020-06-12", "during the
 * epidemic") stay bounds wherever they are shown or counted. Pure.
 */
import { Prisma } from '../generated/prisma/client';
import type { DatePrecision } from '../generated/prisma/enums';
import { formatDay } from './time';

export type BoundedDate = { effectiveDate: Date; datePrecision: DatePrecision; notBefore: Date | null; dateInferred: boolean };

/** How to say a bounded date: the message key (namespace `dates`) and its values. */
export function describeDate(d: BoundedDate): { key: 'day' | 'onOrBefore' | 'between'; values: { date: string; from: string; to: string } } {
  const to = formatDay(d.effectiveDate);
  const from = d.notBefore ? formatDay(d.notBefore) : to;
  if (d.datePrecision === 'DAY') return { key: 'day', values: { date: to, from: to, to } };
  if (d.datePrecision === 'BETWEEN' && d.notBefore) return { key: 'between', values: { date: to, from, to } };
  return { key: 'onOrBefore', values: { date: to, from, to } };
}

/**
 * The earliest and latest day the event can have happened. Without a stated
 * lower bound a stage past approval cannot have been reached before the
 * project's approval (`floor`); with neither, the earliest day is unknown (null).
 */
export function dateRange(d: BoundedDate, floor: Date | null = null): { earliest: Date | null; latest: Date } {
  const earliest = d.datePrecision === 'DAY' ? d.effectiveDate : (d.notBefore ?? floor);
  return { earliest, latest: d.effectiveDate };
}

/**
 * The same range in SQL, for a StageChange `sc` of a project whose approval
 * date is the expression `floor`: the columns `latest` and `earliest`.
 */
export function dateRangeSql(sc: string, floor: string): Prisma.Sql {
  const c = (n: string) => Prisma.raw(`${sc}."${n}"`);
  return Prisma.sql`${c('effectiveDate')} AS latest,
    (CASE WHEN ${c('datePrecision')} = 'DAY' THEN ${c('effectiveDate')} ELSE coalesce(${c('notBefore')}, ${Prisma.raw(floor)}) END) AS earliest`;
}

/**
 * Where an event stands against a period [from, to]: `before` or `after` it for
 * certain; `in` when it certainly happened within it; `byEnd` when it happened
 * by the period's end but may have been before it began; `maybe` when it may
 * have happened in the period or after it.
 */
export function placeInPeriod(d: BoundedDate, period: { from: Date; to: Date }, floor: Date | null = null): 'before' | 'in' | 'byEnd' | 'maybe' | 'after' {
  const { earliest, latest } = dateRange(d, floor);
  const [from, to] = [period.from.getTime(), period.to.getTime()];
  if (latest.getTime() < from) return 'before';
  if (earliest !== null && earliest.getTime() > to) return 'after';
  if (latest.getTime() <= to) return earliest !== null && earliest.getTime() >= from ? 'in' : 'byEnd';
  return 'maybe';
}

/** placeInPeriod in SQL, over the `latest` and `earliest` columns of dateRangeSql. */
export function placeInPeriodSql(latest: string, earliest: string, period: { from: Date; to: Date }): Prisma.Sql {
  const [l, e] = [Prisma.raw(latest), Prisma.raw(earliest)];
  const [from, to] = [Prisma.sql`${period.from}::date`, Prisma.sql`${period.to}::date`];
  return Prisma.sql`(CASE WHEN ${l} < ${from} THEN 'before'
    WHEN ${e} > ${to} THEN 'after'
    WHEN ${l} <= ${to} THEN (CASE WHEN ${e} >= ${from} THEN 'in' ELSE 'byEnd' END)
    ELSE 'maybe' END)`;
}
