'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { saveReturnDraft, submitReturn } from '@/lib/data/return-filing';
import { reviewReturn } from '@/lib/data/return-review';
import { returnFilingSchema, returnReviewSchema } from '@/lib/schemas/returns';

const PAGES = [
  '/projects/[code]',
  '/projects/[code]/returns/[schedule]/[period]',
  '/projects/[code]/returns/[schedule]/[period]/review',
  '/returns',
  '/dashboard',
  '/audit',
];

type Saved = { version: number };
const withVersion = (written: Saved): ActionResult<Saved> => ({ ok: true, message: 'SAVED', data: { version: written.version } });

/** The lead institution saves its draft while typing; the answer carries the version to name next time. */
export async function saveReturnDraftAction(_prev: ActionResult<Saved> | null, input: unknown): Promise<ActionResult<Saved>> {
  return runAction({
    capability: 'return:file',
    schema: returnFilingSchema,
    input,
    write: (actor, data) => saveReturnDraft({ actor, input: data }),
    revalidate: [],
    answer: withVersion,
  });
}

/** The lead institution submits a return (again, after it was sent back). */
export async function submitReturnAction(_prev: ActionResult<Saved> | null, input: unknown): Promise<ActionResult<Saved>> {
  return runAction({
    capability: 'return:file',
    schema: returnFilingSchema,
    input,
    write: (actor, data) => submitReturn({ actor, input: data }),
    revalidate: PAGES,
    answer: withVersion,
  });
}

/** A regulator accepts a submitted return or sends it back with comments. */
export async function reviewReturnAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'return:review',
    schema: returnReviewSchema,
    input,
    write: (actor, data) => reviewReturn({ actor, input: data }),
    revalidate: PAGES,
  });
}
