import 'server-only';
import { db } from '../server/db';

/**
 * Failed sign-ins lock a key for 15 minutes once it reaches its limit within a
 * 15-minute window: 5 for an account (guessing one password), 50 for an address
 * (many accounts from one place). An office behind one address shares the
 * address count, so one person's typos lock only their own account.
 */
export const ACCOUNT_MAX_FAILURES = 5;
export const ADDRESS_MAX_FAILURES = 50;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** Public feedback during a notice: each address may send this many within the window, then waits out the lock. */
export const FEEDBACK_MAX_PER_WINDOW = 5;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;
/** The public's feedback counts per client address (lib/server/client-address.ts), apart from sign-in failures. */
export const feedbackKey = (address: string) => `feedback:${address}`;
const maxFailures = (key: string) =>
  key.startsWith('feedback:') ? FEEDBACK_MAX_PER_WINDOW : key.startsWith('address:') ? ADDRESS_MAX_FAILURES : ACCOUNT_MAX_FAILURES;

/** Whether any of the keys is locked at `now`. */
export async function isThrottled(keys: string[], now = new Date()): Promise<boolean> {
  const locked = await db.signInThrottle.count({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  return locked > 0;
}

/**
 * Counts one failure (for a feedback key: one submission) against each key in a single statement per key, so
 * concurrent attempts on several app instances cannot lose a count. A window
 * older than 15 minutes starts again at one; the key locks at its own limit.
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
          WHEN "SignInThrottle"."windowStart" >= ${windowFloor} AND "SignInThrottle".failures + 1 >= ${maxFailures(key)} THEN ${lockUntil}
          ELSE "SignInThrottle"."lockedUntil" END`;
  }
}

/** A successful sign-in clears the account's count (never the address's: one good account must not unlock an address). */
export async function clearAccount(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey(email) } });
}
