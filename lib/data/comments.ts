import 'server-only';
import { can, projectReadScope, type Actor } from '../rules/authz';
import { snapshot, writeAudit } from './audit';
import { db } from '../server/db';
import { AppError } from '../server/errors';
import type { CommentInput } from '../schemas/project';

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
    return comment;
  });
}

/** The comments on a project, newest first, for everyone who may read the project. */
export async function listComments(options: { actor: Actor; projectId: number }) {
  return db.comment.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];
