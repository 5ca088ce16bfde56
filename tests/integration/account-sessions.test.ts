/**
 * Accounts and sessions with the session choke point real (getActor reads the
 * cookie the browser would send): the last sign-in, a password change that
 * ends every other session while this browser gets a new one, and a reset
 * password that lets the user do nothing but change it.
 */
import { encode, type JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { changePasswordAction } from '@/app/actions/account';
import { resetPasswordAction } from '@/app/actions/users';
import { GET as auditRoute } from '@/app/api/audit/route';
import { authOptions, authorizeCredentials } from '@/lib/server/auth';
import { hashPassword } from '@/lib/server/passwords';
import { getActor, requireActor } from '@/lib/server/session';
import { resetDatabase, testClient } from '../support/db';

const SECRET = 'integration-test-secret-0123456789abcdef';
const COOKIE = 'next-auth.session-token';
type Cookie = { name: string; value: string; options?: Record<string, unknown> };
const jar: Cookie[] = [];
const cookieStore = {
  getAll: () => jar,
  get: (name: string) => jar.find((c) => c.name === name),
  set: (name: string, value: string, options?: Record<string, unknown>) =>
    jar.splice(0, jar.length, ...jar.filter((c) => c.name !== name), { name, value, options }),
  delete: (name: string) => jar.splice(0, jar.length, ...jar.filter((c) => c.name !== name)),
};
vi.mock('next/headers', () => ({ cookies: async () => cookieStore }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));

const prisma = testClient();
const PASSWORD = 'Old-Secret-Phrase-2030';
const NEW = 'Quiet-Lantern-Harbour-7';
const EMAIL = 'mia@bank.example';
let admin: JWT;

type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>['jwt']>>[0];
const jwtCallback = (params: Partial<JwtParams>) => authOptions.callbacks!.jwt!({ account: null, ...params } as JwtParams);

/** Signs in as next-auth does; the token the browser then holds. */
async function signIn(email: string, password: string): Promise<JWT> {
  const user = await authorizeCredentials({ email, password }, { headers: {} });
  if (!user) throw new Error(`sign-in refused for ${email}`);
  return jwtCallback({ token: { sub: user.id, email, name: user.name }, user: { ...user, id: user.id } });
}
/** Puts the token in the browser's jar, as the next request would carry it. */
async function browse(token: JWT) {
  jar.splice(0, jar.length, { name: COOKIE, value: await encode({ token, secret: SECRET }) });
}
async function actorWith(token: JWT): Promise<Actor | null> {
  await browse(token);
  return getActor();
}
const mia = () => prisma.user.findUniqueOrThrow({ where: { email: EMAIL } });

beforeAll(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', SECRET);
  await resetDatabase(prisma);
  const passwordHash = await hashPassword(PASSWORD);
  await prisma.user.create({ data: { email: 'root@bank.example', name: 'Root', role: 'ADMIN', allPrograms: true, passwordHash } });
  await prisma.user.create({ data: { email: EMAIL, name: 'Mia', role: 'LEADER', allPrograms: true, passwordHash } });
  admin = await signIn('root@bank.example', PASSWORD);
});
beforeEach(async () => {
  await prisma.signInThrottle.deleteMany();
  await prisma.user.update({ where: { email: EMAIL }, data: { passwordHash: await hashPassword(PASSWORD), mustChangePassword: false } });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await prisma.$disconnect();
});

describe('last sign-in', () => {
  it('is recorded at each successful sign-in, and not by a failed one', async () => {
    await prisma.user.update({ where: { email: EMAIL }, data: { lastSignInAt: null } });
    expect(await authorizeCredentials({ email: EMAIL, password: 'wrong-password' }, { headers: {} })).toBeNull();
    expect((await mia()).lastSignInAt).toBeNull();
    const started = Date.now();
    await signIn(EMAIL, PASSWORD);
    const first = (await mia()).lastSignInAt!;
    expect(first.getTime()).toBeGreaterThanOrEqual(started - 1000);
    await new Promise((r) => setTimeout(r, 20));
    await signIn(EMAIL, PASSWORD);
    expect((await mia()).lastSignInAt!.getTime()).toBeGreaterThan(first.getTime());
  });
});

describe('a password change', () => {
  it('ends the sessions of every other browser, and this browser keeps one under the new version', async () => {
    const here = await signIn(EMAIL, PASSWORD);
    const elsewhere = await signIn(EMAIL, PASSWORD);
    await browse(here);
    expect(await changePasswordAction(null, { currentPassword: PASSWORD, newPassword: NEW, confirmPassword: NEW })).toEqual({ ok: true, message: 'SAVED' });
    // The jar now holds the cookie the action set: this browser is still Mia.
    const renewed = jar.find((c) => c.name === COOKIE)!;
    expect(renewed.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
    expect(await getActor()).toMatchObject({ name: 'Mia', role: 'LEADER' });
    // Both tokens issued before the change have ended, including a copy of this browser's old cookie.
    expect(await actorWith(elsewhere)).toBeNull();
    expect(await actorWith(here)).toBeNull();
    // next-auth renews the new token and refuses the old ones (it then clears their cookies).
    await expect(jwtCallback({ token: elsewhere })).rejects.toThrow();
    // The new password signs in; the old one does not.
    expect(await authorizeCredentials({ email: EMAIL, password: PASSWORD }, { headers: {} })).toBeNull();
    expect(await actorWith(await signIn(EMAIL, NEW))).not.toBeNull();
  });
});

describe('a reset password', () => {
  async function reset(): Promise<string> {
    await browse(admin);
    const result = await resetPasswordAction(null, { userId: (await mia()).id });
    return result.data!.temporaryPassword;
  }

  it('ends the user’s sessions; signed in with the temporary password, the user may only change it', async () => {
    const before = await signIn(EMAIL, PASSWORD);
    const temporary = await reset();
    expect(await actorWith(before)).toBeNull();

    const token = await signIn(EMAIL, temporary);
    expect(await actorWith(token)).toMatchObject({ name: 'Mia', mustChangePassword: true });
    // Pages: every one sends the user to the password page, which alone opens.
    await expect(requireActor()).rejects.toThrow('REDIRECT /account/password');
    await expect(requireActor({ passwordPage: true })).resolves.toMatchObject({ name: 'Mia' });
    // Route handlers: 403 with the reason, even where the role would read.
    const res = await auditRoute(new Request('http://portal.test/api/audit'), { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });

    // The change itself goes through, and afterwards everything is open again in this browser.
    expect(await changePasswordAction(null, { currentPassword: temporary, newPassword: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    expect(await getActor()).toMatchObject({ name: 'Mia', mustChangePassword: false });
    await expect(requireActor()).resolves.toMatchObject({ name: 'Mia' });
  });

  it('refuses a non-administrator, with the user’s password and sessions untouched', async () => {
    const token = await signIn(EMAIL, PASSWORD);
    const other = await prisma.user.create({ data: { email: `target-${Date.now()}@bank.example`, name: 'T', role: 'LEADER', passwordHash: 'x' } });
    await browse(token);
    expect(await resetPasswordAction(null, { userId: other.id })).toMatchObject({ ok: false, message: 'FORBIDDEN' });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ passwordHash: 'x', mustChangePassword: false, sessionVersion: 1 });
    expect(await actorWith(token)).not.toBeNull();
  });
});
