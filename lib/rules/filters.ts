/**
 * The filters shared by the dashboard and the project lists, as they live in the
 * URL query. One schema; each parameter is parsed on its own so that a bad value
 * drops only itself and becomes a notice the page shows, never an error.
 * Pure: no database. Whether a well-formed code names something that exists is
 * decided later, by the data layer (lib/rules/project-filter.ts).
 */
import { z } from 'zod';
import { RETIRED_MODES } from './retired';

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/);
const idNumber = z.number().int().min(1).max(2_147_483_647);
// Digits only: no signs, exponents, hex or blanks that Number() would accept.
const id = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(idNumber);
// Free text: printable, no control characters, short enough to be a name.
const text = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\u0000-\u001f\u007f]+$/u);

export const SORT_KEYS = ['code', 'name', 'stage', 'field', 'approved'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORTS = ['code', '-code', 'name', '-name', 'stage', '-stage', 'field', '-field', 'approved', '-approved'] as const satisfies readonly (
  SortKey | `-${SortKey}`
)[];
export type Sort = (typeof SORTS)[number];

export const sortKeyOf = (sort: Sort): SortKey => SORT_KEYS.find((k) => sort === k || sort === `-${k}`) ?? 'code';

/**
 * The bucket of what the record does not say: `direction=UNDISCLOSED` lists the
 * projects with no public direction (likewise field and tech). It is counted and
 * shown as 「未公开」, never spread over the known buckets.
 */
export const UNDISCLOSED = 'UNDISCLOSED';

export const filterQuerySchema = z.object({
  program: code.optional(),
  direction: code.optional(),
  field: code.optional(),
  /** A stage of the program's lifecycle, by code: the current stage, or (`reached`) a stage of the path reached. */
  stage: code.optional(),
  reached: code.optional(),
  /** A technology by id (from a chart) or by its name in either language. */
  tech: z.union([id, text.max(40)]).optional(),
  /** An institution by id (a suggestion taken), or text typed without taking one: searched in names and short names. */
  institution: z.union([id, text]).optional(),
  q: text.optional(),
  placeholders: z.enum(['include', 'exclude']).optional(),
  /** Retired records: left out by default (`exclude`), shown beside the others (`include`) or alone (`only`). */
  retired: z.enum(RETIRED_MODES).optional(),
  sort: z.enum(SORTS).optional(),
  page: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(100_000))
    .optional(),
});

/** A search of the institutions a filter may name (the filter form's institution field). */
export const institutionSearchSchema = z.object({ programId: id, q: text });

export type ProjectFilters = z.infer<typeof filterQuerySchema>;
export type FilterKey = keyof ProjectFilters;
export const FILTER_KEYS = Object.keys(filterQuerySchema.shape) as FilterKey[];

/**
 * A dropped filter: `value` as given (shortened), `values` one by one; `names`,
 * where the data layer knows them, what each value names (a direction's name
 * for its code), so the page can speak of values by their names.
 */
export type FilterNotice = {
  key: string;
  value: string;
  values: string[];
  reason: 'malformed' | 'repeated' | 'unknown';
  names?: ({ name: string; nameEn: string } | null)[];
};

type RawQuery = Record<string, string | string[] | undefined> | URLSearchParams;

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Parses the query: what is valid is kept, every dropped value is reported. Never throws. */
export function parseFilters(query: RawQuery): { filters: ProjectFilters; notices: FilterNotice[] } {
  const entries = new Map<string, string[]>();
  const add = (k: string, v: string | string[] | undefined) => {
    if (v === undefined) return;
    entries.set(k, [...(entries.get(k) ?? []), ...(Array.isArray(v) ? v : [v])]);
  };
  if (query instanceof URLSearchParams) query.forEach((v, k) => add(k, v));
  else for (const [k, v] of Object.entries(query)) add(k, v);

  const valid: Record<string, string> = {};
  const notices: FilterNotice[] = [];
  for (const key of FILTER_KEYS) {
    const values = (entries.get(key) ?? []).filter((v) => v !== '');
    if (values.length === 0) continue;
    if (new Set(values).size > 1) {
      notices.push({ key, value: shown(values.join(', ')), values: [...new Set(values)].map(shown), reason: 'repeated' });
      continue;
    }
    if (filterQuerySchema.shape[key].safeParse(values[0]).success) valid[key] = values[0];
    else notices.push({ key, value: shown(values[0]), values: [shown(values[0])], reason: 'malformed' });
  }
  // Every kept value passed its own schema above, so the whole object parses.
  return { filters: filterQuerySchema.parse(valid), notices };
}

/** Filters that narrow the set of projects (not sort or page). */
export const NARROWING_KEYS = [
  'direction',
  'field',
  'stage',
  'reached',
  'tech',
  'institution',
  'q',
  'placeholders',
  'retired',
] as const satisfies readonly FilterKey[];

/** The value of a filter that leaves the program whole: every placeholder, every active project (and retired ones too). */
const WHOLE: Partial<Record<FilterKey, readonly string[]>> = { placeholders: ['include'], retired: ['exclude', 'include'] };

export function isNarrowed(filters: ProjectFilters): boolean {
  return NARROWING_KEYS.some((k) => filters[k] !== undefined && !WHOLE[k]?.includes(String(filters[k])));
}

/** The query string for these filters with some changed (undefined removes one); keys in a stable order. */
export function filterHref(path: string, filters: ProjectFilters, change: Partial<Record<FilterKey, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = key in change ? change[key] : filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
