import 'server-only';
/**
 * Export jobs: large exports written in the background by the job queue.
 * A job records who asked, the view (table, format, language, the page's
 * query), its progress, and the file once written. Every read is scoped to the
 * job's own user: another user's job and an unknown id are both NOT_FOUND.
 * The worker claims jobs with `FOR UPDATE SKIP LOCKED`, so two instances never
 * write the same file.
 */
import { Prisma, type ExportJobStatus } from '../generated/prisma/client';
import type { Actor } from '../rules/authz';
import { db } from '../server/db';
import { AppError } from '../server/errors';
import { snapshot, writeAudit } from './audit';

/** How long a written file may be downloaded. */
export const EXPORT_FILE_TTL_MS = 24 * 60 * 60_000;

export type ExportJobView = {
  id: number;
  table: string;
  format: string;
  status: ExportJobStatus;
  rowsDone: number;
  rowsTotal: number;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
};
const jobSelect = {
  id: true,
  table: true,
  format: true,
  status: true,
  rowsDone: true,
  rowsTotal: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

/** Records a job asked for by `actor`, and its audit entry, in one transaction. */
export async function createExportJob(options: {
  actor: Actor;
  table: string;
  format: string;
  locale: string;
  query: string;
  rowsTotal: number;
  /** The view's filters in words, for the audit entry. */
  filters: string;
  now?: Date;
}): Promise<{ id: number }> {
  const { actor, table, format, locale, query, rowsTotal } = options;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const job = await tx.exportJob.create({
      data: { userId: actor.userId, table, format, locale, query, rowsTotal, expiresAt: new Date(now.getTime() + EXPORT_FILE_TTL_MS) },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'EXPORT_START',
      entityType: 'ExportJob',
      entityId: job.id,
      after: snapshot({ exportTable: table, format, rowCount: rowsTotal, filters: options.filters }),
    });
    return job;
  });
}

/** The reader's own jobs, newest first. */
export async function listExportJobs(options: { actor: Actor; take?: number }): Promise<ExportJobView[]> {
  return db.exportJob.findMany({ where: { userId: options.actor.userId }, orderBy: { id: 'desc' }, take: options.take ?? 20, select: jobSelect });
}

/** One of the reader's own jobs. */
export async function getExportJob(options: { actor: Actor; id: number }): Promise<ExportJobView> {
  const job = await db.exportJob.findFirst({ where: { id: options.id, userId: options.actor.userId }, select: jobSelect });
  if (!job) throw new AppError('NOT_FOUND');
  return job;
}

/** The file of one of the reader's own jobs, when it is written and has not expired. */
export async function findExportFile(options: { actor: Actor; id: number; now?: Date }): Promise<{ filePath: string; fileName: string; format: string }> {
  const job = await db.exportJob.findFirst({
    where: { id: options.id, userId: options.actor.userId, status: 'DONE', expiresAt: { gt: options.now ?? new Date() } },
    select: { filePath: true, fileName: true, format: true },
  });
  if (!job?.filePath || !job.fileName) throw new AppError('NOT_FOUND');
  return { filePath: job.filePath, fileName: job.fileName, format: job.format };
}

export type ClaimedJob = { id: number; userId: number; table: string; format: string; locale: string; query: string };

/** The oldest waiting job, now RUNNING, or null; a job another worker holds is skipped. */
export async function claimNextExportJob(): Promise<ClaimedJob | null> {
  const [job] = await db.$queryRaw<ClaimedJob[]>(Prisma.sql`
    UPDATE "ExportJob" SET status = 'RUNNING', "startedAt" = now()
    WHERE id = (SELECT id FROM "ExportJob" WHERE status = 'QUEUED' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id, "userId", "table", format, locale, query`);
  return job ?? null;
}

export async function noteExportProgress(id: number, rowsDone: number) {
  await db.exportJob.update({ where: { id }, data: { rowsDone } });
}

/** A written file: where it is (relative to the exports folder) and the name it downloads as. */
export async function finishExportJob(id: number, file: { filePath: string; fileName: string; rowsDone: number; now?: Date }) {
  const now = file.now ?? new Date();
  await db.exportJob.update({
    where: { id },
    data: {
      status: 'DONE',
      filePath: file.filePath,
      fileName: file.fileName,
      rowsDone: file.rowsDone,
      finishedAt: now,
      expiresAt: new Date(now.getTime() + EXPORT_FILE_TTL_MS),
    },
  });
}

export async function failExportJob(id: number) {
  await db.exportJob.update({ where: { id }, data: { status: 'FAILED', finishedAt: new Date() } });
}

/** Jobs past their expiry, marked EXPIRED; their files' paths, for the caller to delete. */
export async function expireExportJobs(now = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ filePath: string | null }[]>(Prisma.sql`
    UPDATE "ExportJob" SET status = 'EXPIRED'
    WHERE status IN ('DONE', 'FAILED') AND "expiresAt" <= ${now}
    RETURNING "filePath"`);
  return rows.flatMap((r) => (r.filePath ? [r.filePath] : []));
}
