import 'server-only';
import { can, type Actor } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { db, sql } from '../server/db';
import { Prisma } from '../generated/prisma/client';
import type { Role } from '../rules/authz';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import { hashPassword } from '../server/passwords';
import type { UserCreateInput, UserUpdateInput } from '../schemas/user';

function requireAdmin(actor: Actor) {
  if (!can(actor, 'user:manage')) throw new AppError('FORBIDDEN');
}

export async function listUsers(options: { actor: Actor }) {
  requireAdmin(options.actor);
  return db.user.findMany({
    orderBy: { email: 'asc' },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      institutionId: true,
      institution: { select: { name: true } },
      lastSignInAt: true,
      mustChangePassword: true,
      version: true,
    },
  });
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** The institutions an INSTITUTION user can be bound to, for the admin forms. */
export async function listInstitutionChoices(options: { actor: Actor }) {
  requireAdmin(options.actor);
  return db.institution.findMany({ orderBy: [{ isPlaceholder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
}

async function checkInstitution(institutionId: number | null) {
  if (institutionId === null) return;
  if (!(await db.institution.count({ where: { id: institutionId } }))) throw new InputError({ institutionId: ['unknownInstitution'] });
}

const userSnapshot = (u: { email: string; name: string; role: string; institutionId: number | null; disabled: boolean }) =>
  snapshot({ email: u.email, name: u.name, role: u.role, institutionId: u.institutionId, disabled: u.disabled });

export async function createUser(options: { actor: Actor; input: UserCreateInput }) {
  const { actor, input } = options;
  requireAdmin(actor);
  await checkInstitution(input.institutionId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, institutionId: input.institutionId, passwordHash },
        select: { id: true, email: true, name: true, role: true, institutionId: true, disabled: true },
      });
      await writeAudit(tx, { actor, action: 'USER_CREATE', entityType: 'User', entityId: user.id, after: userSnapshot(user) });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ email: ['emailTaken'] });
    throw err;
  }
}

/** Role, institution and the disabled flag; an admin cannot lock themself out. */
export async function updateUser(options: { actor: Actor; input: UserUpdateInput }) {
  const { actor, input } = options;
  requireAdmin(actor);
  if (input.userId === actor.userId && (input.disabled || input.role !== actor.role)) throw new InputError({ role: ['notSelf'] });
  await checkInstitution(input.institutionId);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { email: true, name: true, role: true, institutionId: true, disabled: true },
    });
    if (!before) throw new AppError('NOT_FOUND');
    // Disabling or a new role ends the user's sessions: a token issued before does not come back to life on re-enabling.
    const endsSessions = (input.disabled && !before.disabled) || input.role !== before.role;
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, institutionId: input.institutionId, disabled: input.disabled, ...(endsSessions && { sessionVersion: { increment: 1 } }) },
      select: { email: true, name: true, role: true, institutionId: true, disabled: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'USER_UPDATE',
      entityType: 'User',
      entityId: input.userId,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
  });
}

export type SessionUser = {
  id: number;
  role: Role;
  institutionId: number | null;
  name: string;
  disabled: boolean;
  sessionVersion: number;
  allPrograms: boolean;
  /** The programs granted, for a user without allPrograms. */
  programIds: number[];
  mustChangePassword: boolean;
};

/** The user a session names, as getActor() needs it. Every request waits for this read, so it is hand-written SQL (lib/server/sql.ts). */
export async function findSessionUser(userId: number): Promise<SessionUser | null> {
  const [user] = await sql<SessionUser>(
    Prisma.sql`SELECT id, role, "institutionId", name, disabled, "sessionVersion", "allPrograms", "mustChangePassword",
      array(SELECT "programId" FROM "UserProgram" WHERE "userId" = u.id ORDER BY "programId") AS "programIds"
    FROM "User" u WHERE id = ${userId}`,
  );
  return user ?? null;
}

/** The actor a session user acts as, or null when it may not act at all (disabled, an institution user without an institution). */
export function actorOfUser(user: SessionUser): Actor | null {
  if (user.disabled || (user.role === 'INSTITUTION' && user.institutionId === null)) return null;
  // An institution user reads its institution's projects in any program; others the programs granted.
  const programs = user.role === 'INSTITUTION' || user.allPrograms ? 'ALL' : user.programIds;
  return { userId: user.id, role: user.role, institutionId: user.institutionId, name: user.name, programs, mustChangePassword: user.mustChangePassword };
}

/** A successful sign-in: when it happened, for the account page and the user list. */
export async function recordSignIn(userId: number): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() }, select: { id: true } });
}

/**
 * The session version a token of this user must carry to be honoured, or null
 * for an unknown or disabled user. Read when next-auth renews a session.
 */
export async function currentSessionVersion(userId: number): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { disabled: true, sessionVersion: true } });
  return user && !user.disabled ? user.sessionVersion : null;
}

/**
 * Ends every session the user holds: each token carries the version it was
 * issued under, and getActor() refuses any other. With `issuedUnder`, only if
 * that is still the current version (a stale token's sign-out changes nothing).
 * Takes the transaction of the write that calls for it (a password change
 * advances the version in the same transaction as the new hash).
 */
export async function endSessions(options: { userId: number; issuedUnder?: number; tx?: Tx }): Promise<void> {
  const { userId, issuedUnder, tx } = options;
  await (tx ?? db).user.updateMany({
    where: { id: userId, ...(issuedUnder !== undefined && { sessionVersion: issuedUnder }) },
    data: { sessionVersion: { increment: 1 } },
  });
}
