import 'server-only';
/**
 * The indicator values a return reports, judged by the same rules as a value
 * recorded on its own (lib/rules/metric-rules.ts): the catalogue's unit, a
 * percentage at most 100, not before the project's approval, a running total
 * never going down, one value per indicator and day. A value is dated the
 * period's last day. Submitting checks them, so the institution hears of a
 * problem; accepting checks them again and writes them as MetricValues whose
 * source is the return.
 */
import type { Actor } from '../rules/authz';
import { breaksCumulativeOrder, neverDecreases, valueProblems } from '../rules/metric-rules';
import { indicatorAnswers } from '../rules/return-answers';
import type { ReturnPeriod } from '../rules/returns';
import { todayInBeijing } from '../rules/time';
import type { ReturnAnswers, ReturnSection } from '../schemas/returns';
import type { ValueQualifier } from '../generated/prisma/enums';
import { snapshot, writeAudit, type Tx } from './audit';
import { problemList } from './project-edits';

type Project = { id: number; approvedAt: Date };

/** The values the answers report, each with its indicator, and the problems found (keyed `answers.<section>.value`). */
export async function checkReturnValues(tx: Tx, project: Project, sections: readonly ReturnSection[], answers: ReturnAnswers, period: ReturnPeriod) {
  const { errors, add } = problemList();
  const values = [];
  for (const answer of indicatorAnswers(sections, answers)) {
    const field = `answers.${answer.sectionId}.value`;
    const indicator = await tx.indicator.findUnique({
      where: { code: answer.indicatorCode },
      select: { id: true, code: true, unit: true, kind: true, cumulative: true, retiredAt: true },
    });
    if (!indicator || indicator.retiredAt) {
      add(field, indicator ? 'retiredIndicator' : 'unknownIndicator');
      continue;
    }
    const asOf = period.to;
    for (const p of valueProblems({ unit: indicator.unit, value: answer.value, asOf }, indicator, project, todayInBeijing())) add(field, p.code);
    const around = { projectId: project.id, indicatorId: indicator.id };
    const existing = await tx.metricValue.findUnique({ where: { projectId_indicatorId_asOf: { ...around, asOf } }, select: { value: true } });
    if (existing) add(field, 'duplicate');
    if (neverDecreases(indicator)) {
      const [before, after] = await Promise.all([
        tx.metricValue.findFirst({ where: { ...around, asOf: { lt: asOf } }, orderBy: { asOf: 'desc' }, select: { value: true } }),
        tx.metricValue.findFirst({ where: { ...around, asOf: { gt: asOf } }, orderBy: { asOf: 'asc' }, select: { value: true } }),
      ]);
      if (breaksCumulativeOrder(answer.value, before?.value.toNumber(), after?.value.toNumber())) add(field, 'decreasing');
    }
    values.push({ ...answer, indicator, asOf });
  }
  return { errors, values };
}

/** Writes an accepted return's values as MetricValues (source "return", the return named), each with its audit entry. */
export async function writeReturnValues(
  tx: Tx,
  actor: Actor,
  target: { returnId: number; period: string; project: Project },
  values: Awaited<ReturnType<typeof checkReturnValues>>['values'],
) {
  for (const v of values) {
    const sourceNote = `定期报送 ${target.period}`;
    const row = await tx.metricValue.create({
      data: {
        projectId: target.project.id,
        indicatorId: v.indicator.id,
        asOf: v.asOf,
        value: v.value,
        qualifier: v.qualifier as ValueQualifier,
        source: 'return',
        sourceNote,
        returnId: target.returnId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'METRIC_RECORD',
      entityType: 'MetricValue',
      entityId: row.id,
      projectId: target.project.id,
      after: snapshot({ indicator: v.indicator.code, asOf: v.asOf, value: v.value, qualifier: v.qualifier, unit: v.indicator.unit, sourceNote }),
    });
  }
}
