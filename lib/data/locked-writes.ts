import 'server-only';
/**
 * The two writes every correctable record shares: an edit under optimistic
 * locking, and retiring or restoring it. Each names the version it read; the
 * UPDATE's WHERE names it again, so a concurrent writer is never overwritten
 * (the loser gets CONFLICT with what is stored now). Each writes its audit entry
 * (before → after) in the caller's transaction.
 */
import type { Actor } from '../rules/authz';
import { changedFields } from '../rules/provenance';
import { ConflictError } from '../server/errors';
import { snapshot, writeAudit, type Tx } from './audit';
import type { AuditAction } from '../generated/prisma/enums';

type Stored = { version: number; retiredAt: Date | null };
type Counted = Promise<{ count: number }>;

/** What a retirement or a restoration writes: the mark, who set it, and the next version. */
export type RetirementData = { retiredAt: Date | null; retiredById: number | null; version: { increment: number } };

/** What a conflicting form shows: the version and state stored now, and the fields it edits. */
export const conflictState = (stored: Stored, fields: Record<string, unknown> = {}) =>
  snapshot({ ...fields, retiredAt: stored.retiredAt?.toISOString() ?? null, version: stored.version });

/** The fields of `keys` whose value differs, as before and after (both empty when nothing changed). */
export function changes<K extends string>(stored: Record<K, unknown>, input: Record<K, unknown>, keys: readonly K[]) {
  const changed = changedFields(keys, stored, input);
  return { changed, before: Object.fromEntries(changed.map((k) => [k, stored[k]])), after: Object.fromEntries(changed.map((k) => [k, input[k]])) };
}

type Target = {
  actor: Actor;
  entityType: string;
  entityId: number;
  /** The project the record belongs to, for the project's history. */
  projectId: number | null;
  stored: Stored;
  /** The version the form was read at. */
  expected: number;
  /** What is stored now, read again after a lost race (for CONFLICT). */
  reread: () => Promise<Record<string, unknown>>;
};

/**
 * An edit: `update` runs the model's updateMany with `version: expected` in its
 * WHERE and the version incremented in its data; nothing is written when
 * nothing changed. `before`/`after` are the changed fields, for the history.
 */
export async function lockedEdit(
  tx: Tx,
  target: Target & { action: AuditAction; before: Record<string, unknown>; after: Record<string, unknown>; update: () => Counted },
): Promise<{ version: number }> {
  const { stored, expected } = target;
  if (stored.version !== expected) throw new ConflictError(await target.reread());
  if (Object.keys(target.after).length === 0) return { version: stored.version };
  const { count } = await target.update();
  if (count === 0) throw new ConflictError(await target.reread());
  await writeAudit(tx, {
    actor: target.actor,
    action: target.action,
    entityType: target.entityType,
    entityId: target.entityId,
    projectId: target.projectId,
    before: snapshot({ ...target.before, version: stored.version }),
    after: snapshot({ ...target.after, version: stored.version + 1 }),
  });
  return { version: stored.version + 1 };
}

/**
 * Retires (a soft removal) or restores a record. A form read before someone
 * else retired or restored it names an older version: CONFLICT, as for an edit.
 * `label` names the record in the history (its title, name or code).
 */
export async function retireOrRestore(
  tx: Tx,
  target: Target & { retire: boolean; label: Record<string, unknown>; update: (data: RetirementData) => Counted },
): Promise<{ version: number }> {
  const { stored, expected, actor, retire } = target;
  if (stored.version !== expected || retire === (stored.retiredAt !== null)) throw new ConflictError(await target.reread());
  const retiredAt = retire ? new Date() : null;
  const { count } = await target.update({ retiredAt, retiredById: retire ? actor.userId : null, version: { increment: 1 } });
  if (count === 0) throw new ConflictError(await target.reread());
  await writeAudit(tx, {
    actor,
    action: retire ? 'RECORD_RETIRE' : 'RECORD_RESTORE',
    entityType: target.entityType,
    entityId: target.entityId,
    projectId: target.projectId,
    before: snapshot({ ...target.label, retiredAt: stored.retiredAt?.toISOString() ?? null, version: stored.version }),
    after: snapshot({ ...target.label, retiredAt: retiredAt?.toISOString() ?? null, version: stored.version + 1 }),
  });
  return { version: stored.version + 1 };
}
