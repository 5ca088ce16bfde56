/**
 * The notice queue, started by `npm start` beside the web server: pg-boss keeps
 * its jobs in the portal's PostgreSQL (schema `pgboss`), so several app
 * instances share one queue. Two jobs:
 * - `notices-calendar` (every 15 minutes, and once at start): raises RETURN_DUE
 *   and RETURN_OVERDUE notices from the schedules (lib/data/return-notices.ts);
 * - `notices-email` (every minute, when SMTP_URL is set): emails the notices
 *   that need it (lib/data/notice-mail.ts);
 * - `monitoring-daily` (06:00 Beijing time, and once at start): evaluates the
 *   monitoring rules that time alone makes fire (no new value for N days, a
 *   return late by N days) on every project (lib/data/monitoring.ts); a warning
 *   is raised once while open, so a second run or instance adds nothing;
 * - `exports-run` (when the web server queues an export, every 10 minutes,
 *   and once at start): writes the files of waiting export jobs and deletes
 *   expired ones (lib/transfer/export-jobs.ts).
 * The queues are `stately` (at most one job waiting and one running), each
 * notice is once-only by its key and its email claimed once, and each export
 * job is claimed by one worker, so a second instance's worker repeats nothing.
 *
 * The data modules are imported lazily: the caller must have set DATABASE_URL
 * (and, outside Next.js and the tests, registered ./outside-next.mjs).
 */
import PgBoss from 'pg-boss';
import type { MailTransport } from '../../lib/server/mail';

export const NOTICE_JOBS = { calendar: 'notices-calendar', email: 'notices-email', monitoring: 'monitoring-daily' } as const;

export type NoticeQueueOptions = {
  databaseUrl: string;
  /** The portal's address, for the links in emails. */
  baseUrl: string;
  log: (message: string) => void;
  /** The mail transport; by default the one SMTP_URL names, none when it is unset. */
  transport?: MailTransport | null;
  from?: string;
  /** Whether to put the cron schedules in place (tests send jobs themselves). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
};

export type NoticeQueue = { boss: PgBoss; stop(): Promise<void> };

/**
 * Creates a queue unless it exists. Two instances starting at once may both
 * try, and PostgreSQL then refuses one (a deadlock or a duplicate): that one
 * looks again and finds the queue the other made.
 */
async function ensureQueue(boss: PgBoss, name: string, expireInMinutes = 10) {
  for (let attempt = 1; ; attempt += 1) {
    if (await boss.getQueue(name)) return;
    try {
      return await boss.createQueue(name, { name, policy: 'stately', retryLimit: 2, expireInMinutes });
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

export async function startNoticeQueue(options: NoticeQueueOptions): Promise<NoticeQueue> {
  const { raiseCalendarNotices } = await import('../../lib/data/return-notices');
  const { sendPendingEmails } = await import('../../lib/data/notice-mail');
  const { runDailyMonitoring } = await import('../../lib/data/monitoring');
  const { cleanExpiredExports, runQueuedExportJobs } = await import('../../lib/transfer/export-jobs');
  const { EXPORT_QUEUE } = await import('../../lib/server/job-queue');
  const mail = await import('../../lib/server/mail');
  const { mailTransportFromEnv } = await import('../../lib/server/mail-transport');
  const transport = options.transport === undefined ? mailTransportFromEnv() : options.transport;
  const from = options.from ?? mail.mailSender();

  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 2, application_name: 'notice-queue' });
  boss.on('error', (err: unknown) => options.log(`notice queue: ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();
  for (const name of Object.values(NOTICE_JOBS)) await ensureQueue(boss, name);
  // An export of a million rows takes minutes: the job may run for an hour before pg-boss gives up on it.
  await ensureQueue(boss, EXPORT_QUEUE, 60);

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 };
  await boss.work(NOTICE_JOBS.calendar, polling, async (jobs) => {
    const { raised } = await raiseCalendarNotices();
    // One line per job with its id: with several instances on one queue, each job is done by one of them.
    options.log(`notices: calendar job ${jobs.map((job) => job.id).join(', ')} done, ${raised} new return notice(s)`);
    if (raised && transport) await boss.send(NOTICE_JOBS.email, {});
  });
  await boss.work(NOTICE_JOBS.monitoring, polling, async () => {
    const raised = await runDailyMonitoring();
    if (raised) options.log(`monitoring: ${raised} new warning(s)`);
    if (raised && transport) await boss.send(NOTICE_JOBS.email, {});
  });
  await boss.work(NOTICE_JOBS.email, polling, async () => {
    if (!transport) return;
    const { sent, failed } = await sendPendingEmails({ transport, from, baseUrl: options.baseUrl });
    if (sent || failed) options.log(`notices: ${sent} email(s) sent${failed ? `, ${failed} refused by the mail server` : ''}`);
  });
  await boss.work(EXPORT_QUEUE, { pollingIntervalSeconds: Math.min(2, polling.pollingIntervalSeconds) }, async () => {
    await runQueuedExportJobs(options.log);
    const expired = await cleanExpiredExports();
    if (expired) options.log(`exports: ${expired} expired file(s) deleted`);
  });
  if (options.schedule !== false) {
    await boss.schedule(EXPORT_QUEUE, '*/10 * * * *');
    await boss.send(EXPORT_QUEUE, {});
    await boss.schedule(NOTICE_JOBS.calendar, '*/15 * * * *', {}, { tz: 'Asia/Shanghai' });
    if (transport) await boss.schedule(NOTICE_JOBS.email, '* * * * *');
    else await boss.unschedule(NOTICE_JOBS.email);
    await boss.schedule(NOTICE_JOBS.monitoring, '0 6 * * *', {}, { tz: 'Asia/Shanghai' });
    await boss.send(NOTICE_JOBS.calendar, {});
    await boss.send(NOTICE_JOBS.monitoring, {});
  }
  options.log(transport ? 'notice queue started; email is on' : 'notice queue started; email is off (SMTP_URL is not set)');
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 5_000 }) };
}
