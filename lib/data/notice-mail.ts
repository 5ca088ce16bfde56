import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { NotificationKind } from '../generated/prisma/enums';
import { translatorFor } from '../i18n/translator';
import { noticeText, readNoticeParams } from '../rules/notifications';
import { db } from '../server/db';
import type { MailTransport } from '../server/mail';

/** Notices older than this are not emailed any more (a server that had email off, or a user who switched it on later). */
const EMAIL_WITHIN_HOURS = 48;
/** Notices claimed per round; the job runs again for the rest. */
const BATCH = 50;

type Claimed = { id: number; kind: NotificationKind; params: unknown; href: string; email: string };

/**
 * Claims notices that still need an email: not emailed, recent, for an enabled
 * user who has not switched that kind off. The claim is one UPDATE that sets
 * emailedAt on rows locked with SKIP LOCKED, so two workers (two app instances)
 * never claim one notice, and a claimed notice is never claimed again.
 */
async function claimEmails(): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>(Prisma.sql`
    WITH due AS (
      SELECT n.id FROM "Notification" n
      JOIN "User" u ON u.id = n."userId"
      WHERE n."emailedAt" IS NULL AND n."emailError" IS NULL
        AND n."createdAt" > now() - make_interval(hours => ${EMAIL_WITHIN_HOURS})
        AND NOT u.disabled
        AND NOT EXISTS (
          SELECT 1 FROM "NotificationPreference" p WHERE p."userId" = n."userId" AND p.kind = n.kind AND NOT p.email
        )
      ORDER BY n.id
      LIMIT ${BATCH}
      FOR UPDATE OF n SKIP LOCKED
    )
    UPDATE "Notification" n SET "emailedAt" = now()
    FROM due, "User" u
    WHERE n.id = due.id AND u.id = n."userId"
    RETURNING n.id, n.kind::text AS kind, n.params, n.href, u.email`);
}

/** The email of a notice: its text in Chinese, then in English, each with the link. */
export async function composeNoticeEmail(notice: { kind: NotificationKind; params: unknown; href: string }, baseUrl: string) {
  const params = readNoticeParams(notice.params);
  const [zh, en] = await Promise.all([translatorFor('zh'), translatorFor('en')]);
  const link = new URL(notice.href, baseUrl).toString();
  const textZh = noticeText(zh, 'zh', notice.kind, params);
  const textEn = noticeText(en, 'en', notice.kind, params);
  return {
    subject: `${zh('notifications.emailSubject')}${textZh}`,
    text: [textZh, `${zh('notifications.emailOpen')}${link}`, '', textEn, `${en('notifications.emailOpen')}${link}`, '', zh('notifications.emailFooter')].join(
      '\n',
    ),
  };
}

/**
 * Emails every notice that needs one, batch by batch. A refused message keeps
 * its emailedAt (the claim) and records why in emailError; it is not retried,
 * so nobody receives a notice twice. Answers how many were sent and refused.
 */
export async function sendPendingEmails(options: { transport: MailTransport; from: string; baseUrl: string }) {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimEmails();
    for (const notice of claimed) {
      try {
        const { subject, text } = await composeNoticeEmail(notice, options.baseUrl);
        await options.transport.sendMail({ from: options.from, to: notice.email, subject, text });
        sent += 1;
      } catch (err) {
        failed += 1;
        const reason = err instanceof Error ? err.message : String(err);
        await db.notification.update({ where: { id: notice.id }, data: { emailError: reason.slice(0, 500) } });
      }
    }
    if (claimed.length < BATCH) return { sent, failed };
  }
}
