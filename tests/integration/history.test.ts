/**
 * The history people read: audit entries in words through the names the data
 * layer looks up, days of Beijing time in the audit filter, and a refused
 * proposal's reason where the project is read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordMetricAction, proposeStageAction } from '@/app/actions/projects';
import { decideProposalAction } from '@/app/actions/proposals';
import { listAuditEntries, listProjectHistory, namesInEntries } from '@/lib/data/audit';
import { getLatestRejection } from '@/lib/data/stage-proposals';
import { describeAuditEntry, describeEntity, lineText } from '@/lib/rules/audit-display';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { translatorFor } from '../support/translate';
import { createActors, projectId, projectVersion, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let bjft06: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  bjft06 = await projectId(prisma, 'BJFT-06');
});
beforeEach(() => actAs(actors.cmb));
afterAll(() => prisma.$disconnect());

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('a refused stage proposal', () => {
  it('shows its reason to everyone who reads the project, until a later approval', async () => {
    const propose = async (effectiveDate: string) =>
      proposeStageAction(null, {
        projectId: bjft06,
        version: await projectVersion(prisma, 'BJFT-06'),
        toStage: 'PROMOTION',
        effectiveDate,
        evidenceNote: '推广方案',
      });
    expect(await propose('2021-05-01')).toMatchObject({ ok: true });
    const proposal = await prisma.stageProposal.findFirstOrThrow({ where: { projectId: bjft06, status: 'PENDING' } });
    actAs(actors.regulator);
    expect(await decideProposalAction(null, { proposalId: proposal.id, decision: 'REJECT', note: '缺少推广范围的证明材料' })).toMatchObject({ ok: true });

    for (const reader of [actors.cmb, actors.regulator, actors.leader]) {
      expect(await getLatestRejection({ actor: reader, projectId: bjft06 })).toMatchObject({
        fromStage: { code: 'ONLINE' },
        toStage: { code: 'PROMOTION' },
        decisionNote: '缺少推广范围的证明材料',
        decider: { name: actors.regulator.name },
      });
    }
    // An institution with no part in the project learns nothing, as for a project that does not exist.
    expect(await getLatestRejection({ actor: actors.unionpay, projectId: bjft06 })).toBeNull();
    expect(await getLatestRejection({ actor: actors.unionpay, projectId: 999_999 })).toBeNull();

    // Proposed again and approved: the refusal is history, no longer the project's standing.
    actAs(actors.cmb);
    expect(await propose('2021-06-01')).toMatchObject({ ok: true });
    const second = await prisma.stageProposal.findFirstOrThrow({ where: { projectId: bjft06, status: 'PENDING' } });
    actAs(actors.regulator);
    expect(await decideProposalAction(null, { proposalId: second.id, decision: 'APPROVE', note: '同意' })).toMatchObject({ ok: true });
    expect(await getLatestRejection({ actor: actors.cmb, projectId: bjft06 })).toBeNull();

    // The log keeps both decisions, the refusal with its reason in words.
    const history = await listProjectHistory({ actor: actors.cmb, projectId: bjft06 });
    const ctx = { t: await translatorFor('zh'), locale: 'zh' as const, lookups: await namesInEntries(history) };
    const rejection = history.find((e) => e.action === 'STAGE_REJECT')!;
    expect(describeAuditEntry(rejection, ctx).map(lineText)).toEqual(
      expect.arrayContaining(['状态: 待审批 → 已驳回', '目标阶段: 应用推广期', '审批意见: 缺少推广范围的证明材料']),
    );
  });
});

describe('an outcome value in the history', () => {
  it('reads with the indicator’s name, the unit and the qualifier, before and after a correction', async () => {
    const indicator = await prisma.indicator.findUniqueOrThrow({ where: { code: 'SCENARIOS' } });
    const value = { projectId: bjft06, indicatorCode: 'SCENARIOS', asOf: '2021-03-31', unit: indicator.unit, sourceNote: '季度报告' };
    expect(await recordMetricAction(null, { ...value, value: '8', qualifier: 'ABOUT' })).toMatchObject({ ok: true });
    expect(await recordMetricAction(null, { ...value, value: '9', qualifier: 'EXACT', correct: 'on', correctionNote: '复核' })).toMatchObject({ ok: true });
    const history = await listProjectHistory({ actor: actors.leader, projectId: bjft06 });
    const ctx = { t: await translatorFor('zh'), locale: 'zh' as const, lookups: await namesInEntries(history) };
    const correction = describeAuditEntry(
      history.find((e) => e.action === 'METRIC_CORRECT')!,
      ctx,
    ).map(lineText);
    expect(correction).toContain(`指标: ${indicator.nameZh}`);
    expect(correction).toContain(`数值: 约8${indicator.unit} → 9${indicator.unit}`);
    expect(correction.join('\n')).not.toContain('SCENARIOS');
  });
});

describe('the audit trail by Beijing days', () => {
  it('counts an entry made at 00:30 in Beijing on that Beijing day, not the UTC day before', async () => {
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { projectId: bjft06 }, orderBy: { id: 'asc' } });
    await prisma.auditEntry.update({ where: { id: entry.id }, data: { createdAt: new Date('2026-03-01T16:30:00Z') } });
    const ids = async (from: string, to: string) =>
      (await listAuditEntries({ actor: actors.regulator, filter: { from: day(from), to: day(to) } })).entries.map((e) => e.id);
    expect(await ids('2026-03-02', '2026-03-02')).toEqual([entry.id]);
    expect(await ids('2026-03-01', '2026-03-01')).toEqual([]);
    // One second before Beijing midnight belongs to the 1st.
    await prisma.auditEntry.update({ where: { id: entry.id }, data: { createdAt: new Date('2026-03-01T15:59:59Z') } });
    expect(await ids('2026-03-01', '2026-03-01')).toEqual([entry.id]);
    expect(await ids('2026-03-02', '2026-03-03')).toEqual([]);
  });

  it('names the people and institutions of user entries, never by id', async () => {
    const { entries } = await listAuditEntries({ actor: actors.admin, filter: {} });
    const user = await prisma.user.create({
      data: { email: 'named@test.example', name: '待命名用户', role: 'INSTITUTION', passwordHash: 'x', institutionId: actors.cmb.institutionId },
    });
    const entry = {
      entityType: 'User',
      entityId: user.id,
      projectId: null,
      before: null,
      after: { name: '待命名用户', institutionId: actors.cmb.institutionId },
    };
    const ctx = { t: await translatorFor('zh'), locale: 'zh' as const, lookups: await namesInEntries([...entries, entry]) };
    expect(describeEntity(entry, ctx)).toBe('用户 待命名用户');
    expect(describeAuditEntry({ action: 'USER_CREATE', ...entry }, ctx).map(lineText)).toEqual(['姓名: 待命名用户', '所属机构: 招商银行北京分行']);
  });
});
