import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import type { Actor } from './authz';

/**
 * The one place a request becomes an actor. Pages, server actions and route
 * handlers all call this; nothing else reads the session.
 * (Sign-in is being wired in: until then every request acts as the built-in reviewer.)
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  return { userId: 0, role: 'REGULATOR', institutionId: null, name: 'reviewer' };
});

/** The actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  return actor;
}
