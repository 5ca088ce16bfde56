/** Two sessions writing the same thing at once: one wins, the other is told, nothing is lost. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { ConflictError } from '@/lib/server/errors';
import { recordMetric } from '@/lib/data/metrics';
import { editProjectDetails } from '@/lib/data/project-edits';
import { decideProposal, proposeStageChange } from '@/lib/data/stage-proposals';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { createActors, projectId, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;
let colleague: Actor;
let bjft06: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  const u = await prisma.user.create({
    data: { email: 'colleague@test.example', name: '同事', role: 'INSTITUTION', institutionId: actors.cmb.institutionId, passwordHash: 'x' },
  });
  colleague = { ...actors.cmb, userId: u.id, name: '同事' };
  bjft06 = await projectId(prisma, 'BJFT-06');
});
afterAll(() => prisma.$disconnect());

const settle = (ps: Promise<unknown>[]) => Promise.allSettled(ps);

describe('optimistic locking under concurrency', () => {
  it('two edits from the same version: one wins, the other gets CONFLICT with the winner’s text; the retry lands too', async () => {
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } });
    const results = await settle([
      editProjectDetails({ actor: actors.cmb, input: { projectId: bjft06, version, summary: '甲的修改', scenarios: ['甲'] } }),
      editProjectDetails({ actor: colleague, input: { projectId: bjft06, version, summary: '乙的修改', scenarios: ['乙'] } }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.findIndex((r) => r.status === 'rejected');
    expect(won).not.toBe(-1);
    expect(lost).not.toBe(-1);
    const reason = (results[lost] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(ConflictError);
    const winnerText = won === 0 ? '甲的修改' : '乙的修改';
    expect((reason as ConflictError).current).toMatchObject({ summary: winnerText, version: version + 1 });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } })).summary).toBe(winnerText);
    expect(await prisma.auditEntry.count({ where: { action: 'PROJECT_EDIT', projectId: bjft06 } })).toBe(1);

    // The loser saw what changed and saves again on top of it: both edits are in the trail.
    const loser = lost === 0 ? actors.cmb : colleague;
    await editProjectDetails({ actor: loser, input: { projectId: bjft06, version: version + 1, summary: `${winnerText}；补充`, scenarios: ['甲', '乙'] } });
    const final = await prisma.project.findUniqueOrThrow({ where: { id: bjft06 } });
    expect(final).toMatchObject({ summary: `${winnerText}；补充`, version: version + 2 });
    const trail = await prisma.auditEntry.findMany({ where: { action: 'PROJECT_EDIT', projectId: bjft06 }, orderBy: { id: 'asc' } });
    expect(trail.map((t) => (t.after as { summary: string }).summary)).toEqual([winnerText, `${winnerText}；补充`]);
  });

  it('two regulators deciding one proposal: exactly one decision and one StageChange', async () => {
    const bjft02 = await projectId(prisma, 'BJFT-02');
    const { version } = await prisma.project.findUniqueOrThrow({ where: { id: bjft02 } });
    const proposal = await proposeStageChange({
      actor: actors.cmb,
      input: { projectId: bjft02, version, toStage: 'PROMOTION', effectiveDate: new Date('2021-06-01'), evidenceNote: '证据' },
    });
    const second = await prisma.user.create({ data: { email: 'regulator2@test.example', name: '监管二', role: 'REGULATOR', passwordHash: 'x' } });
    const results = await settle([
      decideProposal({ actor: actors.regulator, input: { proposalId: proposal.id, decision: 'APPROVE', note: '同意' } }),
      decideProposal({ actor: { ...actors.regulator, userId: second.id }, input: { proposalId: proposal.id, decision: 'REJECT', note: '不同意' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const decided = await prisma.stageProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    const changes = await prisma.stageChange.count({ where: { projectId: bjft02, toStage: { code: 'PROMOTION' } } });
    const stage = (await prisma.project.findUniqueOrThrow({ where: { id: bjft02 }, select: { stage: { select: { code: true } } } })).stage.code;
    if (decided.status === 'APPROVED') expect([changes, stage]).toEqual([1, 'PROMOTION']);
    else expect([changes, stage]).toEqual([0, 'ONLINE']);
    expect(
      await prisma.auditEntry.count({ where: { entityType: 'StageProposal', entityId: proposal.id, action: { in: ['STAGE_APPROVE', 'STAGE_REJECT'] } } }),
    ).toBe(1);
  });

  it('two reports of the same value for the same date: one row, the other told it is a duplicate', async () => {
    const input = {
      projectId: bjft06,
      indicatorCode: 'SCENARIOS',
      asOf: new Date('2021-07-01'),
      value: 9,
      unit: '个',
      qualifier: 'EXACT' as const,
      sourceNote: '月报',
      correctionNote: '',
      correct: false,
    };
    const results = await settle([recordMetric({ actor: actors.cmb, input }), recordMetric({ actor: colleague, input: { ...input, value: 10 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ fieldErrors: { asOf: ['duplicate'] } });
    expect(await prisma.metricValue.count({ where: { projectId: bjft06, asOf: new Date('2021-07-01') } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: 'METRIC_RECORD', projectId: bjft06 } })).toBe(1);
  });

  it('reports of one indicator for different dates at once: every one is stored, and the summary counts them all', async () => {
    const days = Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2022, 0, 1 + i)));
    const input = (asOf: Date, i: number) => ({
      projectId: bjft06,
      indicatorCode: 'MERCHANTS',
      asOf,
      value: 100 + i,
      unit: '家',
      qualifier: 'EXACT' as const,
      sourceNote: '并发月报',
      correctionNote: '',
      correct: false,
    });
    const results = await settle(days.map((d, i) => recordMetric({ actor: i % 2 ? colleague : actors.cmb, input: input(d, i) })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const indicator = await prisma.indicator.findUniqueOrThrow({ where: { code: 'MERCHANTS' } });
    const stored = await prisma.metricValue.count({ where: { projectId: bjft06, indicatorId: indicator.id } });
    const summary = await prisma.indicatorSummary.findUniqueOrThrow({ where: { projectId_indicatorId: { projectId: bjft06, indicatorId: indicator.id } } });
    expect(summary.periods).toBe(stored);
    expect(summary.latestAsOf).toEqual(days.at(-1));
  });
});
