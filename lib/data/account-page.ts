import 'server-only';
import { programReadScope, projectReadScope, type Actor } from '../rules/authz';
import { db } from '../server/db';
import { AppError } from '../server/errors';

/*
 * The read model of /account: what the signed-in user sees of their own
 * account. Every read is of the actor's own row or rows they wrote; none takes
 * another user's id.
 */

/** The user's own record: name, email, role, institution, last sign-in, and the version a name edit must name. */
export async function getOwnAccount(options: { actor: Actor }) {
  const user = await db.user.findUnique({
    where: { id: options.actor.userId },
    select: {
      name: true,
      email: true,
      role: true,
      lastSignInAt: true,
      version: true,
      mustChangePassword: true,
      institution: { select: { id: true, name: true } },
    },
  });
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

/**
 * The programs the user works in: for a regulator, leader or administrator
 * those granted (every program, or the ones in UserProgram); for an
 * institution user those its institution's projects belong to. Benchmark
 * programs are never listed.
 */
export async function listOwnPrograms(options: { actor: Actor }) {
  const { actor } = options;
  return db.program.findMany({
    where: {
      AND: [{ isSynthetic: false }, programReadScope(actor), actor.role === 'INSTITUTION' ? { projects: { some: projectReadScope(actor) } } : {}],
    },
    orderBy: { id: 'asc' },
    select: { code: true, name: true, nameEn: true },
  });
}

/**
 * The user's own latest writes, newest first, from the audit trail: the
 * action, when, and the project it concerned (its code and name only while the
 * user may still read the project).
 */
export async function listOwnActivity(options: { actor: Actor; take?: number }) {
  const { actor } = options;
  const entries = await db.auditEntry.findMany({
    where: { actorId: actor.userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.take ?? 10,
    select: { id: true, action: true, entityType: true, projectId: true, createdAt: true },
  });
  const ids = [...new Set(entries.flatMap((e) => (e.projectId ? [e.projectId] : [])))];
  const projects = ids.length
    ? await db.project.findMany({ where: { AND: [{ id: { in: ids } }, projectReadScope(actor)] }, select: { id: true, code: true, name: true } })
    : [];
  const byId = new Map(projects.map((p) => [p.id, p]));
  return entries.map((e) => ({ ...e, project: e.projectId ? (byId.get(e.projectId) ?? null) : null }));
}

export type OwnActivity = Awaited<ReturnType<typeof listOwnActivity>>[number];
