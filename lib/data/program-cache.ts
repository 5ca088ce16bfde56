import 'server-only';
import { LRUCache } from 'lru-cache';
import { Prisma } from '../generated/prisma/client';
import type { Actor } from '../rules/authz';
import type { FilterTargets } from '../rules/project-filter';
import { sql } from '../server/db';
import { memoByValue, stableKey } from '../server/memo';

/**
 * Aggregates cached across requests, per program, filters and scope, keyed on
 * the program's data stamp. Database triggers bump the stamp in the transaction
 * of every write to a table the dashboard reads (the migration that creates
 * ProgramDataStamp), whichever path writes: actions, imports, corrections, seeds.
 * The stamp is read from the database once per view (one indexed row), so a
 * write on one app instance is seen by the next view on every other; nothing
 * is invalidated by hand, and a stale entry is simply never asked for again.
 */

/** The program's stamp and the shared one (programId 0: institutions, technologies, indicators, lifecycles), as one text. */
export const programDataStamp = memoByValue('programDataStamp', async (programId: number): Promise<string> => {
  const [row] = await sql<{ stamp: string }>(Prisma.sql`
    SELECT coalesce(max(version) FILTER (WHERE "programId" = ${programId}), 0)::text || '.' ||
      coalesce(max(version) FILTER (WHERE "programId" = 0), 0)::text AS stamp
    FROM "ProgramDataStamp" WHERE "programId" IN (${programId}, 0)`);
  return row.stamp;
});

/** Roles whose read scope is the same for every user with the same institution and programs (lib/rules/authz.ts). */
const SHARED_SCOPE_ROLES: ReadonlySet<Actor['role']> = new Set(['ADMIN', 'REGULATOR', 'LEADER', 'INSTITUTION']);

/**
 * What an actor's read scope depends on. Any other role (a reviewer sees the
 * projects assigned to them) keeps its entries to itself: a role added later
 * fails safe, never sharing what one user may read with another.
 */
export function scopeKey(actor: Actor) {
  return {
    role: actor.role,
    institutionId: actor.institutionId,
    programs: actor.programs,
    user: SHARED_SCOPE_ROLES.has(actor.role) ? null : actor.userId,
  };
}

// One cache per server process, kept across hot reloads in development. Entries
// are promises, so concurrent views of a cold program share one run of the statement.
const globalForCache = globalThis as unknown as { programCache?: LRUCache<string, Promise<unknown>> };
const store = (globalForCache.programCache ??= new LRUCache<string, Promise<unknown>>({ max: 1000 }));

/**
 * A statement of a program's views, run at most once per program stamp, scope
 * and filters in this process, and once per request whatever asks for it. A
 * failure is not kept: the next view runs the statement again.
 */
export function cachedByProgram<R, A extends unknown[] = []>(name: string, run: (actor: Actor, targets: FilterTargets, ...more: A) => Promise<R>) {
  return memoByValue(name, async (actor: Actor, targets: FilterTargets, ...more: A): Promise<R> => {
    const stamp = await programDataStamp(targets.programId);
    const key = `${name}|${targets.programId}|${stamp}|${stableKey([scopeKey(actor), targets, more])}`;
    const hit = store.get(key) as Promise<R> | undefined;
    if (hit) return hit;
    const fresh = run(actor, targets, ...more);
    store.set(key, fresh);
    fresh.catch(() => store.delete(key));
    return fresh;
  });
}

/** The same for a read that takes one options object (`{ actor, targets, …the rest, plain data }`): the rest joins the key. */
export function cachedView<O extends { actor: Actor; targets: FilterTargets }, R>(name: string, run: (options: O) => Promise<R>) {
  const cached = cachedByProgram(name, (actor: Actor, targets: FilterTargets, rest: Omit<O, 'actor' | 'targets'>) => run({ ...rest, actor, targets } as O));
  return ({ actor, targets, ...rest }: O): Promise<R> => cached(actor, targets, rest);
}
