'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { assessmentConfirmSchema, assessmentScoreSchema, reviewerAssignSchema, rubricSchema } from '@/lib/schemas/assessment';
import { assignReviewer, confirmAssessment, recordScores, saveRubric } from '@/lib/data/assessment-writes';

const pages = ['/assessments', '/assessments/[code]', '/leadership', '/audit'];

/** A regulator sets its program's rubric: the scale and each dimension's weight (summing to 1). */
export async function saveRubricAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'assessment:manage',
    schema: rubricSchema,
    input,
    write: (actor, data) => saveRubric({ actor, input: data }),
    revalidate: pages,
  });
}

/** One round's scores with their evidence: the lead institution's, the regulator's or an assigned expert's. */
export async function recordScoresAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'assessment:score',
    schema: assessmentScoreSchema,
    input,
    write: (actor, data) => recordScores({ actor, input: data }),
    revalidate: pages,
  });
}

/** A regulator confirms an assessment: its result is frozen, and the stage that requires it may be entered. */
export async function confirmAssessmentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'assessment:manage',
    schema: assessmentConfirmSchema,
    input,
    write: (actor, data) => confirmAssessment({ actor, input: data }),
    revalidate: [...pages, '/projects/[code]'],
  });
}

/** A regulator names an expert reviewer for a project. */
export async function assignReviewerAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'assessment:manage',
    schema: reviewerAssignSchema,
    input,
    write: (actor, data) => assignReviewer({ actor, input: data }),
    revalidate: pages,
  });
}
