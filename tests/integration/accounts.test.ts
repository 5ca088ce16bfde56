/**
 * Account writes through their server actions, with the database real: one's
 * own password and display name (never another user's, whatever id is posted),
 * an administrator's edit of name and email and reset of a password, and a
 * user whose password was reset being refused everything but the change.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { changePasswordAction, renameSelfAction } from '@/app/actions/account';
import { resetPasswordAction, updateUserDetailsAction } from '@/app/actions/users';
import { hashPassword, verifyPassword } from '@/lib/server/passwords';
import { seedBeijingPilot } from '@/seeds/seed';
import { ACTIONS, baseName, discoverActions } from '../support/action-registry';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
const OLD = 'Old-Secret-Phrase-2030';
const NEW = 'Quiet-Lantern-Harbour-7';
let actors: TestActors;
let lea: Actor;
let otto: Actor;

async function person(email: string, name: string): Promise<Actor> {
  const row = await prisma.user.create({ data: { email, name, role: 'LEADER', allPrograms: true, passwordHash: await hashPassword(OLD) } });
  return { userId: row.id, role: 'LEADER', institutionId: null, name, programs: 'ALL' };
}
const row = (actor: Actor) => prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
const change = (input: Record<string, unknown>) => changePasswordAction(null, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, ...input });

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  lea = await person('lea.meyer@bank.example', 'Lea Meyer');
  otto = await person('otto@bank.example', '奥托');
});
beforeEach(async () => {
  await prisma.user.updateMany({
    where: { id: { in: [lea.userId, otto.userId] } },
    data: { passwordHash: await hashPassword(OLD), mustChangePassword: false },
  });
  await prisma.signInThrottle.deleteMany();
});
afterAll(() => prisma.$disconnect());

describe('changing one’s own password', () => {
  it('needs the current password, and a wrong one changes nothing', async () => {
    actAs(lea);
    const before = await dbFingerprint(prisma);
    const result = await change({ currentPassword: 'not-the-password' });
    expect(result).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { currentPassword: ['currentPasswordWrong'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('refuses a weak password, one with the user’s email or name, a mismatch and the same password, each at its field', async () => {
    actAs(lea);
    expect((await change({ newPassword: 'password1234', confirmPassword: 'password1234' })).fieldErrors?.newPassword).toEqual(
      expect.arrayContaining(['passwordWeak', 'passwordWarning.similarToCommon']),
    );
    const personal = 'Harbour-LeaMeyer-Lantern';
    expect((await change({ newPassword: personal, confirmPassword: personal })).fieldErrors?.newPassword).toContain('passwordPersonal');
    expect((await change({ confirmPassword: `${NEW}!` })).fieldErrors).toEqual({ confirmPassword: ['passwordMismatch'] });
    expect((await change({ newPassword: OLD, confirmPassword: OLD })).fieldErrors).toEqual({ newPassword: ['passwordUnchanged'] });
    // A weak password and a wrong current one: both named in one answer.
    expect((await change({ currentPassword: 'wrong', newPassword: 'short', confirmPassword: 'short' })).fieldErrors).toEqual({
      currentPassword: ['currentPasswordWrong'],
      newPassword: ['passwordTooShort'],
    });
    expect(await verifyPassword(OLD, (await row(lea)).passwordHash)).toBe(true);
  });

  it('saves the new password, ends every session, and audits without any secret', async () => {
    actAs(lea);
    const before = await row(lea);
    expect(await change({})).toEqual({ ok: true, message: 'SAVED' });
    const after = await row(lea);
    expect(await verifyPassword(NEW, after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { actorId: lea.userId, action: 'PASSWORD_CHANGE' } });
    expect(entry).toMatchObject({ entityType: 'User', entityId: lea.userId });
    for (const secret of [NEW, OLD, after.passwordHash, before.passwordHash]) expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('acts on the signed-in user only: a posted user id is ignored', async () => {
    actAs(lea);
    const other = await row(otto);
    expect(await change({ userId: otto.userId })).toMatchObject({ ok: true });
    expect(await verifyPassword(NEW, (await row(lea)).passwordHash)).toBe(true);
    expect(await row(otto)).toEqual(other);
  });

  it('locks after five wrong current passwords, like sign-in', async () => {
    actAs(lea);
    for (let i = 0; i < 5; i++) await change({ currentPassword: `wrong-${i}` });
    expect((await change({})).fieldErrors).toEqual({ currentPassword: ['currentPasswordThrottled'] });
    expect(await verifyPassword(OLD, (await row(lea)).passwordHash)).toBe(true);
  });
});

describe('one’s own display name', () => {
  it('renames only the signed-in user, at the version read, with an audit entry', async () => {
    actAs(otto);
    const other = await row(lea);
    const { version } = await row(otto);
    expect(await renameSelfAction(null, { version, name: '  奥托·新名  ', userId: lea.userId })).toEqual({ ok: true, message: 'SAVED' });
    expect(await row(otto)).toMatchObject({ name: '奥托·新名', version: version + 1 });
    expect(await row(lea)).toEqual(other);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { actorId: otto.userId, action: 'NAME_CHANGE' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ before: { name: '奥托' }, after: { name: '奥托·新名' } });
  });

  it('a stale form gets CONFLICT with what is saved now', async () => {
    actAs(otto);
    const { version, name } = await row(otto);
    const result = await renameSelfAction(null, { version: version - 1, name: '过期的修改' });
    expect(result).toMatchObject({ ok: false, message: 'CONFLICT', current: { version, name } });
    expect((await row(otto)).name).toBe(name);
  });
});

describe('an administrator edits a user’s name and email', () => {
  it('saves both at the version read, audited before → after', async () => {
    actAs(actors.admin);
    const target = await prisma.user.create({ data: { email: 'old@bank.example', name: '旧名', role: 'LEADER', passwordHash: 'x' } });
    const result = await updateUserDetailsAction(null, { userId: target.id, version: target.version, name: '新名', email: ' New@Bank.example ' });
    expect(result).toEqual({ ok: true, message: 'SAVED' });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ name: '新名', email: 'new@bank.example', version: 2 });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: target.id, action: 'USER_UPDATE' } });
    expect(entry).toMatchObject({ before: { name: '旧名', email: 'old@bank.example' }, after: { name: '新名', email: 'new@bank.example' } });
  });

  it('a taken email is a message at the field, and nothing is written', async () => {
    actAs(actors.admin);
    const target = await prisma.user.create({ data: { email: 'taken-test@bank.example', name: '某人', role: 'LEADER', passwordHash: 'x' } });
    const before = await dbFingerprint(prisma);
    const result = await updateUserDetailsAction(null, { userId: target.id, version: target.version, name: '某人', email: 'LEA.MEYER@bank.example' });
    expect(result).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { email: ['emailTaken'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('a stale form gets CONFLICT, an unknown user NOT_FOUND', async () => {
    actAs(actors.admin);
    const target = await prisma.user.create({ data: { email: 'stale@bank.example', name: '甲', role: 'LEADER', passwordHash: 'x', version: 3 } });
    expect(await updateUserDetailsAction(null, { userId: target.id, version: 2, name: '乙', email: 'stale@bank.example' })).toMatchObject({
      message: 'CONFLICT',
      current: { version: 3, name: '甲', email: 'stale@bank.example' },
    });
    expect(await updateUserDetailsAction(null, { userId: 999_999, version: 1, name: '乙', email: 'nobody@bank.example' })).toMatchObject({
      message: 'NOT_FOUND',
    });
  });
});

describe('an administrator resets a password', () => {
  it('answers a temporary password once, stores only its hash, marks the user and ends their sessions', async () => {
    actAs(actors.admin);
    const before = await row(otto);
    const result = await resetPasswordAction(null, { userId: otto.userId });
    const temporary = result.data?.temporaryPassword ?? '';
    expect(result).toMatchObject({ ok: true, message: 'SAVED' });
    const after = await row(otto);
    expect(await verifyPassword(temporary, after.passwordHash)).toBe(true);
    expect(after).toMatchObject({ mustChangePassword: true, sessionVersion: before.sessionVersion + 1 });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: otto.userId, action: 'PASSWORD_RESET' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actorId: actors.admin.userId, after: { mustChangePassword: true } });
    expect(JSON.stringify(entry)).not.toContain(temporary);
    expect(JSON.stringify(entry)).not.toContain(after.passwordHash);
  });

  it('is not for the administrator’s own account', async () => {
    actAs(actors.admin);
    const before = await dbFingerprint(prisma);
    expect(await resetPasswordAction(null, { userId: actors.admin.userId })).toMatchObject({ ok: false, fieldErrors: { userId: ['resetSelf'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });
});

describe('a user whose password was reset', () => {
  it('is refused every other action with the reason, and nothing changes', async () => {
    const actions = await discoverActions();
    let n = 9000;
    for (const [name, entry] of Object.entries(ACTIONS)) {
      if (entry.capability === null || baseName(name) === 'account#changePasswordAction') continue;
      // The actor each action would otherwise be allowed as, marked as having to change the password.
      const cap: string = entry.capability;
      const base = ['stage:decide', 'comment:write'].includes(cap)
        ? actors.regulator
        : ['user:manage', 'data:import'].includes(cap)
          ? actors.admin
          : actors.cmb;
      const actor = { ...base, mustChangePassword: true };
      const input = await entry.input({ prisma, actors, actor, n: ++n });
      const before = await dbFingerprint(prisma);
      actAs(actor);
      const result = await actions.get(baseName(name))!(null, input);
      expect(result, name).toMatchObject({ ok: false, message: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      expect(await dbFingerprint(prisma), name).toBe(before);
    }
  });

  it('may change the password with the temporary one, which lifts the mark', async () => {
    await prisma.user.update({ where: { id: lea.userId }, data: { mustChangePassword: true } });
    actAs({ ...lea, mustChangePassword: true });
    expect(await change({})).toEqual({ ok: true, message: 'SAVED' });
    expect((await row(lea)).mustChangePassword).toBe(false);
  });
});
