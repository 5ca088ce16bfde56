import type { z } from 'zod';
import type { ReadRow } from '../tabular/read';

/** One thing wrong with one cell (or row) of an upload; `code` is translated by the page. */
export type Problem = { line: number; column: string; code: string };

/** A column named the way the uploaded file's problems name it: by its Chinese header. */
export const headerIn = (columns: { key: string; zh: string }[]) => (key: string) => columns.find((c) => c.key === key)?.zh ?? key;

/** zod issues of one row as problems, each on the column it concerns; codes are the sheets' own (UPPER_CASE) or the forms' (camelCase). */
export function rowProblems(line: number, error: z.ZodError, header: (key: string) => string): Problem[] {
  return error.issues.map((issue) => ({
    line,
    column: header(String(issue.path[0] ?? '')),
    code: /^[A-Za-z_]+$/.test(issue.message) ? issue.message : 'INVALID',
  }));
}

/** Every row through the sheet's schema: the rows that parse, and the problems of those that do not. */
export function parseRows<S extends z.ZodType>(rows: ReadRow[], schema: S, header: (key: string) => string) {
  const problems: Problem[] = [];
  const parsed: { line: number; row: z.output<S> }[] = [];
  for (const { line, values } of rows) {
    const result = schema.safeParse(values);
    if (result.success) parsed.push({ line, row: result.data });
    else problems.push(...rowProblems(line, result.error, header));
  }
  return { problems, parsed };
}
