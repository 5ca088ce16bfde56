import 'server-only';
import { can, type Actor } from '../rules/authz';
import { snapshot, writeAudit } from './audit';
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
    select: { id: true, email: true, name: true, role: true, disabled: true, institutionId: true, institution: { select: { name: true } } },
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
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, institutionId: input.institutionId, disabled: input.disabled },
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

export type SessionUser = { id: number; role: Role; institutionId: number | null; name: string; disabled: boolean };

/** The user a session names, as getActor() needs it. Every request waits for this read, so it is hand-written SQL (lib/server/sql.ts). */
export async function findSessionUser(userId: number): Promise<SessionUser | null> {
  const [user] = await sql<SessionUser>(Prisma.sql`SELECT id, role, "institutionId", name, disabled FROM "User" WHERE id = ${userId}`);
  return user ?? null;
}
