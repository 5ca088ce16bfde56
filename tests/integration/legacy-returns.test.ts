/**
 * The migration that moves the quarterly progress reports and the regulators'
 * comments written before the supervision cycle into returns: run again here on
 * reports and comments written first, it keeps every text, author and time, and
 * adds nothing twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReturnPage, listProjectReturns } from '@/lib/data/returns';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { createActors, projectId, type TestActors } from '../support/users';

const MIGRATION = path.resolve('prisma/migrations/20261201040500_progress_reports_to_returns/migration.sql');
const prisma = testClient();
let actors: TestActors;
let bjft06: number;

/** The migration's statements, split as the migration runner splits them. */
async function migrate() {
  for (const statement of fs.readFileSync(MIGRATION, 'utf8').split(';')) if (statement.replace(/--.*$/gm, '').trim()) await prisma.$executeRawUnsafe(statement);
}

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  bjft06 = await projectId(prisma, 'BJFT-06');
  const at = (s: string) => new Date(`${s}T02:00:00Z`);
  const report = (period: string, body: string, createdAt: string, retired = false) =>
    prisma.progressReport.create({
      data: { projectId: bjft06, period, body, authorId: actors.cmb.userId, createdAt: at(createdAt), retiredAt: retired ? at(createdAt) : null },
    });
  const comment = (body: string, createdAt: string, retired = false) =>
    prisma.comment.create({
      data: { projectId: bjft06, authorId: actors.regulator.userId, body, createdAt: at(createdAt), retiredAt: retired ? at(createdAt) : null },
    });
  await report('2021-Q1', '一季度：上线六个场景。', '2021-04-10');
  await report('2021-Q2', '二季度：用户稳步增长。', '2021-07-10');
  await report('2021-Q3', '已停用的报告', '2021-10-10', true);
  await comment('报告之前的意见', '2021-03-01');
  await comment('请补充场景清单', '2021-05-01');
  await comment('请说明增长口径', '2021-08-01');
  await comment('已停用的意见', '2021-08-02', true);
  await comment('数据已核对', '2021-08-03');
  await migrate();
});
afterAll(() => prisma.$disconnect());

describe('progress reports and comments become returns', () => {
  it('makes a retired legacy template with one free-text question and a schedule that owes nothing new', async () => {
    const template = await prisma.returnTemplate.findFirstOrThrow({ where: { code: 'LEGACY_PROGRESS' }, include: { versions: true, schedules: true } });
    expect(template.retiredAt).not.toBeNull();
    expect(template.versions.map((v) => (v.sections as { kind: string }[]).map((s) => s.kind))).toEqual([['TEXT']]);
    expect(template.schedules).toMatchObject([{ frequency: 'QUARTERLY', stageCodes: [] }]);
    expect(template.schedules[0].startsOn.toISOString().slice(0, 10)).toBe('2021-01-01');
    expect(template.schedules[0].endsOn?.toISOString().slice(0, 10)).toBe('2021-06-30');
    expect(template.schedules[0].retiredAt).not.toBeNull();
  });

  it('keeps every report that is not retired as a submitted return, by its author at its time, with the comments after it as review notes', async () => {
    const returns = await prisma.return.findMany({
      where: { projectId: bjft06 },
      orderBy: { period: 'asc' },
      include: { submissions: true },
    });
    expect(returns.map((r) => ({ period: r.period, status: r.status, answers: r.answers }))).toEqual([
      { period: '2021-Q1', status: 'SUBMITTED', answers: { progress: '一季度：上线六个场景。' } },
      { period: '2021-Q2', status: 'SUBMITTED', answers: { progress: '二季度：用户稳步增长。' } },
    ]);
    expect(returns[0].firstSubmittedAt?.toISOString()).toBe('2021-04-10T02:00:00.000Z');
    expect(returns[0].submissions).toMatchObject([
      { number: 1, submittedById: actors.cmb.userId, decision: null, reviewNote: '请补充场景清单 （REGULATOR，2021-05-01 10:00）' },
    ]);
    expect(returns[1].submissions[0].reviewNote).toBe('请说明增长口径 （REGULATOR，2021-08-01 10:00）\n数据已核对 （REGULATOR，2021-08-03 10:00）');
    // Nothing is taken away from where it was.
    expect(await prisma.progressReport.count({ where: { projectId: bjft06 } })).toBe(3);
    expect(await prisma.comment.count({ where: { projectId: bjft06 } })).toBe(5);
  });

  it('adds nothing twice when it runs again', async () => {
    const count = async () => [
      await prisma.returnTemplate.count(),
      await prisma.returnSchedule.count(),
      await prisma.return.count(),
      await prisma.returnSubmission.count(),
    ];
    const before = await count();
    await migrate();
    expect(await count()).toEqual(before);
  });

  it('shows the migrated returns on the project and their pages', async () => {
    const rows = await listProjectReturns({ actor: actors.cmb, projectId: bjft06 });
    expect(rows.map((r) => [r.period, r.state])).toEqual([
      ['2021-Q2', 'SUBMITTED'],
      ['2021-Q1', 'SUBMITTED'],
    ]);
    const page = await getReturnPage({ actor: actors.regulator, code: 'BJFT-06', scheduleId: rows[0].scheduleId, period: '2021-Q2' });
    expect(page).toMatchObject({ mayReview: true, mayFile: false, state: 'SUBMITTED' });
    expect(page!.stored!.submissions[0].answers).toEqual({ progress: '二季度：用户稳步增长。' });
  });
});
