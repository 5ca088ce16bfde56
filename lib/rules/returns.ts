/**
 * The supervision cycle's calendar: the periods a schedule covers, when each
 * period's return falls due, and where a project's return stands on a given day
 * (not yet due, open, filed, returned, accepted, missing; and whether it came
 * late). Computed from the schedule and the stored return, never kept by a
 * nightly job. Dates are calendar days (UTC midnights), as the date columns hold
 * them; "today" is Beijing's (lib/rules/time.ts). Pure.
 */
import type { Prisma } from '../generated/prisma/client';
import type { ReturnFrequency, ReturnStatus } from '../generated/prisma/enums';
import { todayInBeijing } from './time';

export type { ReturnFrequency, ReturnStatus };

export const RETURN_FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const satisfies readonly ReturnFrequency[];

/** A reporting period: its key as in the URL and the database, and its first and last days. */
export type ReturnPeriod = { key: string; frequency: ReturnFrequency; from: Date; to: Date };

const DAY_MS = 86_400_000;
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const MONTHS: Record<ReturnFrequency, number> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };

function keyOf(frequency: ReturnFrequency, year: number, index: number): string {
  switch (frequency) {
    case 'MONTHLY':
      return `${year}-${String(index + 1).padStart(2, '0')}`;
    case 'QUARTERLY':
      return `${year}-Q${index + 1}`;
    case 'HALF_YEARLY':
      return `${year}-H${index + 1}`;
    case 'YEARLY':
      return String(year);
  }
}

function periodAt(frequency: ReturnFrequency, year: number, index: number): ReturnPeriod {
  const months = MONTHS[frequency];
  return { key: keyOf(frequency, year, index), frequency, from: day(year, index * months, 1), to: day(year, (index + 1) * months, 0) };
}

/** The period of `frequency` that contains `date`. */
export function periodContaining(frequency: ReturnFrequency, date: Date): ReturnPeriod {
  return periodAt(frequency, date.getUTCFullYear(), Math.floor(date.getUTCMonth() / MONTHS[frequency]));
}

/** The period a key names (2026-09, 2026-Q3, 2026-H2, 2026), or null for a malformed key. */
export function parseReturnPeriod(key: string): ReturnPeriod | null {
  let m: RegExpMatchArray | null;
  if ((m = key.match(/^(\d{4})-(0[1-9]|1[0-2])$/))) return periodAt('MONTHLY', Number(m[1]), Number(m[2]) - 1);
  if ((m = key.match(/^(\d{4})-Q([1-4])$/))) return periodAt('QUARTERLY', Number(m[1]), Number(m[2]) - 1);
  if ((m = key.match(/^(\d{4})-H([12])$/))) return periodAt('HALF_YEARLY', Number(m[1]), Number(m[2]) - 1);
  if ((m = key.match(/^(\d{4})$/))) return periodAt('YEARLY', Number(m[1]), 0);
  return null;
}

/** The period after `period`, across year ends. */
export function nextPeriod(period: ReturnPeriod): ReturnPeriod {
  return periodContaining(period.frequency, new Date(period.to.getTime() + DAY_MS));
}

/** The day a period's return falls due: `dueDays` days after its last day. */
export function dueDate(period: ReturnPeriod, dueDays: number): Date {
  return new Date(period.to.getTime() + dueDays * DAY_MS);
}

export type ScheduleCalendar = { frequency: ReturnFrequency; dueDays: number; startsOn: Date; endsOn: Date | null };

/**
 * The periods a schedule has made owed by `today`: from the one containing
 * `startsOn`, each whose last day has passed, up to `endsOn` when the schedule
 * ends; plus the period under way (not yet due) when `current` is asked for.
 */
export function schedulePeriods(schedule: ScheduleCalendar, today: Date, options: { current?: boolean } = {}): ReturnPeriod[] {
  const periods: ReturnPeriod[] = [];
  for (let p = periodContaining(schedule.frequency, schedule.startsOn); ; p = nextPeriod(p)) {
    if (schedule.endsOn && p.from > schedule.endsOn) break;
    if (p.to >= today) {
      if (options.current && p.from <= today) periods.push(p);
      break;
    }
    periods.push(p);
  }
  return periods;
}

/**
 * Where one project's return for one period stands on `today`:
 * - NOT_DUE: the period is still under way;
 * - OPEN: the period has ended, nothing is filed yet, the due date has not passed;
 * - MISSING: the due date has passed and nothing was ever filed (a draft is not filed);
 * - SUBMITTED, RETURNED, ACCEPTED: filed, and where the review has taken it.
 * `late` is set when the first filing came after the due date, or when it is missing.
 */
export type ReturnState = 'NOT_DUE' | 'OPEN' | 'MISSING' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
export const RETURN_STATES = ['NOT_DUE', 'OPEN', 'MISSING', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const satisfies readonly ReturnState[];

export type StoredReturn = { status: ReturnStatus; firstSubmittedAt: Date | null } | null;

export function returnState(period: ReturnPeriod, dueDays: number, stored: StoredReturn, today: Date): { state: ReturnState; due: Date; late: boolean } {
  const due = dueDate(period, dueDays);
  const filed = stored && stored.status !== 'DRAFT' && stored.firstSubmittedAt;
  if (filed) {
    // Filed on the due day itself is on time: the first submission's Beijing day is compared.
    return { state: stored.status as ReturnState, due, late: todayInBeijing(filed) > due };
  }
  if (period.to >= today) return { state: 'NOT_DUE', due, late: false };
  if (today <= due) return { state: 'OPEN', due, late: false };
  return { state: 'MISSING', due, late: true };
}

/** Whether a return of this state still waits for the institution (a notice "coming due" or "overdue" concerns it). */
export const awaitsInstitution = (state: ReturnState) => state === 'OPEN' || state === 'MISSING' || state === 'RETURNED';

/**
 * Which projects owe a schedule's return for a period, as a `where` on Project:
 * the template's program, a current stage the schedule lists, entered the program
 * by the period's last day, not retired. Placeholder projects stand in for
 * projects the record does not name: nobody can file for them, so they owe
 * nothing.
 */
export function owesWhere(schedule: { programId: number; stageCodes: string[] }, period: ReturnPeriod) {
  return {
    programId: schedule.programId,
    stage: { code: { in: schedule.stageCodes } },
    approvedAt: { lte: period.to },
    retiredAt: null,
    isPlaceholder: false,
  } satisfies Prisma.ProjectWhereInput;
}
