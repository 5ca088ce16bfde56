'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { addComment } from '@/lib/data/comments';
import { commentSchema } from '@/lib/schemas/project';

/** A regulator comments on a project. */
export async function addCommentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'comment:write',
    schema: commentSchema,
    input,
    write: (actor, data) => addComment({ actor, input: data }),
    revalidate: ['/projects/[code]', '/audit'],
  });
}
