import 'server-only';
import { can, type Actor } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { db } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import { checkEditableProject, findEditableProject, problemList, type EditableProject } from './project-edits';
import { conflictState, lockedEdit, retireOrRestore } from './locked-writes';
import { todayInBeijing } from '../schemas/fields';
import type { MilestoneAddInput, MilestoneCompleteInput, MilestoneEditInput } from '../schemas/project';
import type { MilestoneRetireInput } from '../schemas/retire';

/** A due date never before the project's approval. */
function dueDateProblems(project: EditableProject, input: Partial<MilestoneAddInput>) {
  const { errors, add } = problemList();
  if (input.dueDate && input.dueDate.getTime() < project.approvedAt.getTime()) add('dueDate', 'beforeApproval');
  return errors;
}

/** A completion date neither in the future nor before the project's approval. */
function completionProblems(project: EditableProject, input: Partial<MilestoneCompleteInput>) {
  const { errors, add } = problemList();
  if (input.completedAt && input.completedAt.getTime() > todayInBeijing().getTime()) add('completedAt', 'future');
  if (input.completedAt && input.completedAt.getTime() < project.approvedAt.getTime()) add('completedAt', 'beforeApproval');
  return errors;
}

/** What addMilestone would refuse among the fields the schema accepted (for a refused form). */
export async function milestoneAddProblems(options: { actor: Actor; input: Partial<MilestoneAddInput> }) {
  return checkEditableProject(options.actor, 'milestone:write', options.input.projectId, (_tx, project) => dueDateProblems(project, options.input));
}

/** What completeMilestone would refuse among the fields the schema accepted (for a refused form). */
export async function milestoneCompleteProblems(options: { actor: Actor; input: Partial<MilestoneCompleteInput> }) {
  return checkEditableProject(options.actor, 'milestone:write', options.input.projectId, (_tx, project) => completionProblems(project, options.input));
}

/** Adds a milestone to a project the actor's institution leads. */
export async function addMilestone(options: { actor: Actor; input: MilestoneAddInput }) {
  const { actor, input } = options;
  if (!can(actor, 'milestone:write')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const problems = dueDateProblems(project, input);
    if (Object.keys(problems).length) throw new InputError(problems);
    const milestone = await tx.milestone.create({ data: { projectId: project.id, title: input.title, dueDate: input.dueDate }, select: { id: true } });
    await writeAudit(tx, {
      actor,
      action: 'MILESTONE_ADD',
      entityType: 'Milestone',
      entityId: milestone.id,
      projectId: project.id,
      after: snapshot({ title: input.title, dueDate: input.dueDate }),
    });
    return milestone;
  });
}

/** Marks a milestone done; completing one twice is a conflict, not a silent overwrite. */
export async function completeMilestone(options: { actor: Actor; input: MilestoneCompleteInput }) {
  const { actor, input } = options;
  if (!can(actor, 'milestone:write')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const milestone = await tx.milestone.findFirst({
      where: { id: input.milestoneId, projectId: project.id, retiredAt: null },
      select: { id: true, title: true, completedAt: true },
    });
    if (!milestone) throw new AppError('NOT_FOUND');
    const problems = completionProblems(project, input);
    if (Object.keys(problems).length) throw new InputError(problems);
    const { count } = await tx.milestone.updateMany({ where: { id: milestone.id, completedAt: null }, data: { completedAt: input.completedAt } });
    if (count === 0) throw new ConflictError(snapshot({ completedAt: milestone.completedAt }));
    await writeAudit(tx, {
      actor,
      action: 'MILESTONE_COMPLETE',
      entityType: 'Milestone',
      entityId: milestone.id,
      projectId: project.id,
      before: snapshot({ title: milestone.title, completedAt: null }),
      after: snapshot({ title: milestone.title, completedAt: input.completedAt }),
    });
  });
}

/** The milestone of a project the actor may edit, or NOT_FOUND: another project's milestone id finds nothing. */
async function findMilestone(tx: Tx, projectId: number, milestoneId: number) {
  const milestone = await tx.milestone.findFirst({
    where: { id: milestoneId, projectId },
    select: { id: true, title: true, dueDate: true, version: true, retiredAt: true },
  });
  if (!milestone) throw new AppError('NOT_FOUND');
  return milestone;
}

const milestoneNow = (tx: Tx, id: number) => async () => {
  const m = await tx.milestone.findUniqueOrThrow({ where: { id }, select: { title: true, dueDate: true, version: true, retiredAt: true } });
  return conflictState(m, { title: m.title, dueDate: m.dueDate });
};

/** What editMilestone would refuse among the fields the schema accepted (for a refused form). */
export async function milestoneEditProblems(options: { actor: Actor; input: Partial<MilestoneEditInput> }) {
  return checkEditableProject(options.actor, 'milestone:write', options.input.projectId, (_tx, project) => dueDateProblems(project, options.input));
}

/** Corrects a milestone's title or due date, on a project the actor's institution leads. */
export async function editMilestone(options: { actor: Actor; input: MilestoneEditInput }) {
  const { actor, input } = options;
  if (!can(actor, 'milestone:write')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const milestone = await findMilestone(tx, project.id, input.milestoneId);
    const problems = dueDateProblems(project, input);
    if (Object.keys(problems).length) throw new InputError(problems);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (milestone.title !== input.title) [before.title, after.title] = [milestone.title, input.title];
    if (milestone.dueDate.getTime() !== input.dueDate.getTime()) [before.dueDate, after.dueDate] = [milestone.dueDate, input.dueDate];
    return lockedEdit(tx, {
      actor,
      action: 'MILESTONE_EDIT',
      entityType: 'Milestone',
      entityId: milestone.id,
      projectId: project.id,
      stored: milestone,
      expected: input.version,
      reread: milestoneNow(tx, milestone.id),
      before: { title: milestone.title, ...before },
      after: Object.keys(after).length ? { title: input.title, ...after } : {},
      update: () =>
        tx.milestone.updateMany({
          where: { id: milestone.id, version: input.version },
          data: { title: input.title, dueDate: input.dueDate, version: { increment: 1 } },
        }),
    });
  });
}

/** Retires or restores a milestone of a project the actor's institution leads. */
export async function setMilestoneRetired(options: { actor: Actor; input: MilestoneRetireInput }) {
  const { actor, input } = options;
  if (!can(actor, 'milestone:write')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const milestone = await findMilestone(tx, project.id, input.milestoneId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'Milestone',
      entityId: milestone.id,
      projectId: project.id,
      stored: milestone,
      expected: input.version,
      retire: input.retired,
      label: { title: milestone.title },
      reread: milestoneNow(tx, milestone.id),
      update: (data) => tx.milestone.updateMany({ where: { id: milestone.id, version: input.version }, data }),
    });
  });
}

/** A milestone's state on a given day: done, still due, or overdue (past its date and not done). Pure. */
export type MilestoneStatus = 'done' | 'due' | 'overdue';

export function milestoneStatus(m: { dueDate: Date; completedAt: Date | null }, today: Date): MilestoneStatus {
  if (m.completedAt) return 'done';
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return m.dueDate.getTime() < day ? 'overdue' : 'due';
}
