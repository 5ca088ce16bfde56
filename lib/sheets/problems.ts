import type { z } from 'zod';

/** One thing wrong with one cell (or row) of an upload; `code` is translated by the page. */
export type Problem = { line: number; column: string; code: string };

/** zod issues of one row as problems, each on the column it concerns; codes are the sheets' own (UPPER_CASE) or the forms' (camelCase). */
export function rowProblems(line: number, error: z.ZodError, headerOf: (key: string) => string): Problem[] {
  return error.issues.map((issue) => ({
    line,
    column: headerOf(String(issue.path[0] ?? '')),
    code: /^[A-Za-z_]+$/.test(issue.message) ? issue.message : 'INVALID',
  }));
}
