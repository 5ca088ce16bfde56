/**
 * A session ends on the server: a token issued before a sign-out, disabling or
 * a role change no longer yields an actor, and next-auth refuses to renew it.
 * getActor() runs for real here, reading the cookie the browser would send.
 */
import { encode, type JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Role } from '@/lib/rules/authz';
import { authOptions, authorizeCredentials, SessionEndedError } from '@/lib/server/auth';
import { endSessions, updateUser } from '@/lib/data/users';
import { db } from '@/lib/server/db';
import { hashPassword } from '@/lib/server/passwords';
import { getActor } from '@/lib/server/session';
import { resetDatabase, testClient } from '../support/db';

const SECRET = 'integration-test-secret-0123456789abcdef';
const jar: { name: string; value: string }[] = [];
vi.mock('next/headers', () => ({ cookies: async () => ({ getAll: () => jar, get: (name: string) => jar.find((c) => c.name === name) }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
const PASSWORD = 'correct-horse-battery';
let admin: Actor;

beforeAll(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', SECRET);
  await resetDatabase(prisma);
  const passwordHash = await hashPassword(PASSWORD);
  const row = await prisma.user.create({ data: { email: 'admin@bank.example', name: 'Admin', role: 'ADMIN', passwordHash } });
  admin = { userId: row.id, role: 'ADMIN', institutionId: null, name: 'Admin', programs: 'ALL' };
  await prisma.user.create({ data: { email: 'lea@bank.example', name: 'Lea', role: 'LEADER', passwordHash } });
});
beforeEach(() => prisma.signInThrottle.deleteMany());
afterAll(async () => {
  vi.unstubAllEnvs();
  await prisma.$disconnect();
});

type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>['jwt']>>[0];
const jwtCallback = (params: Partial<JwtParams>) => authOptions.callbacks!.jwt!({ account: null, ...params } as JwtParams);

/** Signs in as next-auth does: authorize, then the jwt callback with the user; the token as the browser holds it. */
async function signIn(email: string): Promise<JWT> {
  const user = await authorizeCredentials({ email, password: PASSWORD }, { headers: {} });
  if (!user) throw new Error(`sign-in refused for ${email}`);
  return jwtCallback({ token: { sub: user.id, email }, user: { ...user, id: user.id } });
}
/** The actor a request carrying this token gets. */
async function actorWith(token: JWT): Promise<Actor | null> {
  jar.splice(0, jar.length, { name: 'next-auth.session-token', value: await encode({ token, secret: SECRET }) });
  return getActor();
}
const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const setUser = async (email: string, change: { role?: Role; disabled?: boolean }) => {
  const current = await prisma.user.findUniqueOrThrow({ where: { email } });
  await updateUser({ actor: admin, input: { userId: current.id, role: change.role ?? current.role, institutionId: null, disabled: change.disabled ?? false } });
};

describe('session version', () => {
  it('a token issued at sign-in carries the version and yields the actor', async () => {
    const token = await signIn('lea@bank.example');
    expect(token.sv).toBe((await prisma.user.findUniqueOrThrow({ where: { email: 'lea@bank.example' } })).sessionVersion);
    expect(await actorWith(token)).toMatchObject({ role: 'LEADER', name: 'Lea' });
  });

  it('signing out ends every token issued before, and a new sign-in works', async () => {
    const token = await signIn('lea@bank.example');
    const otherDevice = await signIn('lea@bank.example');
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await actorWith(token)).toBeNull();
    expect(await actorWith(otherDevice)).toBeNull();
    expect(await actorWith(await signIn('lea@bank.example'))).not.toBeNull();
  });

  it('signing out with a token that has already ended changes nothing for the current one', async () => {
    const stale = await signIn('lea@bank.example');
    await authOptions.events!.signOut!({ token: stale, session: null as never });
    const current = await signIn('lea@bank.example');
    await authOptions.events!.signOut!({ token: stale, session: null as never });
    expect(await actorWith(current)).not.toBeNull();
  });

  it('disabling ends the sessions, and re-enabling does not bring old tokens back', async () => {
    const token = await signIn('lea@bank.example');
    await setUser('lea@bank.example', { disabled: true });
    expect(await actorWith(token)).toBeNull();
    await setUser('lea@bank.example', { disabled: false });
    expect(await actorWith(token)).toBeNull();
    expect(await actorWith(await signIn('lea@bank.example'))).not.toBeNull();
  });

  it('a role change ends the sessions; saving the same role does not', async () => {
    const token = await signIn('lea@bank.example');
    await setUser('lea@bank.example', { role: 'LEADER' });
    expect(await actorWith(token)).not.toBeNull();
    await setUser('lea@bank.example', { role: 'REGULATOR' });
    expect(await actorWith(token)).toBeNull();
    expect(await actorWith(await signIn('lea@bank.example'))).toMatchObject({ role: 'REGULATOR' });
    await setUser('lea@bank.example', { role: 'LEADER' });
  });

  it('a password change (endSessions in its transaction) ends the sessions', async () => {
    const token = await signIn('lea@bank.example');
    const id = await userId('lea@bank.example');
    await db.$transaction(async (tx) => endSessions({ userId: id, tx }));
    expect(await actorWith(token)).toBeNull();
  });

  it('a token without a version, or for an unknown user, yields no actor', async () => {
    const token = await signIn('lea@bank.example');
    expect(await actorWith({ ...token, sv: undefined })).toBeNull();
    expect(await actorWith({ ...token, sub: '99999' })).toBeNull();
  });

  it('next-auth renews a current token and refuses a stale or disabled one (it then clears the cookie)', async () => {
    const token = await signIn('lea@bank.example');
    expect(await jwtCallback({ token })).toEqual(token);
    await authOptions.events!.signOut!({ token, session: null as never });
    await expect(jwtCallback({ token })).rejects.toBeInstanceOf(SessionEndedError);
    const fresh = await signIn('lea@bank.example');
    await prisma.user.update({ where: { email: 'lea@bank.example' }, data: { disabled: true } });
    await expect(jwtCallback({ token: fresh })).rejects.toBeInstanceOf(SessionEndedError);
    await prisma.user.update({ where: { email: 'lea@bank.example' }, data: { disabled: false } });
  });
});
