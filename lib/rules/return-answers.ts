/**
 * What a return's answers say, read section by section: which sections changed
 * between two submissions, and which indicator values an accepted return
 * reports. Pure; the answers were checked by the template's answers schema
 * (lib/schemas/returns.ts) when they were saved.
 */
import type { ReturnAnswers, ReturnSection } from '../schemas/returns';

/** JSON with object keys sorted and blank answers dropped, so two equal answers compare equal however they were typed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return value === undefined || value === '' ? 'null' : JSON.stringify(value);
}

/** The ids of the sections whose answer differs between `before` and `after`, in the template's order. */
export function changedSections(sections: readonly ReturnSection[], before: ReturnAnswers, after: ReturnAnswers): string[] {
  return sections.filter((s) => canonical(before[s.id]) !== canonical(after[s.id])).map((s) => s.id);
}

export type IndicatorAnswer = { sectionId: string; indicatorCode: string; value: number; qualifier: string };

/** The indicator values the answers report (sections left empty report none). */
export function indicatorAnswers(sections: readonly ReturnSection[], answers: ReturnAnswers): IndicatorAnswer[] {
  return sections.flatMap((s) => {
    if (s.kind !== 'INDICATOR') return [];
    const a = answers[s.id] as { value?: unknown; qualifier?: unknown } | undefined;
    if (!a || typeof a.value !== 'number') return [];
    return [{ sectionId: s.id, indicatorCode: s.indicatorCode, value: a.value, qualifier: typeof a.qualifier === 'string' ? a.qualifier : 'EXACT' }];
  });
}

/** A field message's key for one section's answer: `answers.<section>` or `answers.<section>.<part>`. */
export const answerField = (path: readonly PropertyKey[]) => ['answers', ...path.map(String)].join('.');

/** The answers schema's issues as field messages (`answers.<section>[.<part>]` → codes), on the client and the server alike. */
export function answerErrors(issues: readonly { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[]) {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    // An answer for a section the template does not have is named by its key.
    const unknown = issue.code === 'unrecognized_keys';
    const field = answerField(unknown ? [...issue.path, issue.keys?.[0] ?? ''] : issue.path);
    const list = (errors[field] ??= []);
    const code = unknown ? 'unknownSection' : issue.message;
    if (!list.includes(code)) list.push(code);
  }
  return errors;
}
