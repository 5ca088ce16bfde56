/**
 * The SQL forms of the supervision cycle's rules in lib/rules/returns.ts (who
 * owes a return, where a return stands), for the board's aggregates. Kept apart
 * from the TypeScript forms only because those also run in the browser (the
 * filing form checks periods), where the Prisma client cannot be loaded;
 * tests/integration/return-board.test.ts holds each pair equal. Pure.
 */
import { Prisma } from '../generated/prisma/client';
import type { ReturnPeriod } from './returns';
import { formatDay, TIME_ZONE } from './time';

/**
 * `owesWhere` as SQL, for the board's aggregates: `project` and `stage` name the
 * Project and its LifecycleStage, `stageCodes` the schedule's stage list (a
 * column or a parameter). tests/integration/return-board.test.ts holds the two equal.
 */
export function owesSql(options: {
  programId: number;
  period: ReturnPeriod;
  stageCodes: Prisma.Sql;
  project?: string;
  stage?: string;
  /** The placeholders that would owe were they named projects, for the line that says how many are left out. */
  placeholders?: boolean;
}): Prisma.Sql {
  const p = Prisma.raw(`"${options.project ?? 'p'}"`);
  const st = Prisma.raw(`"${options.stage ?? 'st'}"`);
  const named = options.placeholders ? Prisma.sql`${p}."isPlaceholder"` : Prisma.sql`NOT ${p}."isPlaceholder"`;
  return Prisma.sql`${p}."programId" = ${options.programId} AND ${st}.code = ANY(${options.stageCodes})
    AND ${p}."approvedAt" <= ${formatDay(options.period.to)}::date AND ${p}."retiredAt" IS NULL AND ${named}`;
}

/**
 * `returnState` as SQL: the state (text) and the late flag of a return of
 * `period` on `today`, from the stored status and first submission (both NULL
 * when nothing is stored) and the schedule's `dueDays`. The first submission's
 * Beijing day is compared with the due date, as in TypeScript; the integration
 * test of the board holds the two forms equal.
 */
export function returnStateSql(options: { period: ReturnPeriod; today: Date; status: Prisma.Sql; firstSubmittedAt: Prisma.Sql; dueDays: Prisma.Sql }) {
  const { status, firstSubmittedAt, dueDays } = options;
  const to = Prisma.sql`${formatDay(options.period.to)}::date`;
  const today = Prisma.sql`${formatDay(options.today)}::date`;
  const due = Prisma.sql`(${to} + ${dueDays})`;
  const filed = Prisma.sql`(${status} IS NOT NULL AND ${status}::text <> 'DRAFT' AND ${firstSubmittedAt} IS NOT NULL)`;
  const filedOn = Prisma.sql`((${firstSubmittedAt} AT TIME ZONE 'UTC') AT TIME ZONE ${Prisma.raw(`'${TIME_ZONE}'`)})::date`;
  return {
    state: Prisma.sql`CASE WHEN ${filed} THEN ${status}::text WHEN ${to} >= ${today} THEN 'NOT_DUE' WHEN ${today} <= ${due} THEN 'OPEN' ELSE 'MISSING' END`,
    late: Prisma.sql`CASE WHEN ${filed} THEN ${filedOn} > ${due} WHEN ${to} >= ${today} THEN FALSE ELSE ${today} > ${due} END`,
    due,
  };
}
