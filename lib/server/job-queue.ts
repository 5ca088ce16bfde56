import 'server-only';
/**
 * Queues jobs from the web server for the worker that `npm start` runs beside
 * it (scripts/lib/notice-queue.ts): pg-boss, on the app's own pool, without
 * starting a second set of workers and maintenance here. A job that cannot be
 * queued is not lost: its record waits in the database, and the worker's
 * regular sweep finds it.
 */
import PgBoss from 'pg-boss';
import { queueSql } from './db';

/** The queue the export worker listens on: a job there means "write what is waiting". */
export const EXPORT_QUEUE = 'exports-run';

const holder = globalThis as unknown as { jobSender?: PgBoss };

/** Asks the export worker to run now rather than at its next sweep. */
export async function wakeExportWorker(): Promise<void> {
  holder.jobSender ??= new PgBoss({ db: { executeSql: queueSql } });
  try {
    await holder.jobSender.send(EXPORT_QUEUE, {});
  } catch (err) {
    console.error(`the export worker could not be woken, it will find the job at its next sweep: ${err instanceof Error ? err.message : String(err)}`);
  }
}
