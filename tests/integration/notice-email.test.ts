/**
 * Email of notices against a local SMTP server started here: recipients, the
 * text in Chinese then English, the user's settings; and the queue: two
 * workers (two app instances) on one database never send one notice twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendPendingEmails } from '@/lib/data/notice-mail';
import type { MailTransport } from '@/lib/server/mail';
import { mailTransportFromEnv } from '@/lib/server/mail-transport';
import { todayInBeijing } from '@/lib/rules/time';
import { seedBeijingPilot } from '@/seeds/seed';
import { NOTICE_JOBS, startNoticeQueue, type NoticeQueue } from '@/scripts/lib/notice-queue';
import { resetDatabase, testClient } from '../support/db';
import { pilotSchedule } from '../support/notice-schedules';
import { startSmtp } from '../support/smtp';
import { createActors, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const FROM = '北京金融科技应用试点监管平台 <portal@pilot.example>';
const BASE = 'https://portal.pilot.example';

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  smtp = await startSmtp();
});
afterEach(async () => {
  smtp.received.length = 0;
  await prisma.notification.deleteMany();
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

const transport = () => mailTransportFromEnv({ SMTP_URL: smtp.url }) as MailTransport;
const emailOf = async (userId: number) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;

function notice(userId: number, key: string, kind: 'RETURN_OVERDUE' | 'COMMENT_ADDED' = 'RETURN_OVERDUE') {
  return prisma.notification.create({
    data: {
      userId,
      kind,
      key,
      params: {
        code: 'BJFT-06',
        project: '智能风控平台',
        template: '季度运行报告',
        templateEn: 'Quarterly return',
        period: '2026-Q3',
        due: '2026-10-15',
        note: '请补充',
      },
      href: '/projects/BJFT-06#returns',
    },
  });
}

describe('email of notices', () => {
  it('goes to the notice’s user, in Chinese then English with the link, once', async () => {
    const n = await notice(actors.cmb.userId, 'mail-1');
    expect(await sendPendingEmails({ transport: transport(), from: FROM, baseUrl: BASE })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [{ to, mail }] = smtp.received;
    expect(to).toEqual([await emailOf(actors.cmb.userId)]);
    expect(mail.from?.text).toContain('portal@pilot.example');
    expect(mail.subject).toBe('【北京金融科技应用试点】智能风控平台（BJFT-06）的季度运行报告（2026-Q3）已于 2026-10-15 截止，仍未提交，已逾期。');
    const text = mail.text ?? '';
    expect(text.indexOf('已逾期')).toBeLessThan(text.indexOf('is overdue'));
    expect(text).toContain('Quarterly return (2026-Q3) of 智能风控平台 (BJFT-06) was due on 2026-10-15 and is overdue');
    expect(text).toContain('https://portal.pilot.example/projects/BJFT-06#returns');
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).emailedAt).not.toBeNull();
    // Sent once: the next round finds nothing.
    expect(await sendPendingEmails({ transport: transport(), from: FROM, baseUrl: BASE })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('respects the user’s choice of kinds, and leaves out disabled users', async () => {
    const { unionpay, park } = actors;
    await prisma.notificationPreference.create({ data: { userId: unionpay.userId, kind: 'COMMENT_ADDED', email: false } });
    await prisma.user.update({ where: { id: park.userId }, data: { disabled: true } });
    await notice(unionpay.userId, 'mail-2', 'COMMENT_ADDED');
    await notice(unionpay.userId, 'mail-3', 'RETURN_OVERDUE');
    await notice(park.userId, 'mail-4', 'RETURN_OVERDUE');
    expect(await sendPendingEmails({ transport: transport(), from: FROM, baseUrl: BASE })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((r) => r.to)).toEqual([[await emailOf(unionpay.userId)]]);
    expect(smtp.received[0].mail.subject).toContain('已逾期');
    await prisma.user.update({ where: { id: park.userId }, data: { disabled: false } });
  });

  it('records a refusal by the mail server and does not send that notice again', async () => {
    const n = await notice(actors.cmb.userId, 'mail-5');
    const refusing: MailTransport = { sendMail: async () => Promise.reject(new Error('550 mailbox unavailable')) };
    expect(await sendPendingEmails({ transport: refusing, from: FROM, baseUrl: BASE })).toEqual({ sent: 0, failed: 1 });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: n.id } })).emailError).toBe('550 mailbox unavailable');
    expect(await sendPendingEmails({ transport: transport(), from: FROM, baseUrl: BASE })).toEqual({ sent: 0, failed: 0 });
  });

  it('is claimed once when two senders run at once', async () => {
    const users = [actors.cmb, actors.unionpay, actors.regulator, actors.leader, actors.admin];
    for (const [i, u] of users.entries()) for (let k = 0; k < 12; k += 1) await notice(u.userId, `race-${i}-${k}`);
    const results = await Promise.all([1, 2, 3].map(() => sendPendingEmails({ transport: transport(), from: FROM, baseUrl: BASE })));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(60);
    expect(smtp.received).toHaveLength(60);
  });
});

describe('the notice queue', () => {
  let queues: NoticeQueue[] = [];
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop()));
  });

  it('two workers on one database raise and email each notice once', { timeout: 90_000 }, async () => {
    // A monthly schedule whose last month is due three days from today: every project that owes gets "coming due"
    // (and "overdue" for the month before, due within the last thirty days).
    const today = todayInBeijing();
    const lastMonthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
    const dueDays = Math.round((today.getTime() - lastMonthEnd.getTime()) / 86_400_000) + 3;
    await pilotSchedule(prisma, { frequency: 'MONTHLY', dueDays, startsOn: new Date(Date.UTC(2020, 0, 1)) });

    const log = () => undefined;
    const options = { databaseUrl: process.env.TEST_DATABASE_URL!, baseUrl: BASE, log, from: FROM, schedule: false, pollingIntervalSeconds: 0.5 };
    queues = await Promise.all([startNoticeQueue({ ...options, transport: transport() }), startNoticeQueue({ ...options, transport: transport() })]);
    // Both instances ask for the calendar job and the email job at once.
    await Promise.all(queues.flatMap((q) => [q.boss.send(NOTICE_JOBS.calendar, {}), q.boss.send(NOTICE_JOBS.calendar, {})]));

    const deadline = Date.now() + 60_000;
    let pending = 1;
    let total = 0;
    while (Date.now() < deadline) {
      total = await prisma.notification.count();
      pending = await prisma.notification.count({ where: { emailedAt: null } });
      if (total > 0 && pending === 0) break;
      await Promise.all(queues.map((q) => q.boss.send(NOTICE_JOBS.email, {})));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(total).toBeGreaterThan(0);
    expect(pending).toBe(0);
    // Give any second delivery time to arrive, then count: one message per notice, each to its own user.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.received).toHaveLength(total);
    expect(await prisma.notification.count({ where: { kind: 'RETURN_DUE' } })).toBeGreaterThan(0);
    const recipients = await prisma.notification.findMany({ select: { user: { select: { email: true } } } });
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(recipients.map((r) => r.user.email).sort());
  });
});
