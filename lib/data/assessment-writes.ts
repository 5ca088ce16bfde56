import 'server-only';
import { consolidate, frozenResult, mayConfirm, roundOf } from '../rules/assessment';
import { assessmentManageScope, assessmentScoreScope, can, mayOpenProgram, type Actor } from '../rules/authz';
import { db } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import type { AssessmentConfirmInput, AssessmentScoreInput, ReviewerAssignInput, RubricInput } from '../schemas/assessment';
import { getRubric } from './assessments';
import { snapshot, writeAudit, type Tx } from './audit';
import { notifyAssessmentConfirmed, notifyReviewerAssigned } from './notices';

/**
 * Assessment writes, each in one transaction with its audit entry: a regulator's
 * rubric (weights and scale), a round's scores, a reviewer's assignment, the
 * confirmation that freezes the result. A project outside the actor's scope and
 * an unknown one are both NOT_FOUND.
 */

/** A regulator sets the weights and the scale of its program's rubric (weights that do not sum to 1 are refused by the schema). */
export async function saveRubric(options: { actor: Actor; input: RubricInput }) {
  const { actor, input } = options;
  if (!can(actor, 'assessment:manage') || !mayOpenProgram(actor, input.programId)) throw new AppError('NOT_FOUND');
  return db.$transaction(async (tx) => {
    const rubric = await getRubric(tx, input.programId);
    if (!rubric) throw new AppError('NOT_FOUND');
    const ids = rubric.dimensions.map((d) => d.id);
    if (input.dimensionId.length !== ids.length || !ids.every((id) => input.dimensionId.includes(id))) throw new InputError({ weight: ['invalid'] });
    const taken = await tx.rubric.updateMany({
      where: { id: rubric.id, version: input.version },
      data: { scaleMax: input.scaleMax, version: { increment: 1 } },
    });
    if (taken.count === 0) throw new ConflictError({ version: (await tx.rubric.findUniqueOrThrow({ where: { id: rubric.id } })).version });
    for (const [i, id] of input.dimensionId.entries()) await tx.rubricDimension.update({ where: { id }, data: { weight: input.weight[i] } });
    await writeAudit(tx, {
      actor,
      action: 'RUBRIC_SAVE',
      entityType: 'Rubric',
      entityId: rubric.id,
      before: snapshot({ scaleMax: rubric.scaleMax, weights: rubric.dimensions.map((d) => `${d.name} ${d.weight}`).join('、') }),
      after: snapshot({
        scaleMax: input.scaleMax,
        weights: rubric.dimensions.map((d) => `${d.name} ${input.weight[input.dimensionId.indexOf(d.id)]}`).join('、'),
      }),
    });
  });
}

/** The project an actor may act on in this scope, locked in the transaction; NOT_FOUND otherwise. */
async function scopedProject(tx: Tx, where: object, projectId: number) {
  const project = await tx.project.findFirst({ where: { AND: [{ id: projectId }, where] }, select: { id: true, programId: true } });
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

/** Takes the assessment's version (made on first use): another edit since the form was read is a CONFLICT. */
async function takeVersion(tx: Tx, projectId: number, version: number) {
  const assessment = await tx.assessment.upsert({ where: { projectId }, create: { projectId }, update: {}, select: { id: true } });
  const taken = await tx.assessment.updateMany({ where: { id: assessment.id, version, status: 'OPEN' }, data: { version: { increment: 1 } } });
  if (taken.count === 0) {
    const now = await tx.assessment.findUniqueOrThrow({ where: { id: assessment.id }, select: { version: true, status: true } });
    throw new ConflictError({ version: now.version, status: now.status });
  }
  return assessment.id;
}

/**
 * One round's scores by the actor, every dimension with its evidence: the lead
 * institution's self-assessment, the regulator's, or an assigned expert's. A
 * second save replaces the actor's earlier scores in that round.
 */
export async function recordScores(options: { actor: Actor; input: AssessmentScoreInput }) {
  const { actor, input } = options;
  const round = roundOf(actor.role);
  if (!can(actor, 'assessment:score') || !round) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await scopedProject(tx, assessmentScoreScope(actor), input.projectId);
    const rubric = await getRubric(tx, project.programId);
    if (!rubric) throw new AppError('NOT_FOUND');
    const ids = rubric.dimensions.map((d) => d.id);
    if (input.dimensionId.length !== ids.length || !ids.every((id) => input.dimensionId.includes(id))) throw new InputError({ score: ['invalid'] });
    if (input.score.some((s) => s > rubric.scaleMax)) throw new InputError({ score: ['aboveScale'] });
    const assessmentId = await takeVersion(tx, project.id, input.version);
    await tx.assessmentScore.deleteMany({ where: { assessmentId, round, scorerId: actor.userId } });
    await tx.assessmentScore.createMany({
      data: input.dimensionId.map((dimensionId, i) => ({
        assessmentId,
        round,
        dimensionId,
        scorerId: actor.userId,
        score: input.score[i],
        evidence: input.evidence[i],
      })),
    });
    const nameOf = (id: number) => rubric.dimensions.find((d) => d.id === id)!.name;
    await writeAudit(tx, {
      actor,
      action: 'ASSESSMENT_SCORE',
      entityType: 'Assessment',
      entityId: assessmentId,
      projectId: project.id,
      after: snapshot({ round, scores: input.dimensionId.map((id, i) => `${nameOf(id)} ${input.score[i]}`).join('、') }),
    });
  });
}

/** A regulator confirms an assessment whose self and regulator rounds are complete; the result is frozen with it. */
export async function confirmAssessment(options: { actor: Actor; input: AssessmentConfirmInput }) {
  const { actor, input } = options;
  if (!can(actor, 'assessment:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await scopedProject(tx, assessmentManageScope(actor), input.projectId);
    const rubric = await getRubric(tx, project.programId);
    const assessment = await tx.assessment.findUnique({
      where: { projectId: project.id },
      select: { id: true, status: true, version: true, scores: { select: { round: true, dimensionId: true, score: true } } },
    });
    if (!rubric || !assessment) throw new InputError({ _form: ['roundsIncomplete'] });
    const result = consolidate(rubric.dimensions, assessment.scores, rubric.scaleMax);
    if (assessment.status === 'OPEN' && !mayConfirm(result)) throw new InputError({ _form: ['roundsIncomplete'] });
    const now = new Date();
    const frozen = frozenResult(rubric, result, now);
    const taken = await tx.assessment.updateMany({
      where: { id: assessment.id, version: input.version, status: 'OPEN' },
      data: { status: 'CONFIRMED', confirmedAt: now, confirmedById: actor.userId, result: frozen, version: { increment: 1 } },
    });
    if (taken.count === 0) throw new ConflictError({ version: assessment.version, status: assessment.status });
    await writeAudit(tx, {
      actor,
      action: 'ASSESSMENT_CONFIRM',
      entityType: 'Assessment',
      entityId: assessment.id,
      projectId: project.id,
      before: snapshot({ assessmentStatus: 'OPEN' }),
      after: snapshot({ assessmentStatus: 'CONFIRMED', total: result.total }),
    });
    await notifyAssessmentConfirmed(tx, { assessmentId: assessment.id, projectId: project.id, total: result.total });
  });
}

/** A regulator names an expert reviewer (a REVIEWER user) for a project: the reviewer then sees that project's assessment. */
export async function assignReviewer(options: { actor: Actor; input: ReviewerAssignInput }) {
  const { actor, input } = options;
  if (!can(actor, 'assessment:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await scopedProject(tx, assessmentManageScope(actor), input.projectId);
    const reviewer = await tx.user.findFirst({ where: { id: input.userId, role: 'REVIEWER', disabled: false }, select: { id: true, name: true } });
    if (!reviewer) throw new InputError({ userId: ['notReviewer'] });
    const existing = await tx.projectReviewer.findUnique({ where: { projectId_userId: { projectId: project.id, userId: reviewer.id } } });
    if (existing) throw new InputError({ userId: ['alreadyAssigned'] });
    await tx.projectReviewer.create({ data: { projectId: project.id, userId: reviewer.id } });
    await writeAudit(tx, {
      actor,
      action: 'REVIEWER_ASSIGN',
      entityType: 'Project',
      entityId: project.id,
      projectId: project.id,
      after: snapshot({ reviewer: reviewer.name }),
    });
    await notifyReviewerAssigned(tx, { projectId: project.id, reviewerId: reviewer.id });
  });
}
