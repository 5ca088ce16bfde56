import 'server-only';
import { consolidate, median, medianShown, rank, roundOf, type Consolidated } from '../rules/assessment';
import { assessmentManageScope, assessmentReadScope, assessmentScoreScope, can, mayOpenProgram, type Actor } from '../rules/authz';
import { db } from '../server/db';
import type { Tx } from './audit';

/**
 * Assessments read: a program's rubric, the ranking of its projects by
 * consolidated score, and one project's assessment with every round. Every read
 * is scoped to what the actor may see (a reviewer: the projects assigned to it);
 * an unknown project and another's look the same (null).
 */

const rubricSelect = {
  id: true,
  programId: true,
  scaleMax: true,
  version: true,
  dimensions: { orderBy: { sortOrder: 'asc' }, select: { id: true, code: true, name: true, nameEn: true, weight: true } },
} as const;

/** A program's rubric with its weights as numbers, or null when the program has none. */
export async function getRubric(client: Tx | typeof db, programId: number) {
  const rubric = await client.rubric.findUnique({ where: { programId }, select: rubricSelect });
  if (!rubric) return null;
  return { ...rubric, dimensions: rubric.dimensions.map((d) => ({ ...d, weight: Number(d.weight) })) };
}
export type RubricView = NonNullable<Awaited<ReturnType<typeof getRubric>>>;

const scoreRows = { select: { round: true, dimensionId: true, score: true } } as const;

/**
 * The program's median score per dimension over its confirmed assessments (an
 * aggregate: no project is named), for one project's radar: null, never sent,
 * unless enough OTHER projects have one (medianShown); `others` says how many do.
 */
async function programMedians(rubric: RubricView, projectId: number): Promise<{ medians: Record<number, number | null> | null; others: number }> {
  const confirmed = await db.assessment.findMany({
    where: { status: 'CONFIRMED', project: { programId: rubric.programId, retiredAt: null } },
    select: { projectId: true, scores: scoreRows },
  });
  const others = confirmed.filter((a) => a.projectId !== projectId).length;
  if (!medianShown(others)) return { medians: null, others };
  const results = confirmed.map((a) => consolidate(rubric.dimensions, a.scores, rubric.scaleMax));
  const medians = Object.fromEntries(
    rubric.dimensions.map((d) => [d.id, median(results.map((r) => r.byDimension[d.id]).filter((v): v is number => v !== null))]),
  );
  return { medians, others };
}

/** The program's assessed projects the actor may see, ranked by consolidated score, each with its rounds. */
export async function listAssessmentRanking(options: { actor: Actor; programId: number }) {
  const { actor, programId } = options;
  const rubric = await getRubric(db, programId);
  if (!rubric || !can(actor, 'assessment:read')) return { rubric, rows: [] };
  const projects = await db.project.findMany({
    where: { AND: [assessmentReadScope(actor), { programId, retiredAt: null, assessment: { isNot: null } }] },
    select: {
      id: true,
      code: true,
      name: true,
      institutions: { where: { role: 'LEAD' }, select: { institution: { select: { name: true } } } },
      assessment: { select: { status: true, isSample: true, scores: scoreRows } },
    },
  });
  const rows = projects.map((p) => {
    const result = consolidate(rubric.dimensions, p.assessment?.scores ?? [], rubric.scaleMax);
    return {
      projectId: p.id,
      code: p.code,
      name: p.name,
      lead: p.institutions.map((i) => i.institution.name).join('、'),
      status: p.assessment!.status,
      isSample: p.assessment!.isSample,
      total: result.total,
      rounds: Object.fromEntries(result.rounds.map((r) => [r.round, r.total])) as Record<'SELF' | 'REGULATOR' | 'EXPERT', number | null>,
    };
  });
  return { rubric, rows: rank(rows) };
}
export type RankingRow = Awaited<ReturnType<typeof listAssessmentRanking>>['rows'][number];

/** The programs whose assessments the actor may open: a reviewer's through its assignments, anyone else's as for every view. */
export async function listAssessmentPrograms(actor: Actor) {
  const programs = await db.program.findMany({
    where: { isSynthetic: false, rubric: { isNot: null } },
    orderBy: { id: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true },
  });
  if (actor.role !== 'REVIEWER') return programs.filter((p) => mayOpenProgram(actor, p.id) || actor.role === 'INSTITUTION');
  const assigned = await db.projectReviewer.findMany({ where: { userId: actor.userId }, select: { project: { select: { programId: true } } } });
  const ids = new Set(assigned.map((a) => a.project.programId));
  return programs.filter((p) => ids.has(p.id));
}

/** One project's assessment as the actor may see it, with what the actor may do on it; null when not found or not allowed. */
export async function getProjectAssessment(options: { actor: Actor; code: string }) {
  const { actor } = options;
  const project = await db.project.findFirst({
    where: { AND: [{ code: options.code }, assessmentReadScope(actor)] },
    select: {
      id: true,
      code: true,
      name: true,
      programId: true,
      program: { select: { code: true, name: true, nameEn: true } },
      reviewers: { orderBy: { createdAt: 'asc' }, select: { user: { select: { id: true, name: true } } } },
      assessment: {
        select: {
          id: true,
          status: true,
          isSample: true,
          version: true,
          confirmedAt: true,
          confirmedBy: { select: { name: true } },
          scores: {
            orderBy: [{ round: 'asc' }, { dimension: { sortOrder: 'asc' } }],
            select: { round: true, dimensionId: true, score: true, evidence: true, scorerId: true, scorer: { select: { name: true } } },
          },
        },
      },
    },
  });
  const rubric = project && (await getRubric(db, project.programId));
  if (!project || !rubric) return null;
  const scores = project.assessment?.scores ?? [];
  const result: Consolidated = consolidate(rubric.dimensions, scores, rubric.scaleMax);
  const open = project.assessment?.status !== 'CONFIRMED';
  const [mayScore, mayManage, { medians, others: othersConfirmed }] = await Promise.all([
    open && roundOf(actor.role) !== null ? db.project.count({ where: { AND: [{ id: project.id }, assessmentScoreScope(actor)] } }).then(Boolean) : false,
    db.project.count({ where: { AND: [{ id: project.id }, assessmentManageScope(actor)] } }).then(Boolean),
    programMedians(rubric, project.id),
  ]);
  const candidates = mayManage
    ? await db.user.findMany({ where: { role: 'REVIEWER', disabled: false }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
    : [];
  return {
    project,
    rubric,
    assessment: project.assessment,
    result,
    medians,
    othersConfirmed,
    myRound: roundOf(actor.role),
    myScores: scores.filter((s) => s.scorerId === actor.userId && s.round === roundOf(actor.role)),
    mayScore,
    mayManage,
    mayConfirm: mayManage && open,
    candidates: candidates.filter((c) => !project.reviewers.some((r) => r.user.id === c.id)),
  };
}
export type ProjectAssessment = NonNullable<Awaited<ReturnType<typeof getProjectAssessment>>>;

/** The confirmed assessment's frozen result, or null: read by a stage that requires one and frozen into its dossier. */
export async function confirmedAssessment(tx: Tx, projectId: number) {
  const a = await tx.assessment.findUnique({ where: { projectId }, select: { status: true, result: true } });
  return a?.status === 'CONFIRMED' ? a.result : null;
}
