import 'server-only';
import { cache } from 'react';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Actor } from '../rules/authz';
import { actorOfUser, findSessionUser } from '../data/users';
import { SESSION_MAX_AGE_SECONDS } from './auth';

// next-auth's own cookie name (the __Secure- one on an https site); a large token
// is split into numbered chunks (name.0, name.1, …), joined in order.
const SECURE = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
const SESSION_COOKIE = `${SECURE ? '__Secure-' : ''}next-auth.session-token`;
const chunkIndex = (name: string) =>
  name === SESSION_COOKIE ? 0 : /^\d+$/.test(name.slice(SESSION_COOKIE.length + 1)) ? Number(name.slice(SESSION_COOKIE.length + 1)) : -1;
const isSessionChunk = (name: string) => name === SESSION_COOKIE || (name.startsWith(`${SESSION_COOKIE}.`) && chunkIndex(name) >= 0);

/**
 * The signed-in user's id and the session version the token was issued under,
 * from the session cookie, checked the way next-auth checks it (decrypted with
 * NEXTAUTH_SECRET; expired or altered tokens fail). Decoding it directly spares
 * getServerSession's work that a server component cannot use: a CSRF token and
 * a re-encoded cookie it has no way to set.
 */
async function sessionToken(): Promise<{ userId: number; version: number; token: JWT } | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const chunks = (await cookies())
    .getAll()
    .filter((c) => isSessionChunk(c.name))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (chunks.length === 0) return null;
  const token = await decode({ token: chunks.map((c) => c.value).join(''), secret }).catch(() => null);
  if (!token) return null;
  const userId = Number(token.sub);
  const version = token.sv;
  return Number.isInteger(userId) && userId > 0 && typeof version === 'number' ? { userId, version, token } : null;
}

/**
 * The one place a request becomes an actor. Pages, server actions and route
 * handlers all call this; nothing else reads the session. The role and
 * institution come from the database, not the token: a disabled user or a
 * changed role takes effect at the next request, and a token issued under an
 * older session version (before a sign-out, disabling, role or password
 * change) is refused. Every request waits for this read (lib/data/users.ts).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await sessionToken();
  if (token === null) return null;
  const user = await findSessionUser(token.userId);
  if (!user || user.sessionVersion !== token.version) return null;
  return actorOfUser(user);
});

/** Where a user whose password an administrator reset is sent until they change it. */
export const PASSWORD_PAGE = '/account/password';

/**
 * The actor, or a redirect to the sign-in page. A user whose password an
 * administrator reset is sent to the password page from every other page.
 */
export async function requireActor(options: { passwordPage?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  if (actor.mustChangePassword && !options.passwordPage) redirect(PASSWORD_PAGE);
  return actor;
}

/**
 * After the user changed their own password (which ended every session they
 * held): a new session cookie for this browser under the new version, so the
 * browser that made the change stays signed in and no other does. next-auth 4
 * has no server-side call that issues a session, so this writes what its
 * sign-in writes: the same token (user id, name, email) with the new version,
 * encoded by next-auth's own `encode` with the same secret and a full lifetime,
 * under next-auth's cookie name and options (httpOnly, SameSite=Lax, path /,
 * Secure on https). Callable from a server action, where cookies can be set.
 */
export async function renewSession(version: number): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  const current = await sessionToken();
  if (!secret || !current) return;
  const { sub, name, email, picture } = current.token;
  const value = await encode({ token: { sub, name, email, picture, sv: version }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  const jar = await cookies();
  // The token is far below a cookie's 4 KB, so it goes in one cookie; chunks of an older, larger one go.
  for (const c of jar.getAll()) if (c.name !== SESSION_COOKIE && isSessionChunk(c.name)) jar.delete(c.name);
  jar.set(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: SECURE,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
}
