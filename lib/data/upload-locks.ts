import 'server-only';
import { db } from '../server/db';

/** The first key of the per-user upload lock (the second is the user's id). */
export const UPLOAD_LOCK_SPACE = 8418;

/**
 * One upload per user at a time across every instance on the database: a
 * transaction-level advisory lock on (UPLOAD_LOCK_SPACE, user id), held by a
 * transaction that stays open while the upload is read and checked. Answers
 * the function that lets it go (and waits until it has), or null when the
 * user's upload is being checked already, here or on another instance.
 */
export async function holdUserUploadLock(userId: number): Promise<(() => Promise<void>) | null> {
  let letGo = () => {};
  const released = new Promise<void>((resolve) => (letGo = resolve));
  return new Promise((resolve, reject) => {
    let answered = false;
    const held = db.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${UPLOAD_LOCK_SPACE}::int, ${userId}::int) AS locked`;
        answered = true;
        if (!locked) return resolve(null);
        resolve(async () => {
          letGo();
          await held.catch(() => {});
        });
        await released;
      },
      // An upload is read and checked within the file limits in well under this; past it the lock lapses.
      { maxWait: 5_000, timeout: 10 * 60_000 },
    );
    held.catch((err: unknown) => {
      if (!answered) reject(err);
      else console.error('The upload lock ended early:', err);
    });
  });
}
