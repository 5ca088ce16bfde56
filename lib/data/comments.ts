import 'server-only';
import { can, projectReadScope, type Actor } from '../rules/authz';
import { retiredWhere, type RetiredMode } from '../rules/retired';
import { snapshot, writeAudit, type Tx } from './audit';
import { conflictState, lockedEdit, retireOrRestore } from './locked-writes';
import { notifyCommentAdded } from './notices';
import { db } from '../server/db';
import { AppError } from '../server/errors';
import type { CommentEditInput, CommentInput } from '../schemas/project';
import type { CommentRetireInput } from '../schemas/retire';

/** A regulator's remark on any project it may read (regulators read them all). */
export async function addComment(options: { actor: Actor; input: CommentInput }) {
  const { actor, input } = options;
  if (!can(actor, 'comment:write')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { AND: [{ id: input.projectId }, projectReadScope(actor)] }, select: { id: true } });
    if (!project) throw new AppError('NOT_FOUND');
    const comment = await tx.comment.create({ data: { projectId: project.id, authorId: actor.userId, body: input.body }, select: { id: true } });
    await writeAudit(tx, {
      actor,
      action: 'COMMENT_ADD',
      entityType: 'Comment',
      entityId: comment.id,
      projectId: project.id,
      after: snapshot({ body: input.body }),
    });
    await notifyCommentAdded(tx, { commentId: comment.id, projectId: project.id, body: input.body });
    return comment;
  });
}

/** The actor's own comment, or NOT_FOUND: another regulator's comment and an unknown id look the same. */
async function findOwnComment(tx: Tx, actor: Actor, commentId: number) {
  if (!can(actor, 'comment:write')) throw new AppError('FORBIDDEN');
  const comment = await tx.comment.findFirst({
    where: { id: commentId, authorId: actor.userId, project: projectReadScope(actor) },
    select: { id: true, projectId: true, body: true, version: true, retiredAt: true },
  });
  if (!comment) throw new AppError('NOT_FOUND');
  return comment;
}

const commentNow = (tx: Tx, id: number) => async () => {
  const c = await tx.comment.findUniqueOrThrow({ where: { id }, select: { body: true, version: true, retiredAt: true } });
  return conflictState(c, { body: c.body });
};

/** Its author corrects a comment. */
export async function editComment(options: { actor: Actor; input: CommentEditInput }) {
  const { actor, input } = options;
  return db.$transaction(async (tx) => {
    const comment = await findOwnComment(tx, actor, input.commentId);
    const changed = comment.body !== input.body;
    return lockedEdit(tx, {
      actor,
      action: 'COMMENT_EDIT',
      entityType: 'Comment',
      entityId: comment.id,
      projectId: comment.projectId,
      stored: comment,
      expected: input.version,
      reread: commentNow(tx, comment.id),
      before: { body: comment.body },
      after: changed ? { body: input.body } : {},
      update: () => tx.comment.updateMany({ where: { id: comment.id, version: input.version }, data: { body: input.body, version: { increment: 1 } } }),
    });
  });
}

/** Its author retires or restores a comment. */
export async function setCommentRetired(options: { actor: Actor; input: CommentRetireInput }) {
  const { actor, input } = options;
  return db.$transaction(async (tx) => {
    const comment = await findOwnComment(tx, actor, input.commentId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'Comment',
      entityId: comment.id,
      projectId: comment.projectId,
      stored: comment,
      expected: input.version,
      retire: input.retired,
      label: { body: comment.body },
      reread: commentNow(tx, comment.id),
      update: (data) => tx.comment.updateMany({ where: { id: comment.id, version: input.version }, data }),
    });
  });
}

/** The comments on a project, newest first, for everyone who may read the project; retired ones only when asked for. */
export async function listComments(options: { actor: Actor; projectId: number; retired?: RetiredMode }) {
  return db.comment.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor), ...retiredWhere(options.retired) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, body: true, createdAt: true, version: true, retiredAt: true, authorId: true, author: { select: { name: true } } },
  });
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];
