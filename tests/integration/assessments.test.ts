/**
 * Assessments on the real database: the rounds scored by the lead institution,
 * the regulator and an assigned expert; the consolidated score; confirmation
 * that freezes it; the sandbox's move to 完成测试 refused until then and its
 * dossier keeping the result; the REVIEWER seeing only what it is assigned.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assignReviewerAction, confirmAssessmentAction, recordScoresAction, saveRubricAction } from '@/app/actions/assessments';
import { decideProposalAction } from '@/app/actions/proposals';
import { proposeStageAction } from '@/app/actions/projects';
import { getProjectAssessment, listAssessmentPrograms, listAssessmentRanking } from '@/lib/data/assessments';
import { seedBeijingSandbox } from '@/seeds/sandbox-seed';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';
import type { Actor } from '@/lib/rules/authz';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let abc: Actor;
let expert: Actor;
let otherExpert: Actor;
let app: number;

const rubric = async () => {
  const program = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-SANDBOX' }, select: { id: true } });
  return prisma.rubric.findUniqueOrThrow({
    where: { programId: program.id },
    select: { id: true, version: true, scaleMax: true, programId: true, dimensions: { orderBy: { sortOrder: 'asc' }, select: { id: true, weight: true } } },
  });
};
const version = async () => (await prisma.assessment.findUnique({ where: { projectId: app }, select: { version: true } }))?.version ?? 1;
async function score(actor: Actor, values: number[]) {
  const r = await rubric();
  actAs(actor);
  return recordScoresAction(null, {
    projectId: app,
    version: await version(),
    dimensionId: r.dimensions.map((d) => d.id),
    score: values.map(String),
    evidence: values.map((v, i) => `依据 ${i}: ${v}`),
  });
}
async function reviewer(email: string): Promise<Actor> {
  const u = await prisma.user.create({ data: { email, name: email, role: 'REVIEWER', passwordHash: 'x' } });
  return { userId: u.id, role: 'REVIEWER', institutionId: null, name: email, programs: [] };
}

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  await seedBeijingSandbox(prisma);
  actors = await createActors(prisma);
  const inst = await prisma.institution.findUniqueOrThrow({ where: { name: '农业银行' }, select: { id: true } });
  const user = await prisma.user.create({
    data: { email: 'abc@test.example', name: '农业银行', role: 'INSTITUTION', institutionId: inst.id, passwordHash: 'x' },
  });
  abc = { userId: user.id, role: 'INSTITUTION', institutionId: inst.id, name: '农业银行', programs: 'ALL' };
  expert = await reviewer('expert@test.example');
  otherExpert = await reviewer('other-expert@test.example');
  app = await projectId(prisma, 'BJSB-02');
});
afterAll(() => prisma.$disconnect());

describe('the rubric', () => {
  it('refuses weights that do not sum to 1 with a message, and changes nothing', async () => {
    const r = await rubric();
    const before = await dbFingerprint(prisma);
    actAs(actors.regulator);
    const result = await saveRubricAction(null, {
      programId: r.programId,
      version: r.version,
      scaleMax: '5',
      dimensionId: r.dimensions.map((d) => d.id),
      weight: r.dimensions.map(() => '0.1'),
    });
    expect(result).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { weight: ['weightsSum'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('saves new weights with the version read, and a stale version is a CONFLICT', async () => {
    const r = await rubric();
    const weights = ['0.2', '0.1', '0.1', '0.1', '0.1', '0.15', '0.15', '0.1'];
    actAs(actors.regulator);
    const input = { programId: r.programId, version: r.version, scaleMax: '5', dimensionId: r.dimensions.map((d) => d.id), weight: weights };
    expect(await saveRubricAction(null, input)).toEqual({ ok: true, message: 'SAVED' });
    expect((await rubric()).dimensions.map((d) => Number(d.weight))).toEqual(weights.map(Number));
    expect(await saveRubricAction(null, input)).toMatchObject({ ok: false, message: 'CONFLICT', current: { version: r.version + 1 } });
    // Back to the seeded weights for the arithmetic below.
    const seeded = ['0.15', '0.1', '0.1', '0.1', '0.15', '0.15', '0.15', '0.1'];
    expect(await saveRubricAction(null, { ...input, version: r.version + 1, weight: seeded })).toEqual({ ok: true, message: 'SAVED' });
  });

  it("a pilot regulator cannot touch the sandbox's rubric (NOT_FOUND)", async () => {
    const r = await rubric();
    const pilotOnly = await prisma.user.create({ data: { email: 'pilot-reg@test.example', name: '试点监管', role: 'REGULATOR', passwordHash: 'x' } });
    const pilot = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' } });
    actAs({ userId: pilotOnly.id, role: 'REGULATOR', institutionId: null, name: '试点监管', programs: [pilot.id] });
    const result = await saveRubricAction(null, {
      programId: r.programId,
      version: r.version,
      scaleMax: '5',
      dimensionId: r.dimensions.map((d) => d.id),
      weight: r.dimensions.map((d) => String(Number(d.weight))),
    });
    expect(result).toMatchObject({ ok: false, message: 'NOT_FOUND' });
  });
});

describe('a reviewer', () => {
  it('sees nothing and scores nothing until assigned; NOT_FOUND like an unknown project', async () => {
    expect(await getProjectAssessment({ actor: expert, code: 'BJSB-02' })).toBeNull();
    expect(await listAssessmentPrograms(expert)).toEqual([]);
    const before = await dbFingerprint(prisma);
    expect(await score(expert, [4, 4, 4, 4, 4, 4, 4, 4])).toMatchObject({ ok: false, message: 'NOT_FOUND' });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('is assigned by a regulator, then reads and scores that project alone', async () => {
    actAs(actors.regulator);
    expect(await assignReviewerAction(null, { projectId: app, userId: expert.userId })).toEqual({ ok: true, message: 'SAVED' });
    expect(await assignReviewerAction(null, { projectId: app, userId: expert.userId })).toMatchObject({ fieldErrors: { userId: ['alreadyAssigned'] } });
    expect(await assignReviewerAction(null, { projectId: app, userId: actors.leader.userId })).toMatchObject({ fieldErrors: { userId: ['notReviewer'] } });
    // The reviewer is told once, with a link to the assessment; nobody else is.
    expect(await prisma.notification.findMany({ where: { kind: 'REVIEWER_ASSIGNED' }, select: { userId: true, href: true } })).toEqual([
      { userId: expert.userId, href: '/assessments/BJSB-02' },
    ]);
    expect((await getProjectAssessment({ actor: expert, code: 'BJSB-02' }))?.mayScore).toBe(true);
    expect(await getProjectAssessment({ actor: expert, code: 'BJSB-05' })).toBeNull();
    expect(await getProjectAssessment({ actor: otherExpert, code: 'BJSB-02' })).toBeNull();
    expect((await listAssessmentPrograms(expert)).map((p) => p.code)).toEqual(['BJ-FINTECH-SANDBOX']);
  });
});

describe('the rounds and the confirmation', () => {
  it('refuses a score above the scale, and an institution that does not lead the project', async () => {
    expect(await score(abc, [6, 4, 4, 4, 4, 4, 4, 4])).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { score: ['aboveScale'] } });
    expect(await score(actors.cmb, [4, 4, 4, 4, 4, 4, 4, 4])).toMatchObject({ ok: false, message: 'NOT_FOUND' });
  });

  it('cannot be confirmed before the self and regulator rounds are complete', async () => {
    expect(await score(abc, [5, 4, 4, 5, 5, 4, 4, 4])).toEqual({ ok: true, message: 'SAVED' });
    actAs(actors.regulator);
    const result = await confirmAssessmentAction(null, { projectId: app, version: await version() });
    expect(result).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { _form: ['roundsIncomplete'] } });
  });

  it('a stale form is a CONFLICT, and two saves on one version keep exactly one', async () => {
    const r = await rubric();
    const v = await version();
    const input = (s: number) => ({
      projectId: app,
      version: v,
      dimensionId: r.dimensions.map((d) => d.id),
      score: r.dimensions.map(() => String(s)),
      evidence: r.dimensions.map(() => '并发'),
    });
    actAs(actors.regulator);
    const results = await Promise.all([recordScoresAction(null, input(3)), recordScoresAction(null, input(4))]);
    expect(results.map((x) => x.message).sort()).toEqual(['CONFLICT', 'SAVED']);
    expect(await prisma.assessmentScore.count({ where: { assessment: { projectId: app }, round: 'REGULATOR' } })).toBe(8);
  });

  it('consolidates the rounds by the weights, ranks the project, and confirms once', async () => {
    expect(await score(actors.regulator, [4, 4, 3, 4, 5, 4, 4, 3])).toEqual({ ok: true, message: 'SAVED' });
    expect(await score(expert, [4, 3, 4, 4, 4, 4, 3, 4])).toEqual({ ok: true, message: 'SAVED' });
    const view = (await getProjectAssessment({ actor: actors.regulator, code: 'BJSB-02' }))!;
    const w = [0.15, 0.1, 0.1, 0.1, 0.15, 0.15, 0.15, 0.1];
    const self = [5, 4, 4, 5, 5, 4, 4, 4];
    const reg = [4, 4, 3, 4, 5, 4, 4, 3];
    const exp = [4, 3, 4, 4, 4, 4, 3, 4];
    const total = (s: number[]) => Math.round(s.reduce((a, v, i) => a + (w[i] * v) / 5, 0) * 10000) / 100;
    expect(view.result.rounds.map((r) => r.total)).toEqual([total(self), total(reg), total(exp)]);
    const dims = self.map((_, i) => Math.round(((self[i] + reg[i] + exp[i]) / 3) * 100) / 100);
    expect(view.result.total).toBe(total(dims));
    const { rows } = await listAssessmentRanking({ actor: actors.regulator, programId: view.project.programId });
    expect(rows).toEqual([expect.objectContaining({ code: 'BJSB-02', rank: 1, total: view.result.total, status: 'OPEN' })]);
    // The lead institution sees its own project's ranking row; another institution sees none.
    expect((await listAssessmentRanking({ actor: abc, programId: view.project.programId })).rows).toHaveLength(1);
    expect((await listAssessmentRanking({ actor: actors.cmb, programId: view.project.programId })).rows).toHaveLength(0);

    actAs(actors.regulator);
    expect(await confirmAssessmentAction(null, { projectId: app, version: await version() })).toEqual({ ok: true, message: 'SAVED' });
    const stored = await prisma.assessment.findUniqueOrThrow({ where: { projectId: app } });
    expect(stored).toMatchObject({
      status: 'CONFIRMED',
      confirmedById: actors.regulator.userId,
      result: expect.objectContaining({ total: view.result.total }),
    });
    // Frozen: no more scores, no second confirmation.
    expect(await score(abc, self)).toMatchObject({ ok: false, message: 'CONFLICT', current: { status: 'CONFIRMED' } });
    actAs(actors.regulator);
    expect(await confirmAssessmentAction(null, { projectId: app, version: stored.version })).toMatchObject({ ok: false, message: 'CONFLICT' });
    expect(await prisma.auditEntry.count({ where: { projectId: app, action: 'ASSESSMENT_CONFIRM' } })).toBe(1);
    // The lead institution is told the confirmed score, once; another institution is not.
    const told = await prisma.notification.findMany({ where: { kind: 'ASSESSMENT_CONFIRMED' }, select: { userId: true, params: true } });
    expect(told).toEqual([{ userId: abc.userId, params: expect.objectContaining({ code: 'BJSB-02', score: String(view.result.total) }) }]);
  });
});

describe('the lifecycle gate on 完成测试', () => {
  async function putInto(code: string, stage: string) {
    const project = await prisma.project.findUniqueOrThrow({ where: { code }, select: { id: true, program: { select: { lifecycleId: true } } } });
    const s = await prisma.lifecycleStage.findFirstOrThrow({ where: { lifecycleId: project.program.lifecycleId, code: stage } });
    await prisma.project.update({ where: { id: project.id }, data: { stageId: s.id, reachedOrder: s.sortOrder } });
    await prisma.stageProposal.deleteMany({ where: { projectId: project.id } });
    return prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { id: true, version: true } });
  }

  it('is data of the lifecycle: only the sandbox stage COMPLETED requires an assessment', async () => {
    const requiring = await prisma.lifecycleStage.findMany({
      where: { requiresAssessment: true },
      select: { code: true, lifecycle: { select: { code: true } } },
    });
    expect(requiring).toEqual([{ code: 'COMPLETED', lifecycle: { code: 'SANDBOX' } }]);
  });

  it('refuses the move without a confirmed assessment, and changes nothing', async () => {
    const inst = await prisma.institution.findUniqueOrThrow({ where: { name: '宁波银行' }, select: { id: true } });
    const ningbo: Actor = { ...abc, institutionId: inst.id, name: '宁波银行' };
    const p = await putInto('BJSB-05', 'ASSESSMENT');
    const before = await dbFingerprint(prisma);
    actAs(ningbo);
    const result = await proposeStageAction(null, {
      projectId: p.id,
      version: p.version,
      toStage: 'COMPLETED',
      effectiveDate: '2024-01-01',
      evidenceNote: '测试结束',
    });
    expect(result).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { toStage: ['assessmentRequired'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('lets the confirmed project in, and its dossier keeps the assessment as confirmed', async () => {
    const p = await putInto('BJSB-02', 'ASSESSMENT');
    actAs(abc);
    expect(
      await proposeStageAction(null, { projectId: p.id, version: p.version, toStage: 'COMPLETED', effectiveDate: '2024-01-01', evidenceNote: '测试结束' }),
    ).toEqual({ ok: true, message: 'SAVED' });
    const proposal = await prisma.stageProposal.findFirstOrThrow({ where: { projectId: p.id, status: 'PENDING' } });
    actAs(actors.regulator);
    expect(await decideProposalAction(null, { proposalId: proposal.id, decision: 'APPROVE', note: '同意出箱' })).toEqual({ ok: true, message: 'SAVED' });
    const dossier = await prisma.dossier.findFirstOrThrow({ where: { projectId: p.id }, orderBy: { number: 'desc' } });
    const confirmed = await prisma.assessment.findUniqueOrThrow({ where: { projectId: p.id } });
    expect(dossier.assessment).toEqual(confirmed.result);
    expect(dossier.assessment).toMatchObject({ dimensions: expect.arrayContaining([expect.objectContaining({ name: '数据安全' })]) });
  });
});
