import 'server-only';
import { can, projectReadScope, type Actor } from '../rules/authz';
import { retiredWhere, type RetiredMode } from '../rules/retired';
import { snapshot, writeAudit, type Tx } from './audit';
import { conflictState, lockedEdit, retireOrRestore } from './locked-writes';
import { db } from '../server/db';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import { checkEditableProject, findEditableProject, problemList, type EditableProject } from './project-edits';
import { todayInBeijing } from '../schemas/fields';
import { quarterStart, type ProgressReportEditInput, type ProgressReportInput } from '../schemas/project';
import type { ProgressReportRetireInput } from '../schemas/retire';

/** A quarter that has begun, did not end before the approval, and has no other report yet (a retired one included: restore it instead). */
async function periodProblems(tx: Tx, project: EditableProject, period: string | undefined, reportId?: number) {
  const { errors, add } = problemList();
  if (period === undefined) return errors;
  const start = quarterStart(period);
  if (start.getTime() > todayInBeijing().getTime()) add('period', 'future');
  // The quarter must end on or after the approval.
  if (new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1)).getTime() <= project.approvedAt.getTime()) add('period', 'beforeApproval');
  const other = await tx.progressReport.findFirst({ where: { projectId: project.id, period, id: { not: reportId } }, select: { retiredAt: true } });
  if (other) add('period', other.retiredAt ? 'retiredReportExists' : 'duplicateReport');
  return errors;
}

/** What submitProgressReport would refuse among the fields the schema accepted (for a refused form). */
export async function progressReportProblems(options: { actor: Actor; input: Partial<ProgressReportInput> }) {
  return checkEditableProject(options.actor, 'project:edit', options.input.projectId, (tx, project) => periodProblems(tx, project, options.input.period));
}

/** An institution's quarterly report on a project it leads; a quarter already reported is refused. */
export async function submitProgressReport(options: { actor: Actor; input: ProgressReportInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:edit')) throw new AppError('FORBIDDEN');
  try {
    return await db.$transaction(async (tx) => {
      const project = await findEditableProject(tx, actor, input.projectId);
      const problems = await periodProblems(tx, project, input.period);
      if (Object.keys(problems).length) throw new InputError(problems);
      const report = await tx.progressReport.create({
        data: { projectId: project.id, period: input.period, body: input.body, authorId: actor.userId },
        select: { id: true },
      });
      await writeAudit(tx, {
        actor,
        action: 'REPORT_SUBMIT',
        entityType: 'ProgressReport',
        entityId: report.id,
        projectId: project.id,
        after: snapshot({ period: input.period, body: input.body }),
      });
      return report;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ period: ['duplicateReport'] });
    throw err;
  }
}

/** The report of a project the actor may edit, or NOT_FOUND: another project's report id finds nothing. */
async function findReport(tx: Tx, projectId: number, reportId: number) {
  const report = await tx.progressReport.findFirst({
    where: { id: reportId, projectId },
    select: { id: true, period: true, body: true, version: true, retiredAt: true },
  });
  if (!report) throw new AppError('NOT_FOUND');
  return report;
}

const reportNow = (tx: Tx, id: number) => async () => {
  const r = await tx.progressReport.findUniqueOrThrow({ where: { id }, select: { period: true, body: true, version: true, retiredAt: true } });
  return conflictState(r, { period: r.period, body: r.body });
};

/** What editProgressReport would refuse among the fields the schema accepted (for a refused form). */
export async function progressReportEditProblems(options: { actor: Actor; input: Partial<ProgressReportEditInput> }) {
  const { input } = options;
  return checkEditableProject(options.actor, 'project:edit', input.projectId, (tx, project) => periodProblems(tx, project, input.period, input.reportId));
}

/** The lead institution corrects a report's quarter or text (until reports are reviewed, any time). */
export async function editProgressReport(options: { actor: Actor; input: ProgressReportEditInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:edit')) throw new AppError('FORBIDDEN');
  try {
    return await db.$transaction(async (tx) => {
      const project = await findEditableProject(tx, actor, input.projectId);
      const report = await findReport(tx, project.id, input.reportId);
      const problems = report.period === input.period ? {} : await periodProblems(tx, project, input.period, report.id);
      if (Object.keys(problems).length) throw new InputError(problems);
      const keys = (['period', 'body'] as const).filter((k) => report[k] !== input[k]);
      return lockedEdit(tx, {
        actor,
        action: 'REPORT_EDIT',
        entityType: 'ProgressReport',
        entityId: report.id,
        projectId: project.id,
        stored: report,
        expected: input.version,
        reread: reportNow(tx, report.id),
        before: { period: report.period, ...Object.fromEntries(keys.map((k) => [k, report[k]])) },
        after: keys.length ? { period: input.period, ...Object.fromEntries(keys.map((k) => [k, input[k]])) } : {},
        update: () =>
          tx.progressReport.updateMany({
            where: { id: report.id, version: input.version },
            data: { period: input.period, body: input.body, version: { increment: 1 } },
          }),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ period: ['duplicateReport'] });
    throw err;
  }
}

/** The lead institution retires or restores a report. */
export async function setProgressReportRetired(options: { actor: Actor; input: ProgressReportRetireInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:edit')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const report = await findReport(tx, project.id, input.reportId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'ProgressReport',
      entityId: report.id,
      projectId: project.id,
      stored: report,
      expected: input.version,
      retire: input.retired,
      label: { period: report.period },
      reread: reportNow(tx, report.id),
      update: (data) => tx.progressReport.updateMany({ where: { id: report.id, version: input.version }, data }),
    });
  });
}

/** A project's reports, latest quarter first, for everyone who may read the project; retired ones only when asked for. */
export async function listProgressReports(options: { actor: Actor; projectId: number; retired?: RetiredMode }) {
  return db.progressReport.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor), ...retiredWhere(options.retired) },
    orderBy: { period: 'desc' },
    select: { id: true, period: true, body: true, createdAt: true, version: true, retiredAt: true, author: { select: { name: true } } },
  });
}

export type ProgressReportRow = Awaited<ReturnType<typeof listProgressReports>>[number];
