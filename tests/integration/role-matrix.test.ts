/**
 * Every role (and signed-out) against every server action and route handler,
 * expecting exactly what the permission map says. Driven from the map and from
 * the exports of app/actions and the route files under app/api: a new action or
 * route without a registry entry fails here.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { can, PERMISSIONS, type Actor, type Role } from '@/lib/rules/authz';
import { seedBeijingPilot } from '@/seeds/seed';
import { ACTIONS, baseName, discoverActions, discoverRoutes, ROUTES } from '../support/action-registry';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

const prisma = testClient();
let actors: TestActors;
let n = 0;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const ROLES = [null, ...(Object.keys(PERMISSIONS) as Role[])];
const actorFor = (role: Role | null): Actor | null =>
  role === null ? null : { ADMIN: actors.admin, REGULATOR: actors.regulator, LEADER: actors.leader, INSTITUTION: actors.cmb, REVIEWER: actors.reviewer }[role];

function toFormData(input: Record<string, unknown>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    // A list (a multiple select's choices) is the field repeated, as a browser posts it.
    if (Array.isArray(v)) for (const item of v) form.append(k, String(item));
    else form.set(k, v instanceof Blob ? v : String(v));
  }
  return form;
}

describe('the registry covers everything', () => {
  it('has an entry for every exported server action, and no stale entries', async () => {
    const exported = [...(await discoverActions()).keys()].sort();
    expect(exported).toEqual([...new Set(Object.keys(ACTIONS).map(baseName))].sort());
  });
  it('has an entry for every route handler, and no stale entries', () => {
    expect(discoverRoutes()).toEqual([...new Set(Object.keys(ROUTES).map(baseName))].sort());
  });
});

describe('server actions × roles', async () => {
  const actions = await discoverActions();
  for (const [name, entry] of Object.entries(ACTIONS)) {
    for (const role of ROLES) {
      const allowed = entry.capability === null || (role !== null && (entry.capability === 'signed-in' || PERMISSIONS[role].includes(entry.capability)));
      it(`${name} as ${role ?? 'signed out'} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const actor = actorFor(role);
        if (entry.capability === 'signed-in') expect(actor !== null).toBe(allowed);
        else expect(can(actor, entry.capability ?? 'program:read') || entry.capability === null).toBe(allowed);
        const input = await entry.input({ prisma, actors, actor, n: ++n });
        const fn = actions.get(baseName(name))!;
        const before = await dbFingerprint(prisma);
        const audits = await prisma.auditEntry.count();
        actAs(actor);
        const result = entry.formOnly ? await (fn as unknown as (f: FormData) => Promise<unknown>)(toFormData(input)) : await fn(null, toFormData(input));
        if (!allowed) {
          // A refusal may hand back what was typed, so the form keeps it; never a password.
          const { values, ...refusal } = result as { values?: Record<string, unknown> };
          expect(refusal).toEqual({ ok: false, message: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
          expect(Object.keys(values ?? {})).not.toContain('password');
          expect(await dbFingerprint(prisma)).toBe(before);
        } else if (entry.formOnly) {
          expect(result).toBeUndefined();
        } else {
          expect(result).toEqual(entry.success ?? { ok: true, message: 'SAVED' });
          expect(await prisma.auditEntry.count()).toBe(audits + (entry.audited ? 1 : 0));
        }
      });
    }
  }
});

describe('route handlers × roles', () => {
  for (const [route, entry] of Object.entries(ROUTES)) {
    for (const role of ROLES) {
      const allowed = entry.capability === null || (role !== null && PERMISSIONS[role].includes(entry.capability));
      it(`GET /${route} as ${role ?? 'signed out'} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const actor = actorFor(role);
        // A route of the reader's own record asks for one made for this reader.
        const { path: url, params } = entry.own ? await entry.own({ prisma, actors, actor, n: ++n }) : { path: entry.path, params: entry.params ?? {} };
        actAs(actor);
        type Handler = (r: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const { GET } = (await import(/* @vite-ignore */ path.resolve('app', baseName(route), 'route.ts'))) as { GET: Handler };
        const res = await GET(new Request(`http://portal.test${url}`), { params: Promise.resolve(params) });
        expect(res.status).toBe(allowed ? 200 : role === null ? 401 : 403);
        if (!allowed) expect(JSON.stringify(await res.json())).not.toContain('entries');
      });
    }
  }
});
