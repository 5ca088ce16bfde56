import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addMilestoneAction,
  completeMilestoneAction,
  editProjectDetailsAction,
  proposeStageAction,
  recordMetricAction,
  submitProgressReportAction,
} from '@/app/actions/projects';
import { addCommentAction } from '@/app/actions/comments';
import { decideProposalAction } from '@/app/actions/proposals';
import { createUserAction, updateUserAction } from '@/app/actions/users';
import { listAuditEntries, listProjectHistory } from '@/lib/data/audit';
import { listComments } from '@/lib/data/comments';
import { countPendingProposals } from '@/lib/data/stage-proposals';
import { todayInBeijing } from '@/lib/rules/time';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, projectVersion, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testClient();
const stageOf = async (id: number) => (await prisma.project.findUniqueOrThrow({ where: { id }, select: { stage: { select: { code: true } } } })).stage.code;
let actors: TestActors;
let bjft02: number;
let bjft06: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  bjft02 = await projectId(prisma, 'BJFT-02');
  bjft06 = await projectId(prisma, 'BJFT-06');
});
beforeEach(() => actAs(actors.cmb));
afterAll(() => prisma.$disconnect());

const metric = (overrides: Record<string, unknown> = {}) => ({
  projectId: bjft06,
  indicatorCode: 'SCENARIOS',
  asOf: '2021-03-31',
  value: '8',
  unit: '个',
  sourceNote: '季度报告',
  ...overrides,
});

describe('stage proposals', () => {
  it('changes nothing about the project until a regulator approves; approval moves it, dates it and writes a StageChange', async () => {
    const version = await projectVersion(prisma, 'BJFT-02');
    const proposed = await proposeStageAction(null, {
      projectId: bjft02,
      version,
      toStage: 'PROMOTION',
      effectiveDate: '2021-06-01',
      evidenceNote: '推广至三家分行',
    });
    expect(proposed).toEqual({ ok: true, message: 'SAVED' });
    expect(await stageOf(bjft02)).toBe('ONLINE');
    expect(await countPendingProposals({ actor: actors.regulator })).toBe(1);
    expect(await countPendingProposals({ actor: actors.unionpay })).toBe(0);

    const again = await proposeStageAction(null, {
      projectId: bjft02,
      version: version + 1,
      toStage: 'PROMOTION',
      effectiveDate: '2021-06-01',
      evidenceNote: '重复',
    });
    expect(again.fieldErrors?.toStage).toEqual(['pendingExists']);

    const proposal = await prisma.stageProposal.findFirstOrThrow({ where: { projectId: bjft02, status: 'PENDING' } });
    actAs(actors.regulator);
    expect(await decideProposalAction(null, { proposalId: proposal.id, decision: 'APPROVE', note: '材料齐全' })).toMatchObject({ ok: true });
    expect(await stageOf(bjft02)).toBe('PROMOTION');
    const change = await prisma.stageChange.findFirstOrThrow({
      where: { projectId: bjft02, toStage: { code: 'PROMOTION' } },
      include: { fromStage: true, dossier: true },
    });
    expect(change.effectiveDate.toISOString().slice(0, 10)).toBe('2021-06-01');
    expect(change.fromStage?.code).toBe('ONLINE');
    expect(change.note).toBe('推广至三家分行');
    // The approval froze what it approved: the project's state as it then stood, by whom.
    expect(change.dossier).toMatchObject({ number: 1, approvedById: actors.regulator.userId, statement: null });
    expect(change.dossier?.state).toMatchObject({ stage: 'PROMOTION', name: '基于大数据技术的小微银税金融服务应用' });

    const history = await listProjectHistory({ actor: actors.cmb, projectId: bjft02 });
    expect(history.map((h) => h.action)).toEqual(['STAGE_APPROVE', 'STAGE_PROPOSE']);
    expect(history[0].after).toMatchObject({ status: 'APPROVED', stage: 'PROMOTION' });
    expect(history[0].actor?.id).toBe(actors.regulator.userId);

    // Deciding twice is a conflict and changes nothing.
    const before = await dbFingerprint(prisma);
    expect(await decideProposalAction(null, { proposalId: proposal.id, decision: 'REJECT', note: '改主意' })).toMatchObject({ ok: false, message: 'CONFLICT' });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('applies the stage rules: no skipping, no going back, no date before the previous stage or in the future', async () => {
    const version = await projectVersion(prisma, 'BJFT-06');
    const base = { projectId: bjft06, version, evidenceNote: '说明' };
    expect((await proposeStageAction(null, { ...base, toStage: 'APPROVED', effectiveDate: '2021-01-01' })).fieldErrors).toEqual({
      toStage: ['stageBACKWARDS'],
    });
    expect((await proposeStageAction(null, { ...base, toStage: 'COMPLETED', effectiveDate: '2021-01-01' })).fieldErrors).toEqual({ toStage: ['stageSKIPS'] });
    expect((await proposeStageAction(null, { ...base, toStage: 'PROMOTION', effectiveDate: '2019-01-01' })).fieldErrors).toEqual({
      effectiveDate: ['dateBeforePrevious'],
    });
    expect((await proposeStageAction(null, { ...base, toStage: 'PROMOTION', effectiveDate: '2199-01-01' })).fieldErrors).toEqual({ effectiveDate: ['future'] });
    expect(await prisma.stageProposal.count({ where: { projectId: bjft06 } })).toBe(0);
  });

  it('a rejection keeps the stage and records the note', async () => {
    const version = await projectVersion(prisma, 'BJFT-06');
    await proposeStageAction(null, { projectId: bjft06, version, toStage: 'PROMOTION', effectiveDate: '2021-02-01', evidenceNote: '证据' });
    const proposal = await prisma.stageProposal.findFirstOrThrow({ where: { projectId: bjft06, status: 'PENDING' } });
    actAs(actors.regulator);
    expect(await decideProposalAction(null, { proposalId: proposal.id, decision: 'REJECT', note: '证据不足' })).toMatchObject({ ok: true });
    expect(await stageOf(bjft06)).toBe('ONLINE');
    expect(await prisma.stageProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: 'REJECTED',
      decisionNote: '证据不足',
      deciderId: actors.regulator.userId,
    });
  });
});

describe('metric values', () => {
  it('records a value with an audit entry, and refuses bad values with field messages', async () => {
    expect(await recordMetricAction(null, metric())).toMatchObject({ ok: true });
    const stored = await prisma.metricValue.findFirstOrThrow({ where: { projectId: bjft06, asOf: new Date('2021-03-31') } });
    expect(stored.value.toNumber()).toBe(8);
    expect(stored.source).toBe('institution');

    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      // Everything at once: the schema's message and the data layer's about the date already reported.
      [{ value: '-1' }, { value: ['negative'], asOf: ['duplicate'] }],
      [{ unit: '台', asOf: '2021-04-30', value: '9' }, { unit: ['unitMismatch'] }],
      [{ asOf: '2199-01-01', value: '9' }, { asOf: ['future'] }],
      [{ asOf: '2019-01-01', value: '1' }, { asOf: ['beforeApproval'] }],
      [{ asOf: '2021-04-30', value: '7' }, { value: ['decreasing'] }],
      [{ value: '9' }, { asOf: ['duplicate'] }],
      [{ indicatorCode: 'NO_SUCH' }, { indicatorCode: ['unknownIndicator'] }],
    ];
    for (const [overrides, fieldErrors] of cases) {
      const before = await dbFingerprint(prisma);
      const result = await recordMetricAction(null, metric(overrides));
      expect(result, JSON.stringify(overrides)).toEqual({ ok: false, message: 'INVALID_INPUT', fieldErrors, values: expect.any(Object) });
      expect(await dbFingerprint(prisma)).toBe(before);
    }
  });

  it('accepts a decrease with a correction note, and corrects a recorded date instead of duplicating it', async () => {
    expect(await recordMetricAction(null, metric({ asOf: '2021-05-31', value: '6', correctionNote: '口径调整，剔除测试场景' }))).toMatchObject({ ok: true });
    // Below the seeded 6 of 2020-06-12 as well: both messages at once.
    expect(await recordMetricAction(null, metric({ value: '5', correct: 'on' }))).toMatchObject({
      ok: false,
      message: 'INVALID_INPUT',
      fieldErrors: { correctionNote: ['required'], value: ['decreasing'] },
    });
    expect(await recordMetricAction(null, metric({ value: '5', correct: 'on', correctionNote: '更正录入错误' }))).toMatchObject({ ok: true });
    const rows = await prisma.metricValue.findMany({
      where: { projectId: bjft06, indicator: { code: 'SCENARIOS' }, source: 'institution' },
      orderBy: { asOf: 'asc' },
    });
    expect(rows.map((r) => [r.asOf.toISOString().slice(0, 10), r.value.toNumber()])).toEqual([
      ['2021-03-31', 5],
      ['2021-05-31', 6],
    ]);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'METRIC_CORRECT' } });
    expect(entry.before).toMatchObject({ value: 8 });
    expect(entry.after).toMatchObject({ value: 5, correctionNote: '更正录入错误' });
  });
});

describe('milestones and project details', () => {
  it('adds and completes a milestone once', async () => {
    expect(await addMilestoneAction(null, { projectId: bjft06, title: '接入公积金查询', dueDate: '2021-09-30' })).toMatchObject({ ok: true });
    const m = await prisma.milestone.findFirstOrThrow({ where: { projectId: bjft06, title: '接入公积金查询' } });
    expect(await completeMilestoneAction(null, { projectId: bjft06, milestoneId: m.id, completedAt: '2021-09-15' })).toMatchObject({ ok: true });
    expect((await prisma.milestone.findUniqueOrThrow({ where: { id: m.id } })).completedAt?.toISOString().slice(0, 10)).toBe('2021-09-15');
    expect(await completeMilestoneAction(null, { projectId: bjft06, milestoneId: m.id, completedAt: '2021-09-20' })).toMatchObject({
      ok: false,
      message: 'CONFLICT',
    });
    expect(await prisma.auditEntry.count({ where: { entityType: 'Milestone', entityId: m.id } })).toBe(2);
  });

  it('edits summary and scenarios with the version read, and a stale version changes nothing', async () => {
    const version = await projectVersion(prisma, 'BJFT-06');
    expect(await editProjectDetailsAction(null, { projectId: bjft06, version, summary: '新的简介', scenarios: '生活缴费\n跨行缴税\n生活缴费' })).toMatchObject({
      ok: true,
    });
    const project = await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } });
    expect(project).toMatchObject({ summary: '新的简介', scenarios: ['生活缴费', '跨行缴税'], version: version + 1 });
    const stale = await editProjectDetailsAction(null, { projectId: bjft06, version, summary: '旧表单', scenarios: '' });
    expect(stale).toMatchObject({ ok: false, message: 'CONFLICT', current: { summary: '新的简介', version: version + 1 } });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } })).summary).toBe('新的简介');
  });
});

describe('progress reports', () => {
  it('takes one report per quarter, not for a future quarter or one before approval, and shows it to readers', async () => {
    const report = { projectId: bjft06, period: '2021-q2', body: '新增两个缴费场景' };
    expect(await submitProgressReportAction(null, report)).toMatchObject({ ok: true });
    expect(await submitProgressReportAction(null, report)).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { period: ['duplicateReport'] } });
    expect((await submitProgressReportAction(null, { ...report, period: '2199-Q1' })).fieldErrors).toEqual({ period: ['future'] });
    expect((await submitProgressReportAction(null, { ...report, period: '2019-Q3' })).fieldErrors).toEqual({ period: ['beforeApproval'] });
    expect((await submitProgressReportAction(null, { ...report, period: '2021-Q5' })).fieldErrors).toEqual({ period: ['invalidPeriod'] });
    const stored = await prisma.progressReport.findMany({ where: { projectId: bjft06 } });
    expect(stored.map((r) => [r.period, r.authorId])).toEqual([['2021-Q2', actors.cmb.userId]]);
    expect(await prisma.auditEntry.count({ where: { action: 'REPORT_SUBMIT', projectId: bjft06 } })).toBe(1);
  });
});

describe('regulator comments', () => {
  it('a regulator comments on any project; its institution reads the comment; nobody else may write one', async () => {
    actAs(actors.regulator);
    expect(await addCommentAction(null, { projectId: bjft02, body: '请补充推广数据口径' })).toMatchObject({ ok: true });
    expect((await listComments({ actor: actors.cmb, projectId: bjft02 })).map((c) => [c.body, c.author.name])).toEqual([['请补充推广数据口径', 'REGULATOR']]);
    expect(await listComments({ actor: actors.unionpay, projectId: bjft02 })).toEqual([]);
    expect(await addCommentAction(null, { projectId: 999_999, body: '无此项目' })).toMatchObject({ ok: false, message: 'NOT_FOUND' });
    actAs(actors.cmb);
    expect(await addCommentAction(null, { projectId: bjft02, body: '机构自评' })).toMatchObject({ ok: false, message: 'FORBIDDEN' });
    expect(await prisma.comment.count()).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: 'COMMENT_ADD', projectId: bjft02 } })).toBe(1);
  });
});

describe('user administration', () => {
  it('creates, re-roles and disables users; an admin cannot lock themself out', async () => {
    actAs(actors.admin);
    const inst = await prisma.institution.findUniqueOrThrow({ where: { name: '中国银联' } });
    expect(
      await createUserAction(null, {
        email: 'New@Bank.example',
        name: '新用户',
        role: 'INSTITUTION',
        institutionId: String(inst.id),
        password: 'a-long-password-1',
      }),
    ).toMatchObject({ ok: true });
    expect(await createUserAction(null, { email: 'new@bank.example', name: '重复', role: 'LEADER', password: 'a-long-password-1' })).toMatchObject({
      fieldErrors: { email: ['emailTaken'] },
    });
    expect(await createUserAction(null, { email: 'x@bank.example', name: '缺机构', role: 'INSTITUTION', password: 'a-long-password-1' })).toMatchObject({
      fieldErrors: { institutionId: ['required'] },
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'new@bank.example' } });
    expect(user.passwordHash).not.toContain('a-long-password-1');
    expect(await updateUserAction(null, { userId: user.id, role: 'LEADER', institutionId: '', disabled: 'on' })).toMatchObject({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: 'LEADER', institutionId: null, disabled: true });
    expect(await updateUserAction(null, { userId: actors.admin.userId, role: 'ADMIN', disabled: 'on' })).toMatchObject({ fieldErrors: { role: ['notSelf'] } });
    const { entries } = await listAuditEntries({ actor: actors.admin, filter: { actorId: actors.admin.userId } });
    expect(entries.map((e) => e.action)).toEqual(['USER_UPDATE', 'USER_CREATE']);
  });
});

describe('the audit trail', () => {
  const entriesOf = async (options: Parameters<typeof listAuditEntries>[0]) => (await listAuditEntries(options)).entries;

  it('filters by project, user, action and date range', async () => {
    const all = await entriesOf({ actor: actors.regulator, filter: {} });
    expect(all.length).toBeGreaterThan(8);
    const forProject = await entriesOf({ actor: actors.regulator, filter: { projectId: bjft02 } });
    expect(forProject.every((e) => e.projectCode === 'BJFT-02')).toBe(true);
    expect(forProject).toHaveLength(3);
    const approvals = await entriesOf({ actor: actors.regulator, filter: { action: 'STAGE_APPROVE' } });
    expect(approvals).toHaveLength(1);
    const byCmb = await entriesOf({ actor: actors.regulator, filter: { actorId: actors.cmb.userId } });
    expect(byCmb.every((e) => e.actor?.id === actors.cmb.userId)).toBe(true);
    // Days are Beijing days: today's entries fall on today's Beijing date whatever the UTC date is.
    const today = todayInBeijing();
    expect(await entriesOf({ actor: actors.regulator, filter: { from: today, to: today } })).toHaveLength(all.length);
    expect(await entriesOf({ actor: actors.regulator, filter: { to: new Date('2020-01-01') } })).toHaveLength(0);
    // The page shows the latest entries; the total (and the export) counts every match.
    const latest = await listAuditEntries({ actor: actors.regulator, filter: {}, take: 2 });
    expect(latest.entries.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(latest.total).toBe(all.length);
    await expect(listAuditEntries({ actor: actors.cmb, filter: {} })).rejects.toThrow('FORBIDDEN');
  });
});
