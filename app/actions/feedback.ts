'use server';

import { answerFeedback, moderateFeedback } from '@/lib/data/public-feedback';
import { feedbackAnswerSchema, feedbackModerationSchema } from '@/lib/schemas/public-feedback';
import { PUBLIC_PAGES, runAction, type ActionResult } from '@/lib/server/actions';

const PAGES = ['/projects/[code]', '/audit', PUBLIC_PAGES];

/** A regulator publishes a summary of the public's feedback, marks it handled, or hides it. */
export async function moderateFeedbackAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'feedback:moderate',
    schema: feedbackModerationSchema,
    input,
    write: (actor, data) => moderateFeedback({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** The lead institution answers a complaint about its application. */
export async function answerFeedbackAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'feedback:answer',
    schema: feedbackAnswerSchema,
    input,
    write: (actor, data) => answerFeedback({ actor, input: data }),
    revalidate: PAGES,
  });
}
