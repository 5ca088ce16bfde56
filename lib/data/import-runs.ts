import 'server-only';
/**
 * Import runs: one per previewed file, kept by its user for a short while.
 * While the file is read and checked the run holds its progress (the import
 * page polls it); once the file passes, it holds the checked rows, gzip'd, and
 * confirming writes those rows: the file is never read a second time, and a
 * file changed after its preview cannot be written in its place. Every read
 * and write is scoped to the run's own user; another user's run, an expired
 * one and an unknown id are all NOT_FOUND.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Actor } from '../rules/authz';
import { db, type DbTransaction } from '../server/db';
import { AppError, isUniqueViolation } from '../server/errors';
import type { ImportRunStatus } from '../generated/prisma/client';

/** How long a preview may be confirmed. */
export const IMPORT_RUN_TTL_MS = 30 * 60_000;

/** A row as the reader left it (lib/transfer/tabular/read.ts): its line in the file and its cells by column key. */
export type ReadRow = { line: number; values: Record<string, string> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id that is no run's id at all is as unknown as any other. */
const knownShape = (id: string) => {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
};

export type ImportProgress = { status: ImportRunStatus; rowsDone: number; rowsTotal: number };

/** Opens a run for a file about to be read; forgets runs that have expired. `id` may come from the page, which polls it. */
export async function startImportRun(options: { actor: Actor; id: string; table: string; fileName: string; hash: string; now?: Date }) {
  if (!UUID.test(options.id)) throw new AppError('INVALID_INPUT');
  const now = options.now ?? new Date();
  await db.importRun.deleteMany({ where: { expiresAt: { lte: now } } });
  try {
    await db.importRun.create({
      data: {
        id: options.id,
        userId: options.actor.userId,
        table: options.table,
        fileName: options.fileName.slice(0, 255),
        hash: options.hash,
        expiresAt: new Date(now.getTime() + IMPORT_RUN_TTL_MS),
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'an import with this id exists');
    throw err;
  }
}

/** Where reading or checking a run's file stands. */
export async function noteImportProgress(options: { actor: Actor; id: string } & Partial<ImportProgress>) {
  const { actor, id, ...progress } = options;
  await db.importRun.updateMany({ where: { id, userId: actor.userId }, data: progress });
}

/** A file that passed: its run keeps the checked rows until it is confirmed or expires. */
export async function keepCheckedRows(options: { actor: Actor; id: string; rows: ReadRow[] }) {
  const { actor, id, rows } = options;
  const packed = new Uint8Array(gzipSync(JSON.stringify(rows)));
  await db.importRun.updateMany({ where: { id, userId: actor.userId }, data: { status: 'READY', rows: packed } });
}

/** A file refused or with problems leaves nothing behind: there is nothing to confirm. */
export async function dropImportRun(options: { actor: Actor; id: string }) {
  await db.importRun.deleteMany({ where: { id: options.id, userId: options.actor.userId } });
}

/** The run's progress, for its own user only. */
export async function getImportProgress(options: { actor: Actor; id: string }): Promise<ImportProgress> {
  knownShape(options.id);
  const run = await db.importRun.findFirst({
    where: { id: options.id, userId: options.actor.userId },
    select: { status: true, rowsDone: true, rowsTotal: true },
  });
  if (!run) throw new AppError('NOT_FOUND');
  return run;
}

export type ReadyRun = { id: string; table: string; fileName: string; hash: string; rows: ReadRow[] };

/** A run of `actor` ready to be confirmed, with its checked rows. */
export async function findReadyRun(options: { actor: Actor; id: string; now?: Date }): Promise<ReadyRun> {
  knownShape(options.id);
  const run = await db.importRun.findFirst({
    where: { id: options.id, userId: options.actor.userId, status: 'READY', expiresAt: { gt: options.now ?? new Date() } },
    select: { id: true, table: true, fileName: true, hash: true, rows: true },
  });
  if (!run?.rows) throw new AppError('NOT_FOUND');
  const rows = JSON.parse(gunzipSync(run.rows).toString('utf8')) as ReadRow[];
  return { id: run.id, table: run.table, fileName: run.fileName, hash: run.hash, rows };
}

/**
 * Marks a ready run applied inside the import's transaction, its rows dropped.
 * A run closed meanwhile (confirmed twice at once) is a CONFLICT, and the
 * second transaction writes nothing.
 */
export async function closeImportRun(tx: DbTransaction, options: { actor: Actor; id: string }) {
  const { count } = await tx.importRun.updateMany({
    where: { id: options.id, userId: options.actor.userId, status: 'READY' },
    data: { status: 'APPLIED', rows: null },
  });
  if (count !== 1) throw new AppError('CONFLICT', 'this import was confirmed already');
}
