import 'server-only';
import { can, projectReadScope, projectReadScopeSql, type Actor } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { db, sql } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import { Prisma } from '../generated/prisma/client';
import type { ProjectStage } from '../generated/prisma/enums';
import { bumpVersion, checkEditableProject, findEditableProject, problemList, type EditableProject } from './project-edits';
import { todayInBeijing } from '../schemas/fields';
import type { ProposalDecisionInput, StageProposalInput } from '../schemas/project';
import { checkTransition } from '../rules/stages';

const DATE_COLUMN = {
  ONLINE: 'onlineAt',
  PROMOTION: 'promotionAt',
  COMPLETED: 'completedAt',
  WITHDRAWN: 'withdrawnAt',
} as const satisfies Partial<Record<ProjectStage, keyof EditableProject>>;

/** When the project entered its current stage: the later of its stage date column and its last StageChange. */
async function enteredCurrentStage(tx: Tx, project: EditableProject): Promise<Date> {
  const last = await tx.stageChange.findFirst({ where: { projectId: project.id }, orderBy: { effectiveDate: 'desc' }, select: { effectiveDate: true } });
  const column = project.stage === 'APPROVED' ? project.approvedAt : project[DATE_COLUMN[project.stage]];
  const dates = [project.approvedAt, column, last?.effectiveDate].filter((d): d is Date => d instanceof Date);
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/**
 * The stage rules a proposal must keep, every one that the accepted fields allow
 * judging: a date not in the future, one proposal pending at a time, one step
 * forward, not dated before the current stage began.
 */
async function stageProblems(tx: Tx, project: EditableProject, input: Partial<StageProposalInput>) {
  const { errors, add } = problemList();
  if (input.effectiveDate && input.effectiveDate.getTime() > todayInBeijing().getTime()) add('effectiveDate', 'future');
  if (await tx.stageProposal.count({ where: { projectId: project.id, status: 'PENDING' } })) add('toStage', 'pendingExists');
  if (input.toStage) {
    const dates = input.effectiveDate ? { effective: input.effectiveDate, previous: await enteredCurrentStage(tx, project) } : undefined;
    const check = checkTransition(project.stage, input.toStage, dates);
    if (!check.ok && check.reason === 'DATE_BEFORE_PREVIOUS') add('effectiveDate', 'dateBeforePrevious');
    else if (!check.ok) add('toStage', `stage${check.reason}`);
  }
  return errors;
}

/** What proposeStageChange would refuse among the fields the schema accepted (for a refused form). */
export async function stageProposalProblems(options: { actor: Actor; input: Partial<StageProposalInput> }) {
  return checkEditableProject(options.actor, 'stage:propose', options.input.projectId, (tx, project) => stageProblems(tx, project, options.input));
}

/** An institution asks to move its project on; nothing about the project's stage changes yet. */
export async function proposeStageChange(options: { actor: Actor; input: StageProposalInput }) {
  const { actor, input } = options;
  if (!can(actor, 'stage:propose')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    await bumpVersion(tx, actor, project, input.version);
    const problems = await stageProblems(tx, project, input);
    if (Object.keys(problems).length) throw new InputError(problems);
    const proposal = await tx.stageProposal.create({
      data: {
        projectId: project.id,
        fromStage: project.stage,
        toStage: input.toStage,
        effectiveDate: input.effectiveDate,
        evidenceNote: input.evidenceNote,
        proposerId: actor.userId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'STAGE_PROPOSE',
      entityType: 'StageProposal',
      entityId: proposal.id,
      projectId: project.id,
      after: snapshot({
        fromStage: project.stage,
        toStage: input.toStage,
        effectiveDate: input.effectiveDate,
        evidenceNote: input.evidenceNote,
        status: 'PENDING',
      }),
    });
    return proposal;
  });
}

/**
 * A regulator's decision. Approval moves the project, sets its stage date and
 * writes a StageChange, all in one transaction with the audit entry; a project
 * that moved since the proposal was made gives CONFLICT and changes nothing.
 */
export async function decideProposal(options: { actor: Actor; input: ProposalDecisionInput }) {
  const { actor, input } = options;
  if (!can(actor, 'stage:decide')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const proposal = await tx.stageProposal.findUnique({ where: { id: input.proposalId } });
    if (!proposal) throw new AppError('NOT_FOUND');
    const status = input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
    const taken = await tx.stageProposal.updateMany({
      where: { id: proposal.id, status: 'PENDING' },
      data: { status, deciderId: actor.userId, decisionNote: input.note, decidedAt: new Date() },
    });
    if (taken.count === 0) throw new ConflictError({ status: (await tx.stageProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status });
    const before = snapshot({ status: 'PENDING', fromStage: proposal.fromStage, toStage: proposal.toStage });
    if (status === 'APPROVED') {
      const project = await tx.project.findUniqueOrThrow({ where: { id: proposal.projectId }, select: { stage: true, version: true } });
      const check = checkTransition(project.stage, proposal.toStage);
      if (project.stage !== proposal.fromStage || !check.ok) throw new ConflictError({ stage: project.stage, version: project.version });
      const dateColumn = proposal.toStage === 'APPROVED' ? 'approvedAt' : DATE_COLUMN[proposal.toStage];
      const moved = await tx.project.updateMany({
        where: { id: proposal.projectId, stage: proposal.fromStage, version: project.version },
        data: { stage: proposal.toStage, [dateColumn]: proposal.effectiveDate, version: { increment: 1 } },
      });
      if (moved.count === 0) throw new ConflictError({ stage: project.stage, version: project.version });
      await tx.stageChange.create({
        data: {
          projectId: proposal.projectId,
          fromStage: proposal.fromStage,
          toStage: proposal.toStage,
          effectiveDate: proposal.effectiveDate,
          note: proposal.evidenceNote,
        },
      });
    }
    await writeAudit(tx, {
      actor,
      action: status === 'APPROVED' ? 'STAGE_APPROVE' : 'STAGE_REJECT',
      entityType: 'StageProposal',
      entityId: proposal.id,
      projectId: proposal.projectId,
      before,
      after: snapshot({
        status,
        note: input.note,
        stage: status === 'APPROVED' ? proposal.toStage : proposal.fromStage,
        effectiveDate: proposal.effectiveDate,
      }),
    });
    return { status };
  });
}

const proposalSelect = {
  id: true,
  fromStage: true,
  toStage: true,
  effectiveDate: true,
  evidenceNote: true,
  status: true,
  createdAt: true,
  proposer: { select: { name: true } },
  project: { select: { id: true, code: true, name: true } },
} as const;

/** The regulators' queue: every pending proposal, oldest first. */
export async function listPendingProposals(options: { actor: Actor }) {
  if (!can(options.actor, 'stage:decide')) throw new AppError('FORBIDDEN');
  return db.stageProposal.findMany({ where: { status: 'PENDING' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: proposalSelect });
}

export type PendingProposal = Awaited<ReturnType<typeof listPendingProposals>>[number];

/** Pending proposals on the projects the actor may read (all of them for regulators). */
export async function countPendingProposals(options: { actor: Actor }): Promise<number> {
  // Hand-written (lib/server/sql.ts): the count heads the dashboard.
  const [row] = await sql<{ pending: number }>(Prisma.sql`
    SELECT count(*)::int AS pending FROM "StageProposal" sp JOIN "Project" p ON p.id = sp."projectId"
    WHERE sp.status = 'PENDING' AND ${projectReadScopeSql(options.actor, 'p')}`);
  return row.pending;
}

/** The pending proposal of one project, if the actor may read the project. */
export async function getPendingProposal(options: { actor: Actor; projectId: number }) {
  return db.stageProposal.findFirst({
    where: { projectId: options.projectId, status: 'PENDING', project: projectReadScope(options.actor) },
    select: proposalSelect,
  });
}
