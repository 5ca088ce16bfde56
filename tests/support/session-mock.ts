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
  getActor: async () => currentSession.actor,
  requireActor: async () => {
    if (!currentSession.actor) throw new Error('NEXT_REDIRECT /signin');
    return currentSession.actor;
  },
};
