/**
 * Risk control's notices and its calendar rule on the real database: a reported
 * incident and a raised warning reach the program's regulators (once, and not
 * the regulators of another program), a return left unfiled past its due date
 * raises a late-return warning in the daily run, and the daily run is a job of
 * the portal's queue.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRuleAction, reportIncidentAction } from '@/app/actions/risk';
import { evaluateProject, runDailyMonitoring } from '@/lib/data/monitoring';
import { db } from '@/lib/server/db';
import { seedDatabase } from '@/seeds/index';
import { NOTICE_JOBS, startNoticeQueue } from '@/scripts/lib/notice-queue';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let bjft06: number;
let pilotId: number;
let n = 0;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedDatabase(prisma, () => undefined);
  actors = await createActors(prisma);
  bjft06 = await projectId(prisma, 'BJFT-06');
  pilotId = (await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' } })).id;
});
afterAll(() => prisma.$disconnect());

const rule = (overrides: Record<string, unknown>) => ({
  programId: pilotId,
  name: `通知规则 ${++n}`,
  severity: 'SERIOUS',
  projectCodes: 'BJFT-06',
  ...overrides,
});
const lastRule = () => prisma.monitoringRule.findFirstOrThrow({ orderBy: { id: 'desc' } });
const noticesTo = (kind: 'INCIDENT_REPORTED' | 'WARNING_RAISED', subject: string) =>
  prisma.notification.findMany({ where: { kind, key: { startsWith: `${kind}:${subject}:` } }, select: { userId: true, params: true, href: true } });

describe('notices of risk control', () => {
  it("tell the program's regulators of a reported incident, with its severity, and not a regulator of another program", async () => {
    actAs(actors.cmb);
    const reported = await reportIncidentAction(null, {
      projectId: bjft06,
      category: 'DATA_SECURITY',
      severity: 'SERIOUS',
      occurredAt: '2026-11-01T09:00',
      reportedAt: '2026-11-01T10:00',
      customersAffected: '',
      amountAffected: '',
      description: '数据接口异常调用',
      actionsTaken: '',
    });
    expect(reported).toEqual({ ok: true, message: 'SAVED' });
    const incident = await prisma.incident.findFirstOrThrow({ where: { description: '数据接口异常调用' } });
    const told = await noticesTo('INCIDENT_REPORTED', `incident${incident.id}`);
    const userIds = told.map((t) => t.userId);
    expect(userIds).toContain(actors.regulator.userId);
    expect(userIds).not.toContain(actors.sandboxRegulator.userId);
    expect(userIds).not.toContain(actors.cmb.userId);
    // Only regulators who read the pilot: every one told is an enabled regulator.
    const roles = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { role: true, disabled: true } });
    expect(roles.every((u) => u.role === 'REGULATOR' && !u.disabled)).toBe(true);
    expect(told[0]).toMatchObject({ href: '/projects/BJFT-06#risk', params: expect.objectContaining({ severity: 'SERIOUS', note: '数据接口异常调用' }) });
  });

  it('tell the regulators once of a warning, also when several writes raise it at the same moment', async () => {
    actAs(actors.regulator);
    expect(await createRuleAction(null, rule({ kind: 'INCIDENT_SEVERITY', incidentSeverity: 'GENERAL' }))).toMatchObject({ ok: true });
    const r = await lastRule();
    await Promise.all(Array.from({ length: 4 }, () => db.$transaction((tx) => evaluateProject(tx, { projectId: bjft06, kinds: ['INCIDENT_SEVERITY'] }))));
    const [warning] = await prisma.warning.findMany({ where: { ruleId: r.id } });
    const told = await noticesTo('WARNING_RAISED', `warning${warning.id}`);
    expect(told.filter((t) => t.userId === actors.regulator.userId)).toHaveLength(1);
    expect(told[0].params).toMatchObject({ rule: r.name, severity: 'SERIOUS', code: 'BJFT-06' });
    expect(told.map((t) => t.userId)).not.toContain(actors.sandboxRegulator.userId);
  });
});

describe('the late-return rule', () => {
  it('fires in the daily run for a return still unfiled N days after its due date, naming the oldest such period, and not once it is filed', async () => {
    const project = await prisma.project.findUniqueOrThrow({ where: { id: bjft06 }, select: { stage: { select: { code: true } }, approvedAt: true } });
    // The seeded schedules are retired: only this test's monthly report is owed.
    await prisma.returnSchedule.updateMany({ data: { retiredAt: new Date() } });
    const template = await prisma.returnTemplate.create({
      data: {
        programId: pilotId,
        code: 'LATE_RULE',
        name: '月度运行报告',
        nameEn: 'Monthly report',
        versions: { create: { number: 1, sections: [{ id: 'ops', kind: 'TEXT', label: '运行情况', labelEn: 'Operations', required: true, maxLength: 500 }] } },
      },
      include: { versions: true },
    });
    const schedule = await prisma.returnSchedule.create({
      data: { templateId: template.id, frequency: 'MONTHLY', dueDays: 10, startsOn: new Date('2026-09-01'), stageCodes: [project.stage.code] },
    });
    expect(project.approvedAt < new Date('2026-09-30')).toBe(true);
    actAs(actors.regulator);
    expect(await createRuleAction(null, rule({ kind: 'LATE_RETURN', count: '15', projectCodes: '' }))).toMatchObject({ ok: true });
    const r = await lastRule();
    const warningsOn = (projectCode: string) => prisma.warning.findMany({ where: { ruleId: r.id, project: { code: projectCode } } });

    // September is due 10 October: on 20 October it is 10 days late, within 15.
    await runDailyMonitoring({ today: new Date('2026-10-20T00:00:00Z') });
    expect(await warningsOn('BJFT-06')).toHaveLength(0);

    // September filed, October not: on 1 December October's return is 21 days past its due date (10 November).
    await prisma.return.create({
      data: {
        projectId: bjft06,
        templateId: template.id,
        scheduleId: schedule.id,
        period: '2026-09',
        templateVersionId: template.versions[0].id,
        status: 'SUBMITTED',
        firstSubmittedAt: new Date('2026-10-25T02:00:00Z'),
      },
    });
    await runDailyMonitoring({ today: new Date('2026-12-01T00:00:00Z') });
    const [warning] = await warningsOn('BJFT-06');
    expect(warning).toMatchObject({ status: 'OPEN', detail: { days: 21, due: '2026-11-10', period: '2026-10' } });
    expect(warning.value.toNumber()).toBe(21);
    // A placeholder owes nothing, so it is never warned.
    expect(await prisma.warning.count({ where: { ruleId: r.id, project: { isPlaceholder: true } } })).toBe(0);
  });

  it('runs as the daily job of the queue', { timeout: 60_000 }, async () => {
    actAs(actors.regulator);
    await createRuleAction(null, rule({ kind: 'LATE_RETURN', count: '1' }));
    const r = await lastRule();
    const queue = await startNoticeQueue({
      databaseUrl: process.env.TEST_DATABASE_URL!,
      baseUrl: 'http://127.0.0.1',
      log: () => undefined,
      transport: null,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    try {
      await queue.boss.send(NOTICE_JOBS.monitoring, {});
      await expect.poll(() => prisma.warning.count({ where: { ruleId: r.id } }), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await queue.stop();
    }
  });
});
