/**
 * Reporting periods for the leadership summary, as they appear in the URL:
 * `period=2020` (a year), `2020-Q2` (a quarter), `2020-06` (a month), or
 * `from=YYYY-MM-DD&to=YYYY-MM-DD` (a custom range). Pure.
 */
import { z } from 'zod';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom';
export type Period = { kind: PeriodKind; key: string; from: Date; to: Date };

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && iso(new Date(`${v}T00:00:00Z`)) === v);

export function yearPeriod(year: number): Period {
  return { kind: 'year', key: String(year), from: day(year, 0, 1), to: day(year, 11, 31) };
}

/** A period from the URL, or null when it is missing or malformed (the caller then uses a default). */
export function parsePeriod(query: { period?: string; from?: string; to?: string }): Period | null {
  const p = query.period?.trim() ?? '';
  let m: RegExpMatchArray | null;
  if ((m = p.match(/^(\d{4})$/))) return yearPeriod(Number(m[1]));
  if ((m = p.match(/^(\d{4})-Q([1-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]) - 1;
    return { kind: 'quarter', key: p, from: day(y, q * 3, 1), to: day(y, q * 3 + 3, 0) };
  }
  if ((m = p.match(/^(\d{4})-(0[1-9]|1[0-2])$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return { kind: 'month', key: p, from: day(y, mo, 1), to: day(y, mo + 1, 0) };
  }
  if (p === '' || p === 'custom') {
    const from = isoDay.safeParse(query.from);
    const to = isoDay.safeParse(query.to);
    if (from.success && to.success && from.data <= to.data) {
      return { kind: 'custom', key: `${from.data}..${to.data}`, from: new Date(`${from.data}T00:00:00Z`), to: new Date(`${to.data}T00:00:00Z`) };
    }
  }
  return null;
}

/** The URL query of a period. */
export function periodQuery(period: Period): string {
  return period.kind === 'custom' ? `from=${iso(period.from)}&to=${iso(period.to)}` : `period=${period.key}`;
}

export const periodDates = (period: Period) => ({ from: iso(period.from), to: iso(period.to) });

/** The `months` calendar months ending with the one `today` falls in: a view's default span when the URL names no period. */
export function lastMonthsPeriod(today: Date, months: number): Period {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  return { kind: 'custom', key: 'last-months', from: day(y, m - months + 1, 1), to: day(y, m + 1, 0) };
}
