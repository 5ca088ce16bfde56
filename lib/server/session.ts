import 'server-only';
import { cache } from 'react';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Actor } from '../rules/authz';
import { findSessionUser } from '../data/users';

// next-auth's own cookie name (the __Secure- one on an https site); a large token
// is split into numbered chunks (name.0, name.1, …), joined in order.
const SESSION_COOKIE = `${process.env.NEXTAUTH_URL?.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
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
async function sessionToken(): Promise<{ userId: number; version: number } | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const chunks = (await cookies())
    .getAll()
    .filter((c) => isSessionChunk(c.name))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (chunks.length === 0) return null;
  const token = await decode({ token: chunks.map((c) => c.value).join(''), secret }).catch(() => null);
  const userId = Number(token?.sub);
  const version = token?.sv;
  return Number.isInteger(userId) && userId > 0 && typeof version === 'number' ? { userId, version } : null;
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
  if (!user || user.disabled || user.sessionVersion !== token.version) return null;
  if (user.role === 'INSTITUTION' && user.institutionId === null) return null;
  // An institution user reads its institution's projects in any program; others the programs granted.
  const programs = user.role === 'INSTITUTION' || user.allPrograms ? 'ALL' : user.programIds;
  return { userId: user.id, role: user.role, institutionId: user.institutionId, name: user.name, programs };
});

/** The actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  return actor;
}
