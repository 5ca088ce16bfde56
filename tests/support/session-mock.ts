/**
 * The actor that the mocked session choke point returns. Each integration test
 * file that calls server actions mocks '@/lib/session' with `mockedSession`;
 * everything below it (data layer, database) stays real.
 */
import type { Actor } from '@/lib/rules/authz';

export const currentSession: { actor: Actor | null } = { actor: null };

export function actAs(actor: Actor | null) {
  currentSession.actor = actor;
}

export const mockedSession = {
  PASSWORD_PAGE: '/account/password',
  getActor: async () => currentSession.actor,
  /** A password change gives the browser a new session cookie; with the session mocked there is none. */
  renewSession: async () => undefined,
  requireActor: async () => {
    if (!currentSession.actor) throw new Error('NEXT_REDIRECT /signin');
    return currentSession.actor;
  },
};
