/**
 * Outcome values written through the real write path (recordMetricAction) by
 * the load test and the fault test, and counted back in the database: every
 * write an answer acknowledged must be stored. Write n is a value of a
 * cumulative indicator on day n after FIRST_DAY, growing with the day, so
 * writes in any order and at any concurrency keep the cumulative rule, and
 * each one has a date of its own (a value per project, indicator and day).
 */
import pg from 'pg';

const FIRST_DAY = Date.UTC(2020, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

export const dayOf = (n: number) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10);

/** The form fields of write n: the project (by id), one of its cumulative indicators, a marked source note. */
export function valueFields(n: number, target: { projectId: number; indicatorCode: string; unit: string; note: string }): Record<string, string> {
  return {
    projectId: String(target.projectId),
    indicatorCode: target.indicatorCode,
    asOf: dayOf(n),
    value: String(1_000 + n),
    unit: target.unit,
    qualifier: 'EXACT',
    sourceNote: target.note,
  };
}

/** The days (yyyy-mm-dd) of the values stored with this source note. */
export async function storedDays(databaseUrl: string, note: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ day: string }>(`SELECT to_char("asOf", 'YYYY-MM-DD') AS day FROM "MetricValue" WHERE "sourceNote" = $1`, [note]);
    return new Set(rows.map((r) => r.day));
  } finally {
    await client.end();
  }
}
