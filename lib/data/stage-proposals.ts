import 'server-only';
import { can, projectReadScope, projectReadScopeSql, type Actor } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { notifyStageDecided } from './notices';
import { confirmedAssessment } from './assessments';
import { freezeDossier } from './dossiers';
import { getProgramLifecycle, stageBadgeSelect } from './lifecycles';
import { db, sql } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import { Prisma } from '../generated/prisma/client';
import { bumpVersion, checkEditableProject, findEditableProject, problemList, type EditableProject } from './project-edits';
import { todayInBeijing } from '../schemas/fields';
import type { ProposalDecisionInput, StageProposalInput } from '../schemas/project';
import { checkTransition, reachedOrderAfter, stageById, stageByCode, type Lifecycle } from '../rules/stages';

/** When the project entered its current stage: its latest stage change into it, else its entry into the program. */
async function enteredCurrentStage(tx: Tx, project: EditableProject): Promise<Date> {
  const last = await tx.stageChange.findFirst({
    where: { projectId: project.id, toStageId: project.stageId },
    orderBy: { effectiveDate: 'desc' },
    select: { effectiveDate: true },
  });
  return last?.effectiveDate ?? project.approvedAt;
}

/**
 * The stage rules a proposal must keep, every one that the accepted fields allow
 * judging: a stage of the project's lifecycle, a date not in the future, one
 * proposal pending at a time, a move the lifecycle allows, not dated before the
 * current stage began.
 */
async function stageProblems(tx: Tx, project: EditableProject, lifecycle: Lifecycle, input: Partial<StageProposalInput>) {
  const { errors, add } = problemList();
  if (input.effectiveDate && input.effectiveDate.getTime() > todayInBeijing().getTime()) add('effectiveDate', 'future');
  if (await tx.stageProposal.count({ where: { projectId: project.id, status: 'PENDING' } })) add('toStage', 'pendingExists');
  if (input.toStage) {
    const to = stageByCode(lifecycle, input.toStage);
    if (!to) add('toStage', 'stageOTHER_LIFECYCLE');
    else {
      const dates = input.effectiveDate ? { effective: input.effectiveDate, previous: await enteredCurrentStage(tx, project) } : undefined;
      const check = checkTransition(lifecycle, project.stageId, to.id, dates);
      if (!check.ok && check.reason === 'DATE_BEFORE_PREVIOUS') add('effectiveDate', 'dateBeforePrevious');
      else if (!check.ok) add('toStage', `stage${check.reason}`);
      else if (to.requiresAssessment && !(await confirmedAssessment(tx, project.id))) add('toStage', 'assessmentRequired');
    }
  }
  return errors;
}

/** What proposeStageChange would refuse among the fields the schema accepted (for a refused form). */
export async function stageProposalProblems(options: { actor: Actor; input: Partial<StageProposalInput> }) {
  return checkEditableProject(options.actor, 'stage:propose', options.input.projectId, async (tx, project) =>
    stageProblems(tx, project, await getProgramLifecycle(project.programId), options.input),
  );
}

type Move = { projectId: number; fromStageId: number; toStageId: number; effectiveDate: Date; note: string; version: number; reachedOrder: number };

/**
 * Moves a project into a stage: its stage and furthest stage reached, the stage
 * change with its date, and the dossier of what was approved, frozen. Only if
 * the project is still where the move starts (else CONFLICT, nothing changed).
 */
async function applyMove(tx: Tx, actor: Actor, lifecycle: Lifecycle, move: Move) {
  const to = stageById(lifecycle, move.toStageId)!;
  // A stage that requires a confirmed assessment (the lifecycle's data) is not entered without one; the dossier keeps it.
  const assessment = to.requiresAssessment ? await confirmedAssessment(tx, move.projectId) : null;
  if (to.requiresAssessment && !assessment) throw new InputError({ toStage: ['assessmentRequired'] });
  const moved = await tx.project.updateMany({
    where: { id: move.projectId, stageId: move.fromStageId, version: move.version },
    data: { stageId: to.id, reachedOrder: reachedOrderAfter(move.reachedOrder, to), version: { increment: 1 } },
  });
  if (moved.count === 0) {
    const now = await tx.project.findUniqueOrThrow({ where: { id: move.projectId }, select: { stage: { select: { code: true } }, version: true } });
    throw new ConflictError({ stage: now.stage.code, version: now.version });
  }
  const change = await tx.stageChange.create({
    data: { projectId: move.projectId, fromStageId: move.fromStageId, toStageId: to.id, effectiveDate: move.effectiveDate, note: move.note },
    select: { id: true },
  });
  await freezeDossier(tx, { actor, lifecycle, projectId: move.projectId, stageId: to.id, stageChangeId: change.id, assessment });
}

/**
 * An institution asks to move its project on. Where the lifecycle has the
 * regulator approve the stage, nothing about the project changes yet; where it
 * does not (ending a test is the institution's own request), the move takes
 * effect at once, recorded as decided by no one.
 */
export async function proposeStageChange(options: { actor: Actor; input: StageProposalInput }) {
  const { actor, input } = options;
  if (!can(actor, 'stage:propose')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const lifecycle = await getProgramLifecycle(project.programId);
    await bumpVersion(tx, actor, project, input.version);
    const problems = await stageProblems(tx, project, lifecycle, input);
    if (Object.keys(problems).length) throw new InputError(problems);
    const to = stageByCode(lifecycle, input.toStage)!;
    const immediate = !to.requiresApproval;
    const proposal = await tx.stageProposal.create({
      data: {
        projectId: project.id,
        fromStageId: project.stageId,
        toStageId: to.id,
        effectiveDate: input.effectiveDate,
        evidenceNote: input.evidenceNote,
        proposerId: actor.userId,
        ...(immediate ? { status: 'APPROVED' as const, decidedAt: new Date() } : {}),
      },
      select: { id: true },
    });
    const after = { fromStage: project.stage.code, toStage: to.code, effectiveDate: input.effectiveDate, evidenceNote: input.evidenceNote };
    await writeAudit(tx, {
      actor,
      action: 'STAGE_PROPOSE',
      entityType: 'StageProposal',
      entityId: proposal.id,
      projectId: project.id,
      after: snapshot({ ...after, status: immediate ? 'APPROVED' : 'PENDING' }),
    });
    if (immediate) {
      // The version was taken above; the move names the one that follows.
      await applyMove(tx, actor, lifecycle, {
        projectId: project.id,
        fromStageId: project.stageId,
        toStageId: to.id,
        effectiveDate: input.effectiveDate,
        note: input.evidenceNote,
        version: project.version + 1,
        reachedOrder: project.reachedOrder,
      });
    }
    return proposal;
  });
}

/**
 * A regulator's decision, on a project of a program the regulator may read
 * (another is NOT_FOUND). Approval moves the project, writes a stage change and
 * freezes a dossier, all in one transaction with the audit entry; a project that
 * moved since the proposal was made gives CONFLICT and changes nothing.
 */
export async function decideProposal(options: { actor: Actor; input: ProposalDecisionInput }) {
  const { actor, input } = options;
  if (!can(actor, 'stage:decide')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const proposal = await tx.stageProposal.findFirst({
      where: { id: input.proposalId, project: projectReadScope(actor) },
      include: {
        fromStage: { select: { code: true } },
        toStage: { select: { code: true, name: true, nameEn: true } },
        project: { select: { programId: true } },
      },
    });
    if (!proposal) throw new AppError('NOT_FOUND');
    const status = input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
    const taken = await tx.stageProposal.updateMany({
      where: { id: proposal.id, status: 'PENDING' },
      data: { status, deciderId: actor.userId, decisionNote: input.note, decidedAt: new Date() },
    });
    if (taken.count === 0) throw new ConflictError({ status: (await tx.stageProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status });
    const before = snapshot({ status: 'PENDING', fromStage: proposal.fromStage.code, toStage: proposal.toStage.code });
    if (status === 'APPROVED') {
      const lifecycle = await getProgramLifecycle(proposal.project.programId);
      const project = await tx.project.findUniqueOrThrow({
        where: { id: proposal.projectId },
        select: { stageId: true, version: true, reachedOrder: true, stage: { select: { code: true } } },
      });
      const check = checkTransition(lifecycle, project.stageId, proposal.toStageId);
      if (project.stageId !== proposal.fromStageId || !check.ok) throw new ConflictError({ stage: project.stage.code, version: project.version });
      await applyMove(tx, actor, lifecycle, {
        projectId: proposal.projectId,
        fromStageId: proposal.fromStageId,
        toStageId: proposal.toStageId,
        effectiveDate: proposal.effectiveDate,
        note: proposal.evidenceNote,
        version: project.version,
        reachedOrder: project.reachedOrder,
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
        stage: status === 'APPROVED' ? proposal.toStage.code : proposal.fromStage.code,
        effectiveDate: proposal.effectiveDate,
      }),
    });
    await notifyStageDecided(tx, { proposalId: proposal.id, projectId: proposal.projectId, decision: status, stage: proposal.toStage, note: input.note });
    return { status };
  });
}

const proposalSelect = {
  id: true,
  fromStage: stageBadgeSelect,
  toStage: stageBadgeSelect,
  effectiveDate: true,
  evidenceNote: true,
  status: true,
  createdAt: true,
  proposer: { select: { name: true } },
  project: { select: { id: true, code: true, name: true, program: { select: { code: true, name: true, nameEn: true } } } },
} as const;

/** The regulators' queue: every pending proposal in the programs the regulator may read, oldest first. */
export async function listPendingProposals(options: { actor: Actor }) {
  if (!can(options.actor, 'stage:decide')) throw new AppError('FORBIDDEN');
  return db.stageProposal.findMany({
    where: { status: 'PENDING', project: projectReadScope(options.actor) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: proposalSelect,
  });
}

export type PendingProposal = Awaited<ReturnType<typeof listPendingProposals>>[number];

/** Pending proposals on the projects the actor may read. */
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

/**
 * The project's latest decided proposal when it was refused, with the regulator's
 * reason, so the project page says why the stage did not change; null when the
 * latest decision was an approval, when nothing was decided, or when the actor
 * may not read the project.
 */
export async function getLatestRejection(options: { actor: Actor; projectId: number }) {
  const latest = await db.stageProposal.findFirst({
    where: { projectId: options.projectId, status: { in: ['APPROVED', 'REJECTED'] }, project: projectReadScope(options.actor) },
    orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
    select: {
      status: true,
      fromStage: stageBadgeSelect,
      toStage: stageBadgeSelect,
      effectiveDate: true,
      decisionNote: true,
      decidedAt: true,
      decider: { select: { name: true } },
    },
  });
  return latest?.status === 'REJECTED' ? latest : null;
}

export type Rejection = NonNullable<Awaited<ReturnType<typeof getLatestRejection>>>;
