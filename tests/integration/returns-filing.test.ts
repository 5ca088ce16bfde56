/**
 * The filing and review cycle on PostgreSQL, through the server actions: a
 * draft, a submission, sent back with comments per section, revised and
 * resubmitted, accepted (its indicator value becomes a MetricValue whose
 * source is the return), then frozen. Every refusal leaves the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reviewReturnAction, saveReturnDraftAction, submitReturnAction } from '@/app/actions/return-filing';
import { getReturnPage, listProjectReturns } from '@/lib/data/returns';
import { changedSections } from '@/lib/rules/return-answers';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { completeAnswers, createSchedule, QUARTERLY_SECTIONS } from '../support/returns';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let bjft06: number;
let scheduleId: number;
let templateId: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  bjft06 = await projectId(prisma, 'BJFT-06');
  ({ scheduleId, templateId } = await createSchedule(prisma, { code: 'FLOW' }));
});
afterAll(() => prisma.$disconnect());

const filing = (period: string, version: number, answers: unknown) => ({ projectId: bjft06, scheduleId, period, version, answers: JSON.stringify(answers) });
const stored = (period: string) => prisma.return.findUniqueOrThrow({ where: { projectId_templateId_period: { projectId: bjft06, templateId, period } } });
const audits = (action: string) => prisma.auditEntry.count({ where: { action: action as 'RETURN_SUBMIT' } });

/** Calls an action and checks that a refusal changed nothing. */
async function refused(call: () => Promise<unknown>) {
  const before = await dbFingerprint(prisma);
  const result = await call();
  expect(await dbFingerprint(prisma)).toBe(before);
  return result as { ok: boolean; message: string; fieldErrors?: Record<string, string[]> };
}

describe('filing and review of one return', () => {
  it('saves an incomplete draft, refuses a malformed one and a stale version', async () => {
    actAs(actors.cmb);
    const saved = await saveReturnDraftAction(null, filing('2025-Q3', 0, { progress: '起草中' }));
    expect(saved).toEqual({ ok: true, message: 'SAVED', data: { version: 1 } });
    expect(await stored('2025-Q3')).toMatchObject({ status: 'DRAFT', answers: { progress: '起草中' }, firstSubmittedAt: null, version: 1 });
    expect(await audits('RETURN_SUBMIT')).toBe(0);

    const malformed = await refused(() => saveReturnDraftAction(null, filing('2025-Q3', 1, { complaints: { received: '2', resolved: '5' } })));
    expect(malformed).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { 'answers.complaints.resolved': ['resolvedAboveReceived'] } });
    const unknown = await refused(() => saveReturnDraftAction(null, filing('2025-Q3', 1, { elsewhere: 'x' })));
    expect(unknown.fieldErrors).toEqual({ 'answers.elsewhere': ['unknownSection'] });
    const stale = await refused(() => saveReturnDraftAction(null, filing('2025-Q3', 0, { progress: '另一份草稿' })));
    expect(stale).toMatchObject({ ok: false, message: 'CONFLICT', current: { returnStatus: 'DRAFT', version: 1 } });
  });

  it('refuses an incomplete submission with a message per section, and a "yes" risk without its explanation', async () => {
    actAs(actors.cmb);
    const incomplete = await refused(() => submitReturnAction(null, filing('2025-Q3', 1, { progress: '  ', risk: { answer: 'yes', explanation: '' } })));
    expect(incomplete).toMatchObject({ ok: false, message: 'INVALID_INPUT' });
    expect(incomplete.fieldErrors).toMatchObject({
      'answers.progress': ['required'],
      'answers.scenarios': expect.any(Array),
      'answers.risk.explanation': ['explanationRequired'],
      'answers.complaints': expect.any(Array),
    });
  });

  it('submits once; a submitted return takes no draft until it is reviewed', async () => {
    actAs(actors.cmb);
    expect(await submitReturnAction(null, filing('2025-Q3', 1, completeAnswers('8')))).toEqual({ ok: true, message: 'SAVED', data: { version: 2 } });
    const ret = await stored('2025-Q3');
    expect(ret).toMatchObject({ status: 'SUBMITTED', version: 2 });
    expect(ret.firstSubmittedAt).toBeInstanceOf(Date);
    expect(await prisma.returnSubmission.findMany({ where: { returnId: ret.id }, select: { number: true, submittedById: true } })).toEqual([
      { number: 1, submittedById: actors.cmb.userId },
    ]);
    expect(await audits('RETURN_SUBMIT')).toBe(1);
    const again = await refused(() => saveReturnDraftAction(null, filing('2025-Q3', 2, { progress: '再改' })));
    expect(again).toMatchObject({ message: 'CONFLICT', current: { returnStatus: 'SUBMITTED' } });
  });

  it('lets another institution, a participant and the regulator file nothing', async () => {
    for (const actor of [actors.unionpay, actors.park]) {
      actAs(actor);
      expect(await refused(() => saveReturnDraftAction(null, filing('2025-Q2', 0, { progress: 'x' })))).toMatchObject({ message: 'NOT_FOUND' });
    }
    actAs(actors.regulator);
    expect(await refused(() => submitReturnAction(null, filing('2025-Q2', 0, completeAnswers())))).toMatchObject({ message: 'FORBIDDEN' });
    actAs(actors.cmb);
    const ret = await stored('2025-Q3');
    expect(await refused(() => reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'ACCEPT', reviewNote: '' }))).toMatchObject({
      message: 'FORBIDDEN',
    });
  });

  it('sends back with comments per section; a stale decision is a conflict', async () => {
    actAs(actors.regulator);
    const ret = await stored('2025-Q3');
    const noComment = await refused(() => reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'RETURN', reviewNote: '' }));
    expect(noComment.fieldErrors).toEqual({ reviewNote: ['commentRequired'] });
    const back = await reviewReturnAction(null, {
      returnId: ret.id,
      version: ret.version,
      decision: 'RETURN',
      reviewNote: '请补充',
      sectionComments: JSON.stringify({ progress: '请说明业务量变化', risk: '' }),
    });
    expect(back).toEqual({ ok: true, message: 'SAVED' });
    expect(await stored('2025-Q3')).toMatchObject({ status: 'RETURNED', version: 3 });
    expect(await prisma.returnSubmission.findFirstOrThrow({ where: { returnId: ret.id, number: 1 } })).toMatchObject({
      decision: 'RETURN',
      reviewNote: '请补充',
      sectionComments: { progress: '请说明业务量变化' },
      reviewedById: actors.regulator.userId,
    });
    const stale = await refused(() => reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'ACCEPT', reviewNote: '' }));
    expect(stale).toMatchObject({ message: 'CONFLICT', current: { returnStatus: 'RETURNED', version: 3 } });
    expect(await audits('RETURN_SEND_BACK')).toBe(1);
    // The lead institution's user is told, with the note and a link to the return; nobody else is.
    const notices = await prisma.notification.findMany({ where: { kind: 'RETURN_RETURNED' } });
    expect(notices.map((n) => ({ userId: n.userId, href: n.href, note: (n.params as { note?: string }).note }))).toEqual([
      { userId: actors.cmb.userId, href: `/projects/BJFT-06/returns/${scheduleId}/2025-Q3`, note: '请补充' },
    ]);
  });

  it('takes the revision, keeps both submissions readable with their differences, and accepts it into the outcome values', async () => {
    actAs(actors.cmb);
    const revised = { ...completeAnswers('9'), progress: '本季度业务量增长，新接入3个场景。' };
    expect(await submitReturnAction(null, filing('2025-Q3', 3, revised))).toMatchObject({ ok: true, data: { version: 4 } });
    actAs(actors.regulator);
    const page = await getReturnPage({ actor: actors.regulator, code: 'BJFT-06', scheduleId, period: '2025-Q3' });
    expect(page).toMatchObject({ state: 'SUBMITTED', mayReview: true, mayFile: false, templateVersion: 1 });
    const [first, second] = page!.stored!.submissions;
    expect(changedSections(page!.sections, first.answers, second.answers)).toEqual(['progress', 'scenarios']);
    expect(await reviewReturnAction(null, { returnId: page!.stored!.id, version: 4, decision: 'ACCEPT', reviewNote: '数据完整' })).toEqual({
      ok: true,
      message: 'SAVED',
    });
    const ret = await stored('2025-Q3');
    expect(ret).toMatchObject({ status: 'ACCEPTED', version: 5 });
    expect(ret.acceptedAt).toBeInstanceOf(Date);
    const values = await prisma.metricValue.findMany({ where: { returnId: ret.id }, include: { indicator: { select: { code: true } } } });
    expect(values.map((v) => ({ code: v.indicator.code, value: v.value.toNumber(), asOf: v.asOf.toISOString().slice(0, 10), source: v.source }))).toEqual([
      { code: 'SCENARIOS', value: 9, asOf: '2025-09-30', source: 'return' },
    ]);
    expect(await audits('RETURN_ACCEPT')).toBe(1);
    expect(await prisma.notification.count({ where: { kind: 'RETURN_ACCEPTED', userId: actors.cmb.userId } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: 'METRIC_RECORD', entityId: values[0].id } })).toBe(1);
  });

  it('keeps an accepted return frozen', async () => {
    const ret = await stored('2025-Q3');
    actAs(actors.cmb);
    expect(await refused(() => submitReturnAction(null, filing('2025-Q3', ret.version, completeAnswers('10'))))).toMatchObject({ message: 'CONFLICT' });
    actAs(actors.regulator);
    expect(await refused(() => reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'RETURN', reviewNote: '重审' }))).toMatchObject({
      message: 'CONFLICT',
    });
  });
});

describe('what a return may report, and when', () => {
  it('holds indicator values to the metric rules: a running total that goes down is refused', async () => {
    actAs(actors.cmb);
    const lower = await refused(() => submitReturnAction(null, filing('2025-Q4', 0, completeAnswers('7'))));
    expect(lower.fieldErrors).toEqual({ 'answers.scenarios.value': ['decreasing'] });
  });

  it('refuses a period the schedule does not owe, and a submission before the period ends', async () => {
    actAs(actors.cmb);
    for (const period of ['2019-Q4', '2025-09', '2031-Q1']) {
      expect((await refused(() => saveReturnDraftAction(null, filing(period, 0, {})))).fieldErrors).toEqual({ period: ['periodNotOwed'] });
    }
    const current = '2026-Q4';
    expect(await saveReturnDraftAction(null, filing(current, 0, { progress: '进行中' }))).toMatchObject({ ok: true });
    expect((await refused(() => submitReturnAction(null, filing(current, 1, completeAnswers('20'))))).fieldErrors).toEqual({ period: ['periodNotEnded'] });
  });

  it('never accepts a sample filing', async () => {
    const ret = await prisma.return.create({
      data: {
        projectId: bjft06,
        templateId,
        scheduleId,
        period: '2024-Q1',
        templateVersionId: (await prisma.returnTemplateVersion.findFirstOrThrow({ where: { templateId } })).id,
        status: 'SUBMITTED',
        isSample: true,
        answers: completeAnswers('7'),
        firstSubmittedAt: new Date(),
        submissions: { create: { number: 1, answers: completeAnswers('7'), submittedById: actors.cmb.userId } },
      },
    });
    actAs(actors.regulator);
    const result = await refused(() => reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'ACCEPT', reviewNote: '' }));
    expect(result.fieldErrors).toEqual({ decision: ['sampleNotAccepted'] });
  });

  it('files a new draft on the newest template version, while a return filed earlier keeps its own', async () => {
    const next = [...QUARTERLY_SECTIONS, { id: 'outlook', kind: 'TEXT' as const, label: '下期计划', labelEn: 'Next period', required: false, maxLength: 500 }];
    await prisma.returnTemplateVersion.create({ data: { templateId, number: 2, sections: next } });
    const old = await getReturnPage({ actor: actors.cmb, code: 'BJFT-06', scheduleId, period: '2025-Q3' });
    expect(old).toMatchObject({ templateVersion: 1 });
    expect(old!.sections.map((s) => s.id)).not.toContain('outlook');
    const fresh = await getReturnPage({ actor: actors.cmb, code: 'BJFT-06', scheduleId, period: '2025-Q2' });
    expect(fresh).toMatchObject({ templateVersion: 2, mayFile: true, state: 'MISSING', late: true, stored: null });
    expect(fresh!.sections.map((s) => s.id)).toContain('outlook');
  });
});

describe('two writers at once', () => {
  it('lets one of two first drafts through and gives the other CONFLICT', async () => {
    actAs(actors.cmb);
    const results = await Promise.all([
      saveReturnDraftAction(null, filing('2025-Q1', 0, { progress: '甲' })),
      saveReturnDraftAction(null, filing('2025-Q1', 0, { progress: '乙' })),
    ]);
    expect(results.map((r) => r.message).sort()).toEqual(['CONFLICT', 'SAVED']);
    expect(await prisma.return.count({ where: { projectId: bjft06, templateId, period: '2025-Q1' } })).toBe(1);
  });

  it('lets one of two decisions on the same submission through: one acceptance, one set of values', async () => {
    actAs(actors.cmb);
    const saved = await stored('2025-Q1');
    expect(await submitReturnAction(null, filing('2025-Q1', saved.version, { ...completeAnswers('8'), progress: '一季度' }))).toMatchObject({ ok: true });
    const ret = await stored('2025-Q1');
    actAs(actors.regulator);
    const results = await Promise.all([
      reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'ACCEPT', reviewNote: '' }),
      reviewReturnAction(null, { returnId: ret.id, version: ret.version, decision: 'RETURN', reviewNote: '请补充' }),
    ]);
    expect(results.map((r) => r.message).sort()).toEqual(['CONFLICT', 'SAVED']);
    const after = await stored('2025-Q1');
    expect(after.version).toBe(ret.version + 1);
    const accepted = after.status === 'ACCEPTED';
    expect(await prisma.metricValue.count({ where: { returnId: ret.id } })).toBe(accepted ? 1 : 0);
    expect(await prisma.returnSubmission.count({ where: { returnId: ret.id, decision: { not: null } } })).toBe(1);
  });
});

describe('reading returns', () => {
  it("lists a project's periods with where each return stands", async () => {
    const rows = await listProjectReturns({ actor: actors.park, projectId: bjft06, today: new Date('2026-12-01T00:00:00Z') });
    // 招商银行 leads BJFT-06; the park takes no part in it and reads nothing.
    expect(rows).toEqual([]);
    const own = await listProjectReturns({ actor: actors.cmb, projectId: bjft06, today: new Date('2026-12-01T00:00:00Z') });
    const state = (period: string) => own.find((r) => r.period === period && r.scheduleId === scheduleId);
    expect(state('2026-Q4')).toMatchObject({ state: 'NOT_DUE', late: false });
    expect(state('2026-Q3')).toMatchObject({ state: 'MISSING', late: true });
    expect(state('2025-Q3')).toMatchObject({ state: 'ACCEPTED', submissions: 2 });
    expect(state('2024-Q1')).toMatchObject({ state: 'SUBMITTED', isSample: true });
    expect(own[0].period).toBe('2026-Q4');
  });

  it('gives a regulator of another program nothing: no page, and NOT_FOUND for a decision', async () => {
    const page = await getReturnPage({ actor: actors.regulator, code: 'BJFT-06', scheduleId, period: '2025-Q3' });
    expect(page).not.toBeNull();
    expect(await getReturnPage({ actor: actors.sandboxRegulator, code: 'BJFT-06', scheduleId, period: '2025-Q3' })).toBeNull();
    expect(await listProjectReturns({ actor: actors.sandboxRegulator, projectId: bjft06 })).toEqual([]);
    const submitted = await prisma.return.findFirstOrThrow({ where: { projectId: bjft06, status: 'SUBMITTED' } });
    actAs(actors.sandboxRegulator);
    const result = await refused(() => reviewReturnAction(null, { returnId: submitted.id, version: submitted.version, decision: 'ACCEPT', reviewNote: '' }));
    expect(result).toMatchObject({ ok: false, message: 'NOT_FOUND' });
  });

  it('shows a return to its readers only: another institution gets nothing, a participant reads without filing', async () => {
    expect(await getReturnPage({ actor: actors.unionpay, code: 'BJFT-06', scheduleId, period: '2025-Q3' })).toBeNull();
    const bjft08 = await getReturnPage({ actor: actors.park, code: 'BJFT-08', scheduleId, period: '2025-Q3' });
    expect(bjft08).toMatchObject({ mayFile: false, mayReview: false });
    expect(await getReturnPage({ actor: actors.cmb, code: 'BJFT-06', scheduleId, period: 'not-a-period' })).toBeNull();
  });
});
