import 'server-only';
/**
 * Large exports as background jobs. A view over EXPORT_JOB_THRESHOLD rows is
 * not streamed to the browser: the reader starts a job (audited), the worker
 * of the job queue writes the file under the exports folder with its
 * progress on the job, and the reader downloads it from the exports page until
 * it expires. The worker acts as the user who asked, with that user's scope as
 * it stands when the file is written, through the same view and writers as
 * the download route, so the file holds what the link would have streamed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  claimNextExportJob,
  createExportJob,
  expireExportJobs,
  failExportJob,
  finishExportJob,
  noteExportProgress,
  type ClaimedJob,
} from '../data/export-jobs';
import { actorOfUser, findSessionUser } from '../data/users';
import { isLocale, type Locale } from '../i18n/config';
import { translatorFor } from '../i18n/translator';
import type { Actor } from '../rules/authz';
import { beijingDay } from '../rules/time';
import { AppError } from '../server/errors';
import { wakeExportWorker } from '../server/job-queue';
import { exportContext, viewOf } from './export-view';
import { countExportRows, exportTable, TABLES, type Format, type Table } from './transfers';

/** Views with more rows than this are written in the background; EXPORT_JOB_THRESHOLD lowers it (the tests' moderate data sets). */
export const EXPORT_JOB_THRESHOLD = 100_000;
export const exportJobThreshold = () => Number(process.env.EXPORT_JOB_THRESHOLD) || EXPORT_JOB_THRESHOLD;
/** Rows between two progress notes on the job. */
const PROGRESS_EVERY = 5_000;

/** Where written files are kept: EXPORT_DIR, or .data/exports beside the app. */
export const exportDir = () => path.resolve(process.env.EXPORT_DIR ?? path.join('.data', 'exports'));
const fileAt = (filePath: string) => path.join(exportDir(), path.basename(filePath));

/** The exports page's query that offers a job for this view: the table, the format and the view's own query. */
export function jobOffer(table: Table, format: Format, query: URLSearchParams): string {
  const view = new URLSearchParams(query);
  view.delete('format');
  return new URLSearchParams({ table, format, view: view.toString() }).toString();
}

const isTable = (table: string): table is Table => (TABLES as readonly string[]).includes(table);

/** What the exports page says before a job starts: how many rows the view holds for this reader. */
export async function describeExportOffer(options: { actor: Actor; table: string; query: string; locale: Locale }) {
  const { actor, table, locale } = options;
  if (!isTable(table)) throw new AppError('NOT_FOUND');
  const found = await viewOf(actor, table, new URLSearchParams(options.query), await translatorFor(locale), locale);
  if (!found) throw new AppError('NOT_FOUND');
  return { rows: await countExportRows({ actor, table, view: found.view }), filters: found.used };
}

/** Starts a job for the view, audited, and wakes the worker. */
export async function startExportJob(options: { actor: Actor; table: string; format: Format; query: string; locale: Locale }): Promise<{ id: number }> {
  const { actor, table, format, query, locale } = options;
  const offer = await describeExportOffer({ actor, table, query, locale });
  const job = await createExportJob({ actor, table, format, locale, query, rowsTotal: offer.rows, filters: offer.filters.join('; ') });
  await wakeExportWorker();
  return job;
}

/** Writes every waiting job's file, one after another; returns how many ran. The worker calls this, and tests drain the queue with it. */
export async function runQueuedExportJobs(log: (message: string) => void = console.log): Promise<number> {
  let ran = 0;
  for (let job = await claimNextExportJob(); job; job = await claimNextExportJob()) {
    await runExportJob(job, log);
    ran += 1;
  }
  return ran;
}

async function runExportJob(job: ClaimedJob, log: (message: string) => void) {
  const filePath = `${job.id}-${crypto.randomUUID()}.${job.format}`;
  try {
    const user = await findSessionUser(job.userId);
    const actor = user && actorOfUser(user);
    if (!actor) throw new Error('the user who asked may no longer sign in');
    if (!isTable(job.table) || (job.format !== 'xlsx' && job.format !== 'csv')) throw new Error(`not an export: ${job.table}.${job.format}`);
    const locale: Locale = isLocale(job.locale) ? job.locale : 'zh';
    const t = await translatorFor(locale);
    const found = await viewOf(actor, job.table, new URLSearchParams(job.query), t, locale);
    if (!found) throw new Error('the view is no longer readable');
    const { meta, sheetNames } = exportContext(actor, job.table, found.used, t);
    let done = 0;
    let noted = 0;
    const onRows = async (rows: number) => {
      done += rows;
      if (done - noted < PROGRESS_EVERY) return;
      noted = done;
      await noteExportProgress(job.id, done);
    };
    const stream = exportTable({ actor, table: job.table, format: job.format, locale, t, meta, sheetNames, view: found.view, onRows });
    fs.mkdirSync(exportDir(), { recursive: true });
    await pipeline(stream, fs.createWriteStream(fileAt(filePath)));
    const fileName = `${t(`transfer.tables.${job.table}`)}-${beijingDay(new Date())}.${job.format}`;
    await finishExportJob(job.id, { filePath, fileName, rowsDone: done });
    log(`export job ${job.id}: ${done} rows written`);
  } catch (err) {
    log(`export job ${job.id} failed: ${err instanceof Error ? err.message : String(err)}`);
    fs.rmSync(fileAt(filePath), { force: true });
    await failExportJob(job.id);
  }
}

/** Deletes the files of jobs past their expiry; returns how many jobs expired. */
export async function cleanExpiredExports(now = new Date()): Promise<number> {
  const paths = await expireExportJobs(now);
  for (const p of paths) fs.rmSync(fileAt(p), { force: true });
  return paths.length;
}

/** A written file, to stream to the reader the data layer found it belongs to. */
export function openExportFile(filePath: string): Readable {
  return fs.createReadStream(fileAt(filePath));
}
