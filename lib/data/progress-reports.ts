import 'server-only';
import { can, projectReadScope, type Actor } from '../rules/authz';
import { snapshot, writeAudit } from './audit';
import { db } from '../server/db';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import { findEditableProject } from './project-edits';
import { todayInBeijing } from '../schemas/fields';
import { quarterStart, type ProgressReportInput } from '../schemas/project';

/** An institution's quarterly report on a project it leads; a quarter already reported is refused. */
export async function submitProgressReport(options: { actor: Actor; input: ProgressReportInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:edit')) throw new AppError('FORBIDDEN');
  try {
    return await db.$transaction(async (tx) => {
      const project = await findEditableProject(tx, actor, input.projectId);
      const start = quarterStart(input.period);
      if (start.getTime() > todayInBeijing().getTime()) throw new InputError({ period: ['future'] });
      // The quarter must end on or after the approval.
      if (new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1)).getTime() <= project.approvedAt.getTime()) {
        throw new InputError({ period: ['beforeApproval'] });
      }
      if (await tx.progressReport.count({ where: { projectId: project.id, period: input.period } })) throw new InputError({ period: ['duplicateReport'] });
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
