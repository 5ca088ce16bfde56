import 'server-only';
import { can, type Actor } from '../rules/authz';
import { passwordProblems } from '../rules/passwords';
import { writeAudit, type Tx } from './audit';
import { accountKey, clearAccount, isThrottled, recordFailure } from './throttle';
import { endSessions } from './users';
import { db } from '../server/db';
import { AppError, ConflictError, InputError, isUniqueViolation } from '../server/errors';
import { hashPassword, temporaryPassword, verifyPassword } from '../server/passwords';
import type { OwnNameInput, PasswordChangeInput, PasswordResetInput, UserDetailsInput } from '../schemas/account';

/*
 * Account writes. Two kinds of caller:
 * - the user themself (changeOwnPassword, renameSelf): no capability beyond
 *   being signed in, and no user id in the input: they act on actor.userId only;
 * - an administrator (`user:manage`) acting on another user (resetPassword,
 *   updateUserDetails).
 * Audit snapshots never hold a password, a hash or a temporary password.
 */

function requireAdmin(actor: Actor) {
  if (!can(actor, 'user:manage')) throw new AppError('FORBIDDEN');
}

type Refusals = Record<string, string[]>;

/**
 * What is wrong with a change of one's own password beyond the schema's rules:
 * a wrong current password (counted like a failed sign-in: five lock the
 * account for 15 minutes), the same password again, or one that contains the
 * user's email or name. Reads only; `runAction` also calls it when the schema
 * refused other fields, so every problem is named at once.
 */
export async function passwordChangeRefusals(options: { actor: Actor; currentPassword?: string; newPassword?: string }): Promise<Refusals> {
  const user = await db.user.findUnique({ where: { id: options.actor.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError('NOT_FOUND');
  const refusals: Refusals = {};
  const { currentPassword, newPassword } = options;
  if (currentPassword !== undefined) {
    if (await isThrottled([accountKey(user.email)])) refusals.currentPassword = ['currentPasswordThrottled'];
    else if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      await recordFailure([accountKey(user.email)]);
      refusals.currentPassword = ['currentPasswordWrong'];
    }
  }
  if (newPassword !== undefined) {
    const problems = newPassword === currentPassword ? ['passwordUnchanged'] : passwordProblems(newPassword, user);
    if (problems.length) refusals.newPassword = problems;
  }
  return refusals;
}

/**
 * Changes the signed-in user's own password and ends every session they hold
 * (the caller issues this browser a new one), in one transaction with its
 * audit entry. Also lifts an administrator's "must change" mark. Returns the
 * new session version.
 */
export async function changeOwnPassword(options: { actor: Actor; input: PasswordChangeInput }): Promise<number> {
  const { actor, input } = options;
  const refusals = await passwordChangeRefusals({ actor, ...input });
  if (Object.keys(refusals).length) throw new InputError(refusals);
  const { passwordHash: verified, email } = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true, email: true } });
  const passwordHash = await hashPassword(input.newPassword);
  const version = await db.$transaction(async (tx) => {
    // Only over the hash just verified: a concurrent change of the same password wins, this one conflicts.
    const { count } = await tx.user.updateMany({ where: { id: actor.userId, passwordHash: verified }, data: { passwordHash, mustChangePassword: false } });
    if (!count) throw new ConflictError({});
    await endSessions({ userId: actor.userId, tx });
    await writeAudit(tx, { actor, action: 'PASSWORD_CHANGE', entityType: 'User', entityId: actor.userId, after: { mustChangePassword: false } });
    return (await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } })).sessionVersion;
  });
  await clearAccount(email);
  return version;
}

/**
 * An administrator's reset: a generated temporary password, shown once to the
 * administrator (returned here, stored only as its hash), the "must change"
 * mark, and the end of every session of the user. Not for one's own account
 * (that is a password change).
 */
export async function resetPassword(options: { actor: Actor; input: PasswordResetInput }): Promise<{ temporaryPassword: string }> {
  const { actor, input } = options;
  requireAdmin(actor);
  if (input.userId === actor.userId) throw new InputError({ userId: ['resetSelf'] });
  const temporary = temporaryPassword();
  const passwordHash = await hashPassword(temporary);
  const email = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, mustChangePassword: true } });
    if (!user) throw new AppError('NOT_FOUND');
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true }, select: { id: true } });
    await endSessions({ userId: input.userId, tx });
    await writeAudit(tx, {
      actor,
      action: 'PASSWORD_RESET',
      entityType: 'User',
      entityId: input.userId,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true },
    });
    return user.email;
  });
  // A user locked out by failed sign-ins can use the new password at once.
  await clearAccount(email);
  return { temporaryPassword: temporary };
}

const details = { version: true, name: true, email: true } as const;

/**
 * Saves a user's name (and email) at the version the form read: a stale form
 * gets CONFLICT with what is saved now, a taken email a message at its field.
 */
async function saveDetails(options: {
  actor: Actor;
  userId: number;
  version: number;
  data: { name: string; email?: string };
  action: 'USER_UPDATE' | 'NAME_CHANGE';
}) {
  const { actor, userId, version, data, action } = options;
  try {
    await db.$transaction(async (tx: Tx) => {
      const before = await tx.user.findUnique({ where: { id: userId }, select: details });
      if (!before) throw new AppError('NOT_FOUND');
      const { count } = await tx.user.updateMany({ where: { id: userId, version }, data: { ...data, version: { increment: 1 } } });
      if (!count) throw new ConflictError(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: details }));
      const after = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: details });
      const shown = (u: typeof before) => (data.email === undefined ? { name: u.name } : { name: u.name, email: u.email });
      await writeAudit(tx, { actor, action, entityType: 'User', entityId: userId, before: shown(before), after: shown(after) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ email: ['emailTaken'] });
    throw err;
  }
}

/** An administrator edits a user's name and email. */
export async function updateUserDetails(options: { actor: Actor; input: UserDetailsInput }) {
  const { actor, input } = options;
  requireAdmin(actor);
  await saveDetails({ actor, userId: input.userId, version: input.version, data: { name: input.name, email: input.email }, action: 'USER_UPDATE' });
}

/** The signed-in user changes their own display name. */
export async function renameSelf(options: { actor: Actor; input: OwnNameInput }) {
  const { actor, input } = options;
  await saveDetails({ actor, userId: actor.userId, version: input.version, data: { name: input.name }, action: 'NAME_CHANGE' });
}
