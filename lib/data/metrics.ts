import 'server-only';
import { can, type Actor } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { db } from '../server/db';
import type { Prisma } from '../generated/prisma/client';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import { breaksCumulativeOrder, neverDecreases, valueProblems } from '../rules/metric-rules';
import { checkEditableProject, findEditableProject, problemList } from './project-edits';
import { projectWhere, type FilterTargets } from '../rules/project-filter';
import { referenceMode, retiredWhere } from '../rules/retired';
import { todayInBeijing } from '../schemas/fields';
import type { MetricRecordInput } from '../schemas/metric';
import { metricSelect } from '../transfer/sheets/metrics';
import { evaluateProject } from './monitoring';

/** The indicators a value can be recorded for (retired ones cannot be chosen), with the unit each expects. */
export async function listIndicators() {
  return db.indicator.findMany({
    where: retiredWhere(),
    orderBy: { sortOrder: 'asc' },
    select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true, cumulative: true },
  });
}

/**
 * The checks only the database can answer: unit, dates, cumulative order,
 * duplicates. Each runs when the fields it needs are there, so a form whose
 * other fields the schema refused still hears about these.
 */
async function checkValue(tx: Tx, input: Partial<MetricRecordInput>, project: { id: number; approvedAt: Date }) {
  const { errors, add } = problemList();
  const indicator =
    input.indicatorCode === undefined
      ? null
      : await tx.indicator.findUnique({
          where: { code: input.indicatorCode },
          select: { id: true, unit: true, kind: true, cumulative: true, retiredAt: true },
        });
  if (input.indicatorCode !== undefined && !indicator) add('indicatorCode', 'unknownIndicator');
  // A retired indicator keeps the values it has, and takes no new ones (nor corrections).
  if (indicator?.retiredAt) add('indicatorCode', 'retiredIndicator');
  // valueProblems judges unit, value and date each on its own: a field missing here
  // (refused by the schema, or an unknown indicator) stands in as one it accepts.
  const judged = indicator ?? { unit: input.unit ?? '', kind: 'COUNT' as const };
  const own = { unit: input.unit ?? judged.unit, value: input.value ?? 0, asOf: input.asOf ?? project.approvedAt };
  for (const p of valueProblems(own, judged, project, todayInBeijing())) add(p.field, p.code);
  if (!indicator || !input.asOf) return { errors, indicator, existing: null };
  const key = { projectId: project.id, indicatorId: indicator.id, asOf: input.asOf };
  const existing = await tx.metricValue.findUnique({ where: { projectId_indicatorId_asOf: key } });
  if (existing && !input.correct) add('asOf', 'duplicate');
  if (!existing && input.correct) add('asOf', 'nothingToCorrect');
  // An empty note is '' once parsed; undefined means the schema refused the note itself.
  if (input.correct && input.correctionNote === '') add('correctionNote', 'required');
  if (input.value !== undefined && neverDecreases(indicator) && input.correctionNote === '') {
    const around = { projectId: project.id, indicatorId: indicator.id };
    const [before, after] = await Promise.all([
      tx.metricValue.findFirst({ where: { ...around, asOf: { lt: input.asOf } }, orderBy: { asOf: 'desc' }, select: { value: true } }),
      tx.metricValue.findFirst({ where: { ...around, asOf: { gt: input.asOf } }, orderBy: { asOf: 'asc' }, select: { value: true } }),
    ]);
    if (breaksCumulativeOrder(input.value, before?.value.toNumber(), after?.value.toNumber())) add('value', 'decreasing');
  }
  return { errors, indicator, existing };
}

/** What recordMetric would refuse among the fields the schema accepted (for a refused form). */
export async function metricProblems(options: { actor: Actor; input: Partial<MetricRecordInput> }) {
  const { actor, input } = options;
  return checkEditableProject(actor, 'metric:record', input.projectId, async (tx, project) => (await checkValue(tx, input, project)).errors);
}

/**
 * Records one value of an indicator for a project the actor's institution leads,
 * or corrects the value already recorded for that date (`correct`, with a note).
 */
export async function recordMetric(options: { actor: Actor; input: MetricRecordInput }) {
  const { actor, input } = options;
  if (!can(actor, 'metric:record')) throw new AppError('FORBIDDEN');
  try {
    return await db.$transaction(async (tx) => {
      const project = await findEditableProject(tx, actor, input.projectId);
      const { errors, indicator, existing } = await checkValue(tx, input, project);
      if (!indicator || Object.keys(errors).length) throw new InputError(errors);
      const data = {
        value: input.value,
        qualifier: input.qualifier,
        source: 'institution',
        sourceNote: input.sourceNote,
        correctionNote: input.correctionNote,
      };
      const row = existing
        ? await tx.metricValue.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.metricValue.create({ data: { ...data, projectId: project.id, indicatorId: indicator.id, asOf: input.asOf }, select: { id: true } });
      await writeAudit(tx, {
        actor,
        action: existing ? 'METRIC_CORRECT' : 'METRIC_RECORD',
        entityType: 'MetricValue',
        entityId: row.id,
        projectId: project.id,
        // The value it replaces, with its source: a corrected figure from the article stays readable in the history.
        before: existing
          ? snapshot({
              indicator: input.indicatorCode,
              asOf: existing.asOf,
              value: existing.value,
              qualifier: existing.qualifier,
              source: existing.source,
              sourceNote: existing.sourceNote,
            })
          : null,
        after: snapshot({
          indicator: input.indicatorCode,
          asOf: input.asOf,
          value: input.value,
          qualifier: input.qualifier,
          unit: input.unit,
          sourceNote: input.sourceNote,
          correctionNote: input.correctionNote,
        }),
      });
      // The rules reading this indicator see the new value in the same transaction.
      await evaluateProject(tx, { projectId: project.id, indicatorId: indicator.id });
      return row;
    });
  } catch (err) {
    // Two reports for the same date at once: the loser hits the unique key.
    if (isUniqueViolation(err)) throw new InputError({ asOf: ['duplicate'] });
    throw err;
  }
}

const METRIC_PAGE_SIZE = 50;

/**
 * The reported values of the projects the actor may read that match the
 * filters (and an indicator), a page at a time, by project, indicator and date.
 */
export async function listMetricValues(options: { actor: Actor; targets: FilterTargets; indicatorCode?: string }) {
  const where: Prisma.MetricValueWhereInput = {
    project: projectWhere(options.actor, options.targets),
    // A retired indicator's values stay on record, and out of the list unless the view asks for retired records.
    indicator: { ...retiredWhere(referenceMode(options.targets.filters.retired)), ...(options.indicatorCode ? { code: options.indicatorCode } : {}) },
  };
  const total = await db.metricValue.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / METRIC_PAGE_SIZE));
  const page = Math.min(options.targets.filters.page ?? 1, pageCount);
  const rows = await db.metricValue.findMany({
    where,
    orderBy: [{ project: { code: 'asc' } }, { indicator: { sortOrder: 'asc' } }, { asOf: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * METRIC_PAGE_SIZE,
    take: METRIC_PAGE_SIZE,
    select: metricSelect,
  });
  return { rows: rows.map((r) => ({ ...r, value: r.value.toNumber() })), total, page, pageCount };
}
