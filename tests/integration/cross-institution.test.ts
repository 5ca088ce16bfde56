/**
 * An institution user calling each project action with another institution's
 * project, or with a project it only participates in, gets NOT_FOUND (exactly
 * as for an id that does not exist) and the database does not change.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS } from '@/lib/rules/authz';
import { getProject } from '@/lib/data/projects';
import { canEditProject } from '@/lib/data/project-edits';
import { seedBeijingPilot } from '@/seeds/seed';
import { ACTIONS, baseName, discoverActions } from '../support/action-registry';
import { RISK_ACTIONS } from '../support/risk-registry';
import { resetDatabase, testClient } from '../support/db';
import { noticeApplication } from '../support/public-notice';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let n = 1000;
let periods = 0;
/** A quarter no other report of these tests takes (the registry's own reports are dated from 2100). */
const freshPeriod = () => `${2030 + (periods % 60)}-Q${1 + (Math.floor(periods++ / 60) % 4)}`;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

// The project actions an institution may call at all (the others it is refused by the role matrix).
const PROJECT_ACTIONS = Object.entries(ACTIONS).filter(
  ([, e]) => e.fields.includes('projectId') && e.capability !== null && e.capability !== 'signed-in' && PERMISSIONS.INSTITUTION.includes(e.capability),
);

describe('cross-institution writes', async () => {
  const actions = await discoverActions();

  it('covers every action that takes a project', () => {
    expect(PROJECT_ACTIONS.map(([name]) => name).sort()).toEqual([
      'assessments#recordScoresAction',
      'projects#addMilestoneAction',
      'projects#completeMilestoneAction',
      'projects#editMilestoneAction',
      'projects#editProgressReportAction',
      'projects#editProjectDetailsAction',
      'projects#editStatementAction',
      'projects#proposeStageAction',
      'projects#recordMetricAction',
      'projects#setMilestoneRetiredAction',
      'projects#setProgressReportRetiredAction',
      'projects#submitProgressReportAction',
      'return-filing#saveReturnDraftAction',
      'return-filing#submitReturnAction',
      'risk#reportIncidentAction',
    ]);
  });

  const targets = [
    { who: 'another institution (BJFT-05, led by 中国银联)', code: 'BJFT-05', actor: () => actors.cmb },
    { who: 'a project it only participates in (BJFT-08)', code: 'BJFT-08', actor: () => actors.park },
    { who: 'an id that does not exist', code: null, actor: () => actors.cmb },
  ];
  for (const [name, entry] of PROJECT_ACTIONS) {
    for (const target of targets) {
      it(`${name} on ${target.who} gives NOT_FOUND and changes nothing`, async () => {
        const valid = await entry.input({ prisma, actors, actor: target.actor(), n: ++n });
        const otherId = target.code ? await projectId(prisma, target.code) : 999_999;
        let input: Record<string, unknown> = { ...valid, projectId: otherId };
        if ('version' in valid && target.code) input = { ...input, version: (await prisma.project.findUniqueOrThrow({ where: { id: otherId } })).version };
        // The other project's own milestone or report (with its version), so only the scope can stop it.
        const owner = target.code ? otherId : (valid.projectId as number);
        if (entry.fields.includes('milestoneId')) {
          const m = await prisma.milestone.create({ data: { projectId: owner, title: '他人里程碑', dueDate: new Date('2022-01-01') } });
          input = { ...input, milestoneId: m.id, ...('version' in valid && { version: m.version }) };
        }
        if (entry.fields.includes('reportId')) {
          const r = await prisma.progressReport.create({
            data: { projectId: owner, period: freshPeriod(), body: '他人报告', authorId: actors.regulator.userId },
          });
          input = { ...input, reportId: r.id, version: r.version };
        }
        const before = await dbFingerprint(prisma);
        actAs(target.actor());
        expect(await actions.get(baseName(name))!(null, input)).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
        expect(await dbFingerprint(prisma)).toBe(before);
      });
    }
  }

  // Its own project id with another project's milestone or report id: the record is looked up within its project.
  const RECORD_ACTIONS = PROJECT_ACTIONS.filter(([, e]) => e.fields.includes('milestoneId') || e.fields.includes('reportId'));
  for (const [name, entry] of RECORD_ACTIONS) {
    it(`${name} with another project's record through its own project id gives NOT_FOUND and changes nothing`, async () => {
      const valid = await entry.input({ prisma, actors, actor: actors.cmb, n: ++n });
      const other = await projectId(prisma, 'BJFT-05');
      const input = entry.fields.includes('milestoneId')
        ? { ...valid, milestoneId: (await prisma.milestone.create({ data: { projectId: other, title: '银联里程碑', dueDate: new Date('2022-01-01') } })).id }
        : {
            ...valid,
            reportId: (
              await prisma.progressReport.create({ data: { projectId: other, period: freshPeriod(), body: '银联报告', authorId: actors.unionpay.userId } })
            ).id,
          };
      const before = await dbFingerprint(prisma);
      actAs(actors.cmb);
      expect(await actions.get(baseName(name))!(null, input)).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
      expect(await dbFingerprint(prisma)).toBe(before);
    });
  }

  it("gives an institution NOT_FOUND for a complaint on another institution's application, and changes nothing", async () => {
    const theirs = await noticeApplication(prisma, { code: 'SB-NOTICE-UP', lead: '中国银联' });
    const complaint = await prisma.publicFeedback.create({ data: { projectId: theirs, category: 'COMPLAINT', body: '银联应用的投诉' } });
    const before = await dbFingerprint(prisma);
    for (const actor of [actors.cmb, actors.park]) {
      actAs(actor);
      const result = await actions.get('feedback#answerFeedbackAction')!(null, { feedbackId: complaint.id, version: complaint.version, answer: '越权答复' });
      expect(result).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
    }
    actAs(actors.cmb);
    const missing = await actions.get('feedback#answerFeedbackAction')!(null, { feedbackId: 999_999, version: 1, answer: '答复' });
    expect(missing).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it("gives a regulator NOT_FOUND for another regulator's comment, and changes nothing", async () => {
    const colleague = await prisma.user.create({
      data: { email: `colleague${++n}@test.example`, name: '另一位监管人员', role: 'REGULATOR', passwordHash: 'x' },
    });
    const comment = await prisma.comment.create({ data: { projectId: await projectId(prisma, 'BJFT-03'), authorId: colleague.id, body: '同事的意见' } });
    const before = await dbFingerprint(prisma);
    actAs(actors.regulator);
    for (const [action, input] of [
      ['comments#editCommentAction', { commentId: comment.id, version: comment.version, body: '改写同事的意见' }],
      ['comments#setCommentRetiredAction', { commentId: comment.id, version: comment.version, retired: 'true' }],
    ] as const) {
      expect(await actions.get(action)!(null, input)).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
    }
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it("gives a user NOT_FOUND for another user's notice, and marking all read leaves others' notices unread", async () => {
    const theirs = await prisma.notification.create({
      data: {
        userId: actors.unionpay.userId,
        kind: 'COMMENT_ADDED',
        key: `cross-${++n}`,
        params: { code: 'BJFT-05', project: '项目' },
        href: '/projects/BJFT-05',
      },
    });
    const before = await dbFingerprint(prisma);
    actAs(actors.cmb);
    expect(await actions.get('notifications#markNotificationReadAction')!(null, { notificationId: theirs.id })).toEqual({
      ok: false,
      message: 'NOT_FOUND',
      values: expect.any(Object),
    });
    expect(await dbFingerprint(prisma)).toBe(before);
    expect(await actions.get('notifications#markAllNotificationsReadAction')!(null, { upTo: theirs.id })).toEqual({ ok: true, message: 'SAVED' });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
  // Return templates and schedules, monitoring rules and report deadlines belong to a program: a regulator of another program finds none of them, as for an unknown id.
  const PROGRAM_ACTIONS = Object.entries(ACTIONS).filter(([name, e]) => e.capability === 'return:manage' || name in RISK_ACTIONS);
  for (const [name, entry] of PROGRAM_ACTIONS) {
    it(`${name} by a regulator of another program gives NOT_FOUND and changes nothing`, async () => {
      const input = await entry.input({ prisma, actors, actor: actors.regulator, n: ++n });
      const before = await dbFingerprint(prisma);
      actAs(actors.sandboxRegulator);
      expect(await actions.get(baseName(name))!(null, input)).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
      expect(await dbFingerprint(prisma)).toBe(before);
    });
  }

  it("gives an institution NOT_FOUND for another institution's incident, or one of a project it only joins, and changes nothing", async () => {
    const incidentOn = async (code: string) =>
      prisma.incident.create({
        data: {
          projectId: await projectId(prisma, code),
          category: 'OTHER',
          severity: 'GENERAL',
          occurredAt: new Date('2026-01-01T00:00:00Z'),
          reportedAt: new Date('2026-01-01T01:00:00Z'),
          description: '他人事件',
          reporterId: actors.regulator.userId,
        },
      });
    for (const [code, actor] of [
      ['BJFT-05', actors.cmb],
      ['BJFT-08', actors.park],
    ] as const) {
      const incident = await incidentOn(code);
      const before = await dbFingerprint(prisma);
      actAs(actor);
      const input = { incidentId: incident.id, version: incident.version, step: 'HANDLE', actionsTaken: '越权处置' };
      expect(await actions.get('risk#stepIncidentAction')!(null, input)).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
      expect(await dbFingerprint(prisma)).toBe(before);
    }
  });

  it('shows a participant its project read-only, and another institution nothing', async () => {
    const bjft08 = await projectId(prisma, 'BJFT-08');
    expect(await getProject({ actor: actors.park, code: 'BJFT-08' })).not.toBeNull();
    expect(await canEditProject({ actor: actors.park, projectId: bjft08 })).toBe(false);
    expect(await canEditProject({ actor: actors.cmb, projectId: await projectId(prisma, 'BJFT-06') })).toBe(true);
    expect(await canEditProject({ actor: actors.cmb, projectId: await projectId(prisma, 'BJFT-05') })).toBe(false);
    expect(await getProject({ actor: actors.cmb, code: 'BJFT-05' })).toBeNull();
  });
});
