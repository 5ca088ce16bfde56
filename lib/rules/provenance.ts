/**
 * What an edit by a portal user does to where a record's values come from. A
 * project or institution is loaded from the public record (or an import) with
 * its source; a field a user then changes is no longer the source's words: it
 * is marked as edited (`editedFields`, shown as 「由平台用户修改」 beside the
 * field), an inference label about the old value is cleared, and the old value
 * stays readable in the audit entry's before snapshot. Pure: no database.
 */

/** The fields of a project an administrator may correct (the stage moves only through stage proposals). */
export const PROJECT_FIELDS = ['name', 'summary', 'scenarios', 'direction', 'field', 'technologies', 'institutions'] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** The fields of an institution an administrator may correct. */
export const INSTITUTION_FIELDS = ['name', 'kind', 'licensed', 'sourceNote'] as const;
export type InstitutionField = (typeof INSTITUTION_FIELDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The keys of `fields` whose value differs between `before` and `after` (lists compare in order). */
export function changedFields<K extends string>(fields: readonly K[], before: Record<K, unknown>, after: Record<K, unknown>): K[] {
  return fields.filter((f) => !same(before[f], after[f]));
}

/** The fields edited so far: those already marked, and the ones this edit changed, each once, in `order`. */
export function markEdited(order: readonly string[], already: readonly string[], changed: readonly string[]): string[] {
  const all = new Set([...already, ...changed]);
  return [...order.filter((f) => all.has(f)), ...[...all].filter((f) => !order.includes(f))];
}

/** Whether a value is inferred, and what it was read from (the inference, or the source's own words). */
export type InferenceLabel = { inferred: boolean; note: string | null };

/**
 * The label of a value after an edit. A label the editor left as it was stays
 * while the value stays; when the value changes it spoke of the old value, and
 * is cleared. A label the editor changed is theirs, and kept as they set it.
 */
export function labelAfter(valueChanged: boolean, before: InferenceLabel, submitted: InferenceLabel): InferenceLabel {
  const note = submitted.note?.trim() || null;
  const untouched = submitted.inferred === before.inferred && note === (before.note ?? null);
  if (untouched) return valueChanged ? { inferred: false, note: null } : before;
  return { inferred: submitted.inferred, note };
}
