import 'server-only';
/**
 * The rows of a previewed file, kept for a short while so that confirming the
 * import does not read the file a second time. Keyed by user, table and the
 * file's hash; the confirmation still sends the file and its hash is checked,
 * and when the rows are gone (expired, evicted, or another server process
 * answered the preview) the file is simply read again. Only the rows are kept:
 * the checks against the database run again inside the import's transaction.
 */
import type { ReadRow } from './tabular/read';

const TTL_MS = 10 * 60_000;
/** At most this many files' rows at once (20,000 rows are some tens of MB). */
const MAX_KEPT = 4;

type Kept = { rows: ReadRow[]; until: number };
const holder = globalThis as unknown as { checkedUploads?: Map<string, Kept> };
const kept: Map<string, Kept> = (holder.checkedUploads ??= new Map());

type Key = { userId: number; table: string; hash: string };
const keyOf = (k: Key) => `${k.userId}:${k.table}:${k.hash}`;

function dropExpired(now: number) {
  for (const [key, entry] of kept) if (entry.until <= now) kept.delete(key);
}

/** Keeps the rows of a file that passed its preview; a user's earlier file is forgotten. */
export function keepCheckedRows(key: Key, rows: ReadRow[], now = Date.now()) {
  dropExpired(now);
  for (const k of kept.keys()) if (k.startsWith(`${key.userId}:`)) kept.delete(k);
  // Maps iterate in insertion order: the oldest goes first.
  while (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(keyOf(key), { rows, until: now + TTL_MS });
}

/** The kept rows of that file, once: taking them forgets them. */
export function takeCheckedRows(key: Key, now = Date.now()): ReadRow[] | null {
  dropExpired(now);
  const entry = kept.get(keyOf(key));
  kept.delete(keyOf(key));
  return entry?.rows ?? null;
}
