import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from './auth';
import type { Actor } from './authz';
import { db } from './db';

/**
 * The one place a request becomes an actor. Pages, server actions and route
 * handlers all call this; nothing else reads the session. The role and
 * institution come from the database, not the token: a disabled user or a
 * changed role takes effect at the next request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = Number(session?.userId);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, institutionId: true, name: true, disabled: true },
  });
  if (!user || user.disabled) return null;
  if (user.role === 'INSTITUTION' && user.institutionId === null) return null;
  return { userId: user.id, role: user.role, institutionId: user.institutionId, name: user.name };
});

/** The actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  return actor;
}
