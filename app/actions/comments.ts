'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { addComment, editComment, setCommentRetired } from '@/lib/data/comments';
import { commentEditSchema, commentSchema } from '@/lib/schemas/project';
import { commentRetireSchema } from '@/lib/schemas/retire';

const PAGES = ['/projects/[code]', '/audit'];

/** A regulator comments on a project. */
export async function addCommentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'comment:write',
    schema: commentSchema,
    input,
    write: (actor, data) => addComment({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** Its author corrects a comment; another regulator's comment is not found. */
export async function editCommentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'comment:write',
    schema: commentEditSchema,
    input,
    write: (actor, data) => editComment({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** Its author retires or restores a comment. */
export async function setCommentRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'comment:write',
    schema: commentRetireSchema,
    input,
    write: (actor, data) => setCommentRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}
