import 'server-only';
/**
 * How many uploads are read and checked at once: one per user and a few per
 * server process (IMPORT_LIMITS). Reading an upload takes a core and, for an
 * xlsx, memory in proportion to its sheets; beyond the limit an upload is
 * answered "busy, try again shortly" at once instead of queueing behind the
 * others while the pages wait.
 */
import { IMPORT_LIMITS } from './limits';

type Slots = { total: number; byUser: Map<number, number> };
// One count per process, even if this module is bundled more than once.
const holder = globalThis as unknown as { uploadSlots?: Slots };
const slots: Slots = (holder.uploadSlots ??= { total: 0, byUser: new Map() });

/** A slot for `userId`, as the function that frees it, or null when the user or the process is at its limit. */
export function takeUploadSlot(userId: number, limits: { perUser: number; perProcess: number } = IMPORT_LIMITS): (() => void) | null {
  const mine = slots.byUser.get(userId) ?? 0;
  if (mine >= limits.perUser || slots.total >= limits.perProcess) return null;
  slots.byUser.set(userId, mine + 1);
  slots.total++;
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    slots.total--;
    const left = (slots.byUser.get(userId) ?? 1) - 1;
    if (left > 0) slots.byUser.set(userId, left);
    else slots.byUser.delete(userId);
  };
}
