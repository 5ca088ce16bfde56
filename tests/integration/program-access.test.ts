/**
 * Access per program: a regulator granted one program reads and decides in it
 * and nowhere else; an institution reads its institution's projects in any
 * program; the two seeded programs share the institutions both name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import { listPrograms } from '@/lib/data/programs';
import { getProject, listProjects } from '@/lib/data/projects';
import { decideProposal, listPendingProposals, proposeStageChange } from '@/lib/data/stage-proposals';
import { AppError } from '@/lib/server/errors';
import { seedBeijingSandbox } from '@/seeds/sandbox-seed';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  await seedBeijingSandbox(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const listed = async (actor: TestActors[keyof TestActors], program: string) => {
  const { targets } = (await resolveFilters({ filters: { program } }))!;
  return (await listProjects({ actor, targets, pageSize: 100 })).rows.map((r) => r.code);
};

describe('access per program', () => {
  it('shows a regulator of the sandbox its 22 applications and none of the pilot’s projects', async () => {
    expect(await listed(actors.sandboxRegulator, 'BJ-FINTECH-SANDBOX')).toHaveLength(22);
    expect(await listed(actors.sandboxRegulator, 'BJ-FINTECH-PILOT')).toEqual([]);
    expect(await getProject({ actor: actors.sandboxRegulator, code: 'BJFT-05' })).toBeNull();
    expect(await getProject({ actor: actors.sandboxRegulator, code: 'BJSB-01' })).not.toBeNull();
    // Its own program's published figures stand beside its counts; the pilot's do not.
    const view = async (program: string) =>
      (await getHeadline({ actor: actors.sandboxRegulator, targets: (await resolveFilters({ filters: { program } }))!.targets, view: 'home' })).comparable;
    expect(await view('BJ-FINTECH-SANDBOX')).toBe(true);
    expect(await view('BJ-FINTECH-PILOT')).toBe(false);
  });

  it('opens a regulator of the sandbox on the sandbox, and the pilot’s views not at all', async () => {
    expect((await resolveFilters({ filters: {}, actor: actors.sandboxRegulator }))?.program.code).toBe('BJ-FINTECH-SANDBOX');
    expect(await resolveFilters({ filters: { program: 'BJ-FINTECH-PILOT' }, actor: actors.sandboxRegulator })).toBeNull();
    expect((await resolveFilters({ filters: {}, actor: actors.regulator }))?.program.code).toBe('BJ-FINTECH-PILOT');
    expect((await resolveFilters({ filters: { program: 'BJ-FINTECH-SANDBOX' }, actor: actors.cmb }))?.program.code).toBe('BJ-FINTECH-SANDBOX');
    expect((await listPrograms({ actor: actors.sandboxRegulator })).map((p) => p.code)).toEqual(['BJ-FINTECH-SANDBOX']);
    expect((await listPrograms({ actor: actors.regulator })).map((p) => p.code)).toEqual(['BJ-FINTECH-PILOT', 'BJ-FINTECH-SANDBOX']);
  });

  it('keeps a regulator of the sandbox from deciding on a pilot project, exactly as for an unknown proposal', async () => {
    const proposal = await proposeStageChange({
      actor: actors.cmb,
      input: { projectId: await projectId(prisma, 'BJFT-06'), version: 1, toStage: 'PROMOTION', effectiveDate: new Date('2021-01-01'), evidenceNote: '推广' },
    });
    expect((await listPendingProposals({ actor: actors.sandboxRegulator })).map((p) => p.id)).not.toContain(proposal.id);
    expect((await listPendingProposals({ actor: actors.regulator })).map((p) => p.id)).toContain(proposal.id);
    const before = await dbFingerprint(prisma);
    const decide = (proposalId: number) => decideProposal({ actor: actors.sandboxRegulator, input: { proposalId, decision: 'APPROVE', note: '越权' } });
    await expect(decide(proposal.id)).rejects.toEqual(new AppError('NOT_FOUND'));
    await expect(decide(999_999)).rejects.toEqual(new AppError('NOT_FOUND'));
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('lets an institution read its own projects in either program, with one record for an institution both name', async () => {
    const unionpay = await prisma.institution.findMany({
      where: { name: '中国银联' },
      include: { projects: { include: { project: { select: { code: true } } } } },
    });
    expect(unionpay).toHaveLength(1);
    expect(unionpay[0].projects.map((p) => p.project.code).sort()).toEqual(['BJFT-05', 'BJSB-03', 'BJSB-06']);
    expect(await listed(actors.unionpay, 'BJ-FINTECH-SANDBOX')).toEqual(['BJSB-03', 'BJSB-06']);
    expect(await listed(actors.unionpay, 'BJ-FINTECH-PILOT')).toEqual(['BJFT-05']);
  });
});
