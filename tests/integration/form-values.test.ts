/**
 * What a refused form gets back from runAction: the values the user submitted
 * (never a password), every problem at once (the schema's and the data
 * layer's), and on CONFLICT the saved state with a version that lets the merged
 * edit through. Nothing is written by any refusal.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMilestoneAction, editProjectDetailsAction, proposeStageAction, recordMetricAction, submitProgressReportAction } from '@/app/actions/projects';
import { createUserAction, updateUserAction } from '@/app/actions/users';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, projectVersion, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let bjft05: number;
let bjft06: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  bjft05 = await projectId(prisma, 'BJFT-05');
  bjft06 = await projectId(prisma, 'BJFT-06');
});
beforeEach(() => actAs(actors.cmb));
afterAll(() => prisma.$disconnect());

/** A form post as the browser sends it: every value text, a repeated field repeated. */
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  data.append('$ACTION_ID_abc', '');
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

describe('values handed back on a refusal', () => {
  it('are the submitted text, field by field, with a repeated field as a list; a save hands nothing back', async () => {
    const fields = {
      projectId: String(bjft06),
      indicatorCode: 'SCENARIOS',
      asOf: '2021-03-31',
      value: '-3',
      unit: '个',
      qualifier: 'ABOUT',
      sourceNote: '季度报表',
      correctionNote: '',
      correct: 'on',
    };
    const refused = await recordMetricAction(null, form(fields));
    expect(refused.ok).toBe(false);
    expect(refused.values).toEqual(fields);

    const scenarios = await editProjectDetailsAction(null, form({ projectId: String(bjft06), version: 'x', summary: '简介', scenarios: ['缴费', '缴税'] }));
    expect(scenarios.values).toEqual({ projectId: String(bjft06), version: 'x', summary: '简介', scenarios: ['缴费', '缴税'] });

    const saved = await recordMetricAction(null, form({ ...fields, value: '9', correct: [] }));
    expect(saved).toEqual({ ok: true, message: 'SAVED' });
  });

  it('never include a password, whatever the refusal', async () => {
    actAs(actors.admin);
    const password = 'a-secret-password-123';
    const refused = await createUserAction(null, form({ email: 'not-an-email', name: '新用户', role: 'LEADER', institutionId: '', password }));
    expect(refused).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { email: ['invalidEmail'] } });
    expect(refused.values).toEqual({ email: 'not-an-email', name: '新用户', role: 'LEADER', institutionId: '' });
    expect(JSON.stringify(refused)).not.toContain(password);

    actAs(actors.leader);
    const forbidden = await createUserAction(null, form({ email: 'x@bank.example', name: '越权', role: 'ADMIN', password }));
    expect(forbidden).toMatchObject({ ok: false, message: 'FORBIDDEN', values: { email: 'x@bank.example', role: 'ADMIN' } });
    expect(JSON.stringify(forbidden)).not.toContain(password);
  });

  it('keep an unticked checkbox unticked: it is simply absent', async () => {
    actAs(actors.admin);
    const refused = await updateUserAction(null, form({ userId: String(actors.admin.userId), role: 'LEADER', institutionId: '' }));
    expect(refused.fieldErrors).toEqual({ role: ['notSelf'] });
    expect(refused.values).toEqual({ userId: String(actors.admin.userId), role: 'LEADER', institutionId: '' });
  });
});

describe('every problem in one answer', () => {
  it('a figure with a negative value, a future date and another unit hears about all three, and nothing is written', async () => {
    const before = await dbFingerprint(prisma);
    const result = await recordMetricAction(
      null,
      form({ projectId: String(bjft06), indicatorCode: 'SCENARIOS', asOf: '2199-01-01', value: '-3', unit: '台', sourceNote: '报表' }),
    );
    expect(result).toMatchObject({
      ok: false,
      message: 'INVALID_INPUT',
      fieldErrors: { value: ['negative'], asOf: ['future'], unit: ['unitMismatch'] },
      values: { asOf: '2199-01-01', value: '-3', unit: '台' },
    });
    expect(Object.keys(result.fieldErrors!).sort()).toEqual(['asOf', 'unit', 'value']);
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('a stage proposal hears about its missing evidence, its future date and the stage it skips to', async () => {
    const version = await projectVersion(prisma, 'BJFT-06');
    const result = await proposeStageAction(
      null,
      form({ projectId: String(bjft06), version: String(version), toStage: 'COMPLETED', effectiveDate: '2199-01-01', evidenceNote: ' ' }),
    );
    expect(result.fieldErrors).toEqual({ evidenceNote: ['required'], effectiveDate: ['future'], toStage: ['stageSKIPS'] });
    expect(await prisma.stageProposal.count({ where: { projectId: bjft06 } })).toBe(0);
  });

  it('a milestone and a progress report hear about the date as well as the empty text', async () => {
    const milestone = await addMilestoneAction(null, form({ projectId: String(bjft06), title: '', dueDate: '2019-01-01' }));
    expect(milestone.fieldErrors).toEqual({ title: ['required'], dueDate: ['beforeApproval'] });
    const report = await submitProgressReportAction(null, form({ projectId: String(bjft06), period: '2199-Q1', body: '' }));
    expect(report.fieldErrors).toEqual({ body: ['required'], period: ['future'] });
    expect(await prisma.milestone.count({ where: { projectId: bjft06 } })).toBe(0);
  });

  it("says nothing more about another institution's project than the form's own messages", async () => {
    const result = await recordMetricAction(
      null,
      form({ projectId: String(bjft05), indicatorCode: 'SCENARIOS', asOf: '2199-01-01', value: '-3', unit: '台', sourceNote: '报表' }),
    );
    expect(result).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { value: ['negative'] } });
    expect(Object.keys(result.fieldErrors!)).toEqual(['value']);
  });
});

describe('a conflict', () => {
  it("hands back the user's edit and the saved state, whose version lets the merged edit through", async () => {
    const version = await projectVersion(prisma, 'BJFT-06');
    expect(
      await editProjectDetailsAction(null, form({ projectId: String(bjft06), version: String(version), summary: '同事的简介', scenarios: '缴费' })),
    ).toMatchObject({
      ok: true,
    });
    const mine = { projectId: String(bjft06), version: String(version), summary: '我的简介', scenarios: '缴税\n缴费' };
    const stale = await editProjectDetailsAction(null, form(mine));
    expect(stale).toMatchObject({
      ok: false,
      message: 'CONFLICT',
      values: mine,
      current: { summary: '同事的简介', scenarios: ['缴费'], version: version + 1 },
    });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } })).summary).toBe('同事的简介');

    const merged = await editProjectDetailsAction(null, form({ ...mine, version: String(stale.current!.version), summary: '同事的简介；我的补充' }));
    expect(merged).toEqual({ ok: true, message: 'SAVED' });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } })).toMatchObject({ summary: '同事的简介；我的补充', scenarios: ['缴税', '缴费'] });
  });
});
