import 'server-only';
/**
 * Importing metric values: every row is checked under the same rules as
 * recording one value in the form (lib/rules/metric-rules.ts), and written only when
 * no row has a problem. An existing value for the same project, indicator and
 * date is a problem, never overwritten.
 */
import { metricImportScope, type Actor } from '../../rules/authz';
import { snapshot } from '../../data/audit';
import type { DbTransaction } from '../../server/db';
import { breaksCumulativeOrder, neverDecreases, valueProblems } from '../../rules/metric-rules';
import { todayInBeijing } from '../../schemas/fields';
import type { ReadRow } from '../tabular/read';
import { INSTITUTION_SOURCE, metricColumns, metricRowSchema, type MetricRow } from './metrics';
import { inChunks } from './batches';
import { headerIn, parseRows, type Problem } from './problems';

type Tx = DbTransaction;
type Ready = MetricRow & { projectId: number; indicatorId: number; source: string };

const header = headerIn(metricColumns);
const seriesKey = (projectId: number, indicatorId: number) => `${projectId}:${indicatorId}`;

/**
 * Checks every row against the file and the database: the project must be one
 * the actor may import for, the indicator known, the value within the rules,
 * its date not taken, and a running total not going down.
 */
export async function checkMetricRows(tx: Tx, actor: Actor, rows: ReadRow[]): Promise<{ problems: Problem[]; ready: Ready[] }> {
  const { problems, parsed } = parseRows(rows, metricRowSchema, header);

  const projects = await tx.project.findMany({
    where: { AND: [metricImportScope(actor), { code: { in: [...new Set(parsed.map((p) => p.row.projectCode))] } }] },
    select: { id: true, code: true, approvedAt: true, retiredAt: true },
  });
  const indicators = await tx.indicator.findMany({ select: { id: true, code: true, unit: true, kind: true, cumulative: true, retiredAt: true } });
  const inFile = new Set(parsed.map((p) => p.row.indicatorCode));
  const existing = await tx.metricValue.findMany({
    where: { projectId: { in: projects.map((p) => p.id) }, indicatorId: { in: indicators.filter((i) => inFile.has(i.code)).map((i) => i.id) } },
    select: { projectId: true, indicatorId: true, asOf: true, value: true },
  });
  const projectByCode = new Map(projects.map((p) => [p.code, p]));
  const indicatorByCode = new Map(indicators.map((i) => [i.code, i]));
  const taken = new Set(existing.map((v) => `${seriesKey(v.projectId, v.indicatorId)}:${v.asOf.getTime()}`));
  const today = todayInBeijing();
  const institutionUser = actor.role === 'INSTITUTION';

  const candidates: { line: number; row: Ready; neverDecreases: boolean }[] = [];
  const seen = new Set<string>();
  for (const { line, row } of parsed) {
    const bad = (key: string, code: string) => problems.push({ line, column: header(key), code });
    const before = problems.length;
    const project = projectByCode.get(row.projectCode);
    // The same answer for a project that does not exist and one the actor may not import for.
    if (!project) bad('projectCode', 'PROJECT_NOT_ALLOWED');
    // A retired project, or a retired indicator, takes no new values (an institution's own scope already leaves retired projects out).
    else if (project.retiredAt) bad('projectCode', 'PROJECT_RETIRED');
    const indicator = indicatorByCode.get(row.indicatorCode);
    if (!indicator) bad('indicatorCode', 'UNKNOWN_INDICATOR');
    else if (indicator.retiredAt) bad('indicatorCode', 'INDICATOR_RETIRED');
    const source = row.source || (institutionUser ? INSTITUTION_SOURCE : '');
    if (!source) bad('source', 'REQUIRED');
    else if (institutionUser && source !== INSTITUTION_SOURCE) bad('source', 'SOURCE_NOT_ALLOWED');
    if (!project || !indicator || project.retiredAt || indicator.retiredAt) continue;
    for (const p of valueProblems(row, indicator, project, today)) bad(p.field, p.code);
    const key = `${seriesKey(project.id, indicator.id)}:${row.asOf.getTime()}`;
    if (seen.has(key)) bad('asOf', 'DUPLICATE_IN_FILE');
    else if (taken.has(key)) bad('asOf', 'EXISTS');
    seen.add(key);
    if (problems.length === before)
      candidates.push({ line, row: { ...row, source, projectId: project.id, indicatorId: indicator.id }, neverDecreases: neverDecreases(indicator) });
  }

  // Running totals: each new value sits between its neighbours, old and new.
  const series = new Map<string, { asOf: number; value: number }[]>();
  const push = (k: string, point: { asOf: number; value: number }) => (series.get(k) ?? series.set(k, []).get(k)!).push(point);
  for (const v of existing) push(seriesKey(v.projectId, v.indicatorId), { asOf: v.asOf.getTime(), value: v.value.toNumber() });
  for (const c of candidates) push(seriesKey(c.row.projectId, c.row.indicatorId), { asOf: c.row.asOf.getTime(), value: c.row.value });
  // Where each date sits in its series, once sorted.
  const position = new Map<string, number>();
  for (const [k, points] of series) {
    points.sort((a, b) => a.asOf - b.asOf);
    points.forEach((p, i) => position.set(`${k}:${p.asOf}`, i));
  }
  const ready: Ready[] = [];
  for (const c of candidates) {
    if (c.neverDecreases && !c.row.correctionNote) {
      const k = seriesKey(c.row.projectId, c.row.indicatorId);
      const points = series.get(k)!;
      const at = position.get(`${k}:${c.row.asOf.getTime()}`)!;
      if (breaksCumulativeOrder(c.row.value, points[at - 1]?.value, points[at + 1]?.value)) {
        problems.push({ line: c.line, column: header('value'), code: 'decreasing' });
        continue;
      }
    }
    ready.push(c.row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { problems, ready };
}

/** Writes checked values; returns what each audit entry records. */
export async function writeMetricValues(tx: Tx, ready: Ready[]) {
  const created = await inChunks(ready, (chunk) =>
    tx.metricValue.createManyAndReturn({
      data: chunk.map((r) => ({
        projectId: r.projectId,
        indicatorId: r.indicatorId,
        asOf: r.asOf,
        value: r.value,
        qualifier: r.qualifier,
        source: r.source,
        sourceNote: r.sourceNote,
        correctionNote: r.correctionNote,
      })),
      select: { id: true, projectId: true, indicatorId: true, asOf: true },
    }),
  );
  const rowOf = new Map(ready.map((r) => [`${seriesKey(r.projectId, r.indicatorId)}:${r.asOf.getTime()}`, r]));
  return created.map((c) => {
    const r = rowOf.get(`${seriesKey(c.projectId, c.indicatorId)}:${c.asOf.getTime()}`)!;
    return {
      id: c.id,
      projectId: c.projectId,
      after: snapshot({ indicator: r.indicatorCode, asOf: r.asOf, value: r.value, qualifier: r.qualifier, unit: r.unit, source: r.source }),
    };
  });
}
