/**
 * Outcome values written through the real write path (recordMetricAction) by
 * the load test and the fault test, and counted back in the database: every
 * write an answer acknowledged must be stored. Write n to a target (a project
 * and one of its cumulative indicators that holds no value yet) is dated day
 * n after FIRST_DAY and grows with the day, so writes in any order and at any
 * concurrency keep the cumulative rule, and each one has a date of its own (a
 * value per project, indicator and day).
 */
import pg from 'pg';

const FIRST_DAY = Date.UTC(2020, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

export const dayOf = (n: number) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10);

/** The form fields of write n: the project (by id), one of its cumulative indicators, a marked source note. */
export type ValueTarget = { projectId: number; indicatorCode: string; unit: string; note: string };

/** The key of a stored or acknowledged value: project, indicator, day. */
export const valueKey = (target: Pick<ValueTarget, 'projectId' | 'indicatorCode'>, day: string) => `${target.projectId}/${target.indicatorCode}/${day}`;

export function valueFields(n: number, target: ValueTarget): Record<string, string> {
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

async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The values stored with this source note, by valueKey. */
export async function storedValues(databaseUrl: string, note: string): Promise<Set<string>> {
  const rows = await query<{ projectId: number; code: string; day: string }>(
    databaseUrl,
    `SELECT mv."projectId", i.code, to_char(mv."asOf", 'YYYY-MM-DD') AS day
       FROM "MetricValue" mv JOIN "Indicator" i ON i.id = mv."indicatorId" WHERE mv."sourceNote" = $1`,
    [note],
  );
  return new Set(rows.map((r) => valueKey({ projectId: r.projectId, indicatorCode: r.code }, r.day)));
}

/** Every cumulative indicator without a value yet on each of these projects (by code), as write targets. */
export async function emptyTargets(databaseUrl: string, projectCodes: string[], note: string): Promise<ValueTarget[]> {
  const rows = await query<{ projectId: number; code: string; unit: string }>(
    databaseUrl,
    `SELECT p.id AS "projectId", i.code, i.unit FROM "Project" p CROSS JOIN "Indicator" i
      WHERE p.code = ANY($1) AND i.cumulative AND i."retiredAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "MetricValue" mv WHERE mv."projectId" = p.id AND mv."indicatorId" = i.id)
      ORDER BY p.id, i."sortOrder"`,
    [projectCodes],
  );
  return rows.map((r) => ({ projectId: r.projectId, indicatorCode: r.code, unit: r.unit, note }));
}
