import 'server-only';
import { can, projectReadScope, type Actor } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { db } from '../server/db';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import { checkEditableProject, findEditableProject, problemList, type EditableProject } from './project-edits';
import { todayInBeijing } from '../schemas/fields';
import { quarterStart, type ProgressReportInput } from '../schemas/project';

/** A quarter that has begun, did not end before the approval, and has no report yet. */
async function periodProblems(tx: Tx, project: EditableProject, period: string | undefined) {
  const { errors, add } = problemList();
  if (period === undefined) return errors;
  const start = quarterStart(period);
  if (start.getTime() > todayInBeijing().getTime()) add('period', 'future');
  // The quarter must end on or after the approval.
  if (new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1)).getTime() <= project.approvedAt.getTime()) add('period', 'beforeApproval');
  if (await tx.progressReport.count({ where: { projectId: project.id, period } })) add('period', 'duplicateReport');
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

/** A project's reports, latest quarter first, for everyone who may read the project. */
export async function listProgressReports(options: { actor: Actor; projectId: number }) {
  return db.progressReport.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor) },
    orderBy: { period: 'desc' },
    select: { id: true, period: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
}

export type ProgressReportRow = Awaited<ReturnType<typeof listProgressReports>>[number];
