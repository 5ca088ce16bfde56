/** zod pieces for spreadsheet cells: everything arrives as text. */
import { z } from 'zod';

const TRUE = new Set(['是', 'yes', 'true', '1', 'y']);
const FALSE = new Set(['否', 'no', 'false', '0', 'n', '']);

export const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => TRUE.has(v) || FALSE.has(v), { message: 'BOOLEAN' })
  .transform((v) => TRUE.has(v));

const day = (v: string) => new Date(`${v}T00:00:00Z`);

/** A calendar day written YYYY-MM-DD; impossible days such as 2020-02-30 are refused. */
export const isoDay = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(day(v).getTime()) && day(v).toISOString().slice(0, 10) === v, {
    message: 'DATE',
  })
  .transform(day);

export const optionalDay = z.union([z.literal('').transform(() => null), isoDay]);

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

export const joinList = (items: string[]) => items.join('；');

export const text = (max: number) => z.string().trim().max(max, { message: 'TOO_LONG' });
export const required = (max: number) => text(max).min(1, { message: 'REQUIRED' });
