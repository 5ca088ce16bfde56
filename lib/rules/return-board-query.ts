/**
 * The overdue board's URL: which program, template and period it shows, and
 * which projects (by lead institution, direction, state). Each parameter is
 * parsed on its own; a bad value is dropped and named in a notice, never an
 * error (as lib/rules/filters.ts does for the project filters). Pure.
 */
import { z } from 'zod';
import type { FilterNotice } from './filters';
import { parseReturnPeriod, RETURN_STATES } from './returns';

/** What the board can narrow to: a state of lib/rules/returns.ts, or LATE (filed after the due date). */
export const BOARD_STATES = [...RETURN_STATES, 'LATE'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/);
const id = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().int().min(1));

export const boardQuerySchema = z.object({
  program: code.optional(),
  template: code.optional(),
  period: z
    .string()
    .trim()
    .toUpperCase()
    .refine((k) => parseReturnPeriod(k) !== null)
    .optional(),
  direction: code.optional(),
  institution: id.optional(),
  state: z.enum(BOARD_STATES).optional(),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;
export const BOARD_KEYS = Object.keys(boardQuerySchema.shape) as (keyof BoardQuery)[];

type RawQuery = Record<string, string | string[] | undefined> | URLSearchParams;
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Parses the board's query: what is valid is kept, every dropped value is reported. Never throws. */
export function parseBoardQuery(query: RawQuery): { query: BoardQuery; notices: FilterNotice[] } {
  const get = (key: string): string[] => {
    const v = query instanceof URLSearchParams ? query.getAll(key) : query[key];
    return (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '');
  };
  const valid: Record<string, unknown> = {};
  const notices: FilterNotice[] = [];
  for (const key of BOARD_KEYS) {
    const values = [...new Set(get(key))];
    if (values.length === 0) continue;
    if (values.length > 1) {
      notices.push({ key, value: shown(values.join(', ')), values: values.map(shown), reason: 'repeated' });
      continue;
    }
    const parsed = boardQuerySchema.shape[key].safeParse(values[0]);
    if (parsed.success) valid[key] = parsed.data;
    else notices.push({ key, value: shown(values[0]), values: [shown(values[0])], reason: 'malformed' });
  }
  return { query: valid as BoardQuery, notices };
}

/** The board's query string with some values changed (undefined removes one); keys in a stable order. */
export function boardHref(path: string, query: BoardQuery, change: Partial<Record<keyof BoardQuery, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const key of BOARD_KEYS) {
    const value = key in change ? change[key] : query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
