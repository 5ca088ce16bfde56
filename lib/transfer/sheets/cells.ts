/** zod pieces for spreadsheet cells: everything arrives as text. */
import { z } from 'zod';
import { formatDay } from '../../rules/time';

const TRUE = new Set(['是', 'yes', 'true', '1', 'y']);
const FALSE = new Set(['否', 'no', 'false', '0', 'n', '']);

export const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => TRUE.has(v) || FALSE.has(v), { message: 'BOOLEAN' })
  .transform((v) => TRUE.has(v));

const day = (v: string) => new Date(`${v}T00:00:00Z`);

/** A list in one cell, separated by ; or ；(full-width). */
export const list = z
  .string()
  .trim()
  .transform((v) =>
    v === ''
      ? []
      : v
          .split(/[;；]/)
          .map((s) => s.trim())
          .filter(Boolean),
  );

/** A cell of an optional column: absent from the file reads as empty. */
export const orEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? '', schema);

export const joinList = (items: string[]) => items.join('；');

export const text = (max: number) => z.string().trim().max(max, { message: 'TOO_LONG' });
export const required = (max: number) => text(max).min(1, { message: 'REQUIRED' });

/**
 * A stage date that may be known only as a bound, in ISO 8601 interval notation:
 * `2020-06-12` (the day), `../2020-06-12` (on or before) or
 * `2019-12-07/2020-06-12` (between). `date` is the day or the upper bound.
 */
export type BoundedDay = { date: Date; precision: 'DAY' | 'ON_OR_BEFORE' | 'BETWEEN'; notBefore: Date | null };

const validDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(day(v).getTime()) && formatDay(day(v)) === v;

function parseBoundedDay(v: string): BoundedDay | null {
  const [a, b, ...rest] = v.split('/');
  if (b === undefined && validDay(a)) return { date: day(a), precision: 'DAY', notBefore: null };
  if (rest.length === 0 && a === '..' && validDay(b)) return { date: day(b), precision: 'ON_OR_BEFORE', notBefore: null };
  if (rest.length === 0 && validDay(a) && validDay(b) && a <= b) return { date: day(b), precision: 'BETWEEN', notBefore: day(a) };
  return null;
}

// A refinement, not a failing transform, so that the row's other checks still run and report.
export const boundedDay = z
  .string()
  .trim()
  .refine((v) => parseBoundedDay(v) !== null, { message: 'DATE' })
  .transform((v) => parseBoundedDay(v)!);

/** The cell text of a bounded date (the inverse of boundedDay). */
export function formatBoundedDay(d: { effectiveDate: Date; datePrecision: BoundedDay['precision']; notBefore: Date | null }): string {
  const iso = formatDay;
  if (d.datePrecision === 'ON_OR_BEFORE' || (d.datePrecision === 'BETWEEN' && !d.notBefore)) return `../${iso(d.effectiveDate)}`;
  if (d.datePrecision === 'BETWEEN') return `${iso(d.notBefore!)}/${iso(d.effectiveDate)}`;
  return iso(d.effectiveDate);
}
