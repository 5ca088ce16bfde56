import 'server-only';
import { db } from '../server/db';

/** 5 failed sign-ins per account or per address within 15 minutes lock that key for 15 minutes. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * The client address as the reverse proxy reports it: the first entry of
 * X-Forwarded-For, else X-Real-IP. Production must sit behind a proxy that sets
 * these headers itself; the per-account limit holds whatever the header says.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const address = first(headers?.['x-forwarded-for']) || first(headers?.['x-real-ip']);
  return address ? address.slice(0, 64) : 'unknown';
}

/** Whether any of the keys is locked at `now`. */
export async function isThrottled(keys: string[], now = new Date()): Promise<boolean> {
  const locked = await db.signInThrottle.count({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  return locked > 0;
}

/**
 * Counts one failure against each key in a single statement per key, so
 * concurrent attempts on several app instances cannot lose a count. A window
 * older than 15 minutes starts again at one.
 */
export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  const windowFloor = new Date(now.getTime() - WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  for (const key of keys) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" (key, failures, "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN "SignInThrottle"."windowStart" < ${windowFloor} THEN 1 ELSE "SignInThrottle".failures + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowFloor} THEN ${now} ELSE "SignInThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "SignInThrottle"."windowStart" >= ${windowFloor} AND "SignInThrottle".failures + 1 >= ${MAX_FAILURES} THEN ${lockUntil}
          ELSE "SignInThrottle"."lockedUntil" END`;
  }
}

/** A successful sign-in clears the account's count (never the address's: one good account must not unlock an address). */
export async function clearAccount(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
}
