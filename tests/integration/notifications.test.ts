/**
 * Notices on the real database: the inbox (own notices only, read and unread),
 * the events that raise them (a comment, a stage decision, a review), the
 * calendar job (coming due, overdue, once only), and the email settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '@/lib/data/comments';
import { notifyReturnReviewed } from '@/lib/data/notices';
import {
  countUnreadNotifications,
  getEmailPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  saveEmailPreferences,
} from '@/lib/data/notifications';
import { raiseCalendarNotices } from '@/lib/data/return-notices';
import { decideProposal } from '@/lib/data/stage-proposals';
import { owesWhere, parseReturnPeriod, type ReturnPeriod } from '@/lib/rules/returns';
import { NOTIFICATION_KINDS } from '@/lib/rules/notifications';
import { db } from '@/lib/server/db';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { day } from '../support/factories';
import { pilotSchedule } from '../support/notice-schedules';
import { createActors, projectId, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const inboxOf = (userId: number) => prisma.notification.findMany({ where: { userId }, orderBy: { id: 'asc' } });

describe('the inbox', () => {
  it('lists only the reader’s own notices, counts the unread, and marks them read', async () => {
    const { cmb, unionpay } = actors;
    const mine = await prisma.notification.create({
      data: {
        userId: cmb.userId,
        kind: 'COMMENT_ADDED',
        key: 'inbox-1',
        params: { code: 'BJFT-06', project: '项目', note: '请补充' },
        href: '/projects/BJFT-06',
      },
    });
    const second = await prisma.notification.create({
      data: { userId: cmb.userId, kind: 'RETURN_DUE', key: 'inbox-2', params: { code: 'BJFT-02', project: '项目' }, href: '/projects/BJFT-02' },
    });
    const theirs = await prisma.notification.create({
      data: { userId: unionpay.userId, kind: 'COMMENT_ADDED', key: 'inbox-3', params: { code: 'BJFT-05', project: '项目' }, href: '/projects/BJFT-05' },
    });
    const listed = await listNotifications({ actor: cmb });
    expect(listed.map((n) => n.id)).toEqual([second.id, mine.id]);
    expect(listed[1].params).toMatchObject({ code: 'BJFT-06', note: '请补充' });
    expect(await countUnreadNotifications({ actor: cmb })).toBe(2);

    // Another user's notice, typed in: not found, and left unread.
    await expect(markNotificationRead({ actor: cmb, input: { notificationId: theirs.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    await markNotificationRead({ actor: cmb, input: { notificationId: mine.id } });
    expect(await countUnreadNotifications({ actor: cmb })).toBe(1);
    expect((await listNotifications({ actor: cmb, unreadOnly: true })).map((n) => n.id)).toEqual([second.id]);

    // "Mark all read" stops at the newest notice the page showed: one that arrived since stays unread.
    const later = await prisma.notification.create({
      data: { userId: cmb.userId, kind: 'RETURN_OVERDUE', key: 'inbox-4', params: { code: 'BJFT-02', project: '项目' }, href: '/projects/BJFT-02' },
    });
    expect(await markAllNotificationsRead({ actor: cmb, input: { upTo: second.id } })).toEqual({ count: 1 });
    expect((await listNotifications({ actor: cmb, unreadOnly: true })).map((n) => n.id)).toEqual([later.id]);
    expect(await countUnreadNotifications({ actor: unionpay })).toBe(1);
  });
});

describe('events raise notices for the institutions concerned', () => {
  it('a regulator’s comment tells every institution user on the project, lead and participants, and nobody else', async () => {
    const bjft08 = await projectId(prisma, 'BJFT-08');
    const onProject = await prisma.user.findMany({
      where: { role: 'INSTITUTION', institution: { projects: { some: { projectId: bjft08 } } } },
      select: { id: true },
    });
    expect(onProject.map((u) => u.id)).toContain(actors.park.userId);
    const comment = await addComment({ actor: actors.regulator, input: { projectId: bjft08, body: '请补充\n风险自查说明' } });
    const raised = await prisma.notification.findMany({ where: { kind: 'COMMENT_ADDED', key: { startsWith: `COMMENT_ADDED:comment${comment.id}:` } } });
    expect(raised.map((n) => n.userId).sort()).toEqual(onProject.map((u) => u.id).sort());
    expect(raised.every((n) => n.href === '/projects/BJFT-08#comments' && n.projectId === bjft08)).toBe(true);
    expect(raised[0].params).toMatchObject({ code: 'BJFT-08', note: '请补充 风险自查说明' });
  });

  it('a stage decision tells the lead institution’s users, with the stage and the note', async () => {
    const bjft06 = await projectId(prisma, 'BJFT-06');
    const project = await prisma.project.findUniqueOrThrow({ where: { id: bjft06 }, select: { stageId: true } });
    const toStage = await prisma.lifecycleStage.findFirstOrThrow({ where: { id: { not: project.stageId }, lifecycle: { code: 'PILOT' } } });
    const proposal = await prisma.stageProposal.create({
      data: {
        projectId: bjft06,
        fromStageId: project.stageId,
        toStageId: toStage.id,
        effectiveDate: day('2026-11-01'),
        evidenceNote: '证据',
        proposerId: actors.cmb.userId,
      },
    });
    await decideProposal({ actor: actors.regulator, input: { proposalId: proposal.id, decision: 'REJECT', note: '证据不足' } });
    const raised = await prisma.notification.findMany({ where: { kind: 'STAGE_DECIDED' } });
    expect(raised.map((n) => n.userId)).toEqual([actors.cmb.userId]);
    expect(raised[0].params).toEqual({
      code: 'BJFT-06',
      project: expect.any(String),
      decision: 'REJECTED',
      stage: toStage.name,
      stageEn: toStage.nameEn,
      note: '证据不足',
    });
  });

  it('a review tells the lead institution’s users once per submission reviewed', async () => {
    const bjft06 = await projectId(prisma, 'BJFT-06');
    const event = {
      returnId: 41,
      submission: 1,
      projectId: bjft06,
      decision: 'RETURN' as const,
      template: { name: '季度运行报告', nameEn: 'Quarterly return' },
      period: '2026-Q3',
      note: '请补充',
    };
    expect(await db.$transaction((tx) => notifyReturnReviewed(tx, event))).toBe(1);
    expect(await db.$transaction((tx) => notifyReturnReviewed(tx, event))).toBe(0);
    expect(await db.$transaction((tx) => notifyReturnReviewed(tx, { ...event, submission: 2, decision: 'ACCEPT', note: '' }))).toBe(1);
    const kinds = (await inboxOf(actors.cmb.userId)).filter((n) => n.key.includes('return41')).map((n) => n.kind);
    expect(kinds).toEqual(['RETURN_RETURNED', 'RETURN_ACCEPTED']);
  });
});

describe('the calendar job', () => {
  it('raises "coming due" seven days ahead and "overdue" after, for the lead institutions of the projects that owe, once', async () => {
    const schedule = await pilotSchedule(prisma, { frequency: 'QUARTERLY', dueDays: 15, startsOn: day('2026-01-01') });
    const q3 = parseReturnPeriod('2026-Q3') as ReturnPeriod;
    const owing = await prisma.project.findMany({
      where: owesWhere({ programId: schedule.programId, stageCodes: schedule.stageCodes }, q3),
      select: { id: true, code: true, institutions: { where: { role: 'LEAD' }, select: { institution: { select: { users: { select: { id: true } } } } } } },
    });
    const cmbOwes = owing.filter((p) => p.institutions.some((i) => i.institution.users.some((u) => u.id === actors.cmb.userId)));
    expect(cmbOwes.length).toBeGreaterThan(0);

    // 2026-10-07: eight days before the due date, nothing yet.
    expect(await raiseCalendarNotices({ today: day('2026-10-07') })).toEqual({ raised: 0 });
    const { raised } = await raiseCalendarNotices({ today: day('2026-10-08') });
    const due = await prisma.notification.findMany({ where: { kind: 'RETURN_DUE', key: { startsWith: `RETURN_DUE:schedule${schedule.id}:` } } });
    expect(raised).toBe(due.length);
    expect(new Set(due.filter((n) => n.userId === actors.cmb.userId).map((n) => n.projectId))).toEqual(new Set(cmbOwes.map((p) => p.id)));
    expect(due.find((n) => n.userId === actors.cmb.userId)?.params).toMatchObject({ period: '2026-Q3', due: '2026-10-15', template: '季度运行报告' });
    // Every recipient is a user of the lead institution of a project that owes.
    const leadUsers = new Set(owing.flatMap((p) => p.institutions.flatMap((i) => i.institution.users.map((u) => u.id))));
    expect(due.every((n) => leadUsers.has(n.userId))).toBe(true);
    // Run again, and twice at once (two instances): nothing new.
    expect(await raiseCalendarNotices({ today: day('2026-10-09') })).toEqual({ raised: 0 });
    const both = await Promise.all([raiseCalendarNotices({ today: day('2026-10-10') }), raiseCalendarNotices({ today: day('2026-10-10') })]);
    expect(both).toEqual([{ raised: 0 }, { raised: 0 }]);

    // One of cmb's projects files its return on time; the rest are overdue after the due date.
    const [filed, ...unfiled] = cmbOwes;
    const version = await prisma.returnTemplateVersion.findFirstOrThrow({ where: { templateId: schedule.templateId } });
    await prisma.return.create({
      data: {
        projectId: filed.id,
        templateId: schedule.templateId,
        scheduleId: schedule.id,
        period: '2026-Q3',
        templateVersionId: version.id,
        status: 'SUBMITTED',
        firstSubmittedAt: new Date('2026-10-12T02:00:00Z'),
      },
    });
    await raiseCalendarNotices({ today: day('2026-10-16') });
    const overdue = await prisma.notification.findMany({
      where: { kind: 'RETURN_OVERDUE', userId: actors.cmb.userId, key: { startsWith: `RETURN_OVERDUE:schedule${schedule.id}:` } },
    });
    expect(overdue.map((n) => n.projectId).sort()).toEqual(unfiled.map((p) => p.id).sort());
    // A retired schedule raises nothing more.
    await prisma.returnSchedule.update({ where: { id: schedule.id }, data: { retiredAt: new Date() } });
    expect(await raiseCalendarNotices({ today: day('2027-01-10') })).toEqual({ raised: 0 });
  });
});

describe('email settings', () => {
  it('are every kind by default, saved with an audit entry, and only one’s own', async () => {
    const { leader, regulator } = actors;
    expect(await getEmailPreferences({ actor: leader })).toEqual([...NOTIFICATION_KINDS]);
    await saveEmailPreferences({ actor: leader, input: { emailKinds: ['RETURN_OVERDUE'] } });
    expect(await getEmailPreferences({ actor: leader })).toEqual(['RETURN_OVERDUE']);
    expect(await getEmailPreferences({ actor: regulator })).toEqual([...NOTIFICATION_KINDS]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'NOTIFICATION_PREFERENCES_SAVE', actorId: leader.userId } });
    expect(audit.after).toEqual({ emailKinds: ['RETURN_OVERDUE'] });
    expect((audit.before as { emailKinds: string[] }).emailKinds).toEqual([...NOTIFICATION_KINDS]);
  });
});
