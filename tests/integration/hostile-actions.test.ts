/**
 * Property tests against the server actions themselves, with the database real:
 * random payloads of any shape, and valid inputs with hostile fields, as an actor
 * who is allowed to call the action. Never a throw, always a field message (or a
 * plain refusal for payloads that are not even objects), the database unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { seedBeijingPilot } from '@/seeds/seed';
import { ACTIONS, baseName, discoverActions } from '../support/action-registry';
import { resetDatabase, testClient } from '../support/db';
import { mutated } from '../support/hostile';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const RUNS = 40;
const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const actorFor = (capability: string): Actor =>
  // An action on one's own account needs no capability: a leader, who holds no write capability, calls them.
  capability === 'signed-in'
    ? actors.leader
    : ['stage:decide', 'comment:write', 'return:manage', 'return:review', 'incident:decide', 'monitoring:manage', 'assessment:manage'].includes(capability)
      ? actors.regulator
      : ['user:manage', 'data:import', 'project:manage', 'catalogue:manage'].includes(capability)
        ? actors.admin
        : actors.cmb;

const WRITE_ACTIONS = Object.entries(ACTIONS).filter(([, e]) => e.capability !== null);

describe('hostile input at every write action', async () => {
  const actions = await discoverActions();
  let n = 5000;

  for (const [name, entry] of WRITE_ACTIONS) {
    it(`${name}: hostile fields get a field message and change nothing`, async () => {
      const actor = actorFor(entry.capability!);
      const valid = await entry.input({ prisma, actors, actor, n: ++n });
      actAs(actor);
      await fc.assert(
        fc.asyncProperty(mutated(valid, entry.fields, entry.hostile), async ({ input }) => {
          const before = await dbFingerprint(prisma);
          const result = (await actions.get(baseName(name))!(null, input)) as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };
          expect(result.ok).toBe(false);
          expect(result.message).toBe('INVALID_INPUT');
          expect(Object.values(result.fieldErrors ?? {}).flat().length).toBeGreaterThan(0);
          expect(await dbFingerprint(prisma)).toBe(before);
        }),
        { numRuns: RUNS },
      );
    });

    it(`${name}: payloads of any shape never throw and change nothing`, async () => {
      const actor = actorFor(entry.capability!);
      actAs(actor);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...entry.fields, '__proto__', 'constructor'), fc.anything())),
          async (payload) => {
            // A payload that is a valid input by chance (`{ upTo: 1 }`) is not hostile.
            fc.pre(!entry.schema?.safeParse(payload).success);
            const before = await dbFingerprint(prisma);
            const result = (await actions.get(baseName(name))!(null, payload)) as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };
            expect(result.ok).toBe(false);
            expect(result.message).toBe('INVALID_INPUT');
            expect(Object.keys(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
            expect(await dbFingerprint(prisma)).toBe(before);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
