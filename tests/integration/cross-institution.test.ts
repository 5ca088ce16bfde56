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
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let n = 1000;

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
      'projects#addMilestoneAction',
      'projects#completeMilestoneAction',
      'projects#editProjectDetailsAction',
      'projects#editStatementAction',
      'projects#proposeStageAction',
      'projects#recordMetricAction',
      'projects#submitProgressReportAction',
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
        if (name === 'projects#completeMilestoneAction') {
          // The other project's own milestone, so only the scope can stop it.
          const m = await prisma.milestone.create({
            data: { projectId: target.code ? otherId : (valid.projectId as number), title: '他人里程碑', dueDate: new Date('2022-01-01') },
          });
          input = { ...input, milestoneId: m.id };
        }
        if ('version' in valid && target.code) input = { ...input, version: (await prisma.project.findUniqueOrThrow({ where: { id: otherId } })).version };
        const before = await dbFingerprint(prisma);
        actAs(target.actor());
        expect(await actions.get(baseName(name))!(null, input)).toEqual({ ok: false, message: 'NOT_FOUND', values: expect.any(Object) });
        expect(await dbFingerprint(prisma)).toBe(before);
      });
    }
  }

  it("cannot complete another project's milestone through its own project id", async () => {
    const own = await projectId(prisma, 'BJFT-06');
    const other = await prisma.milestone.create({
      data: { projectId: await projectId(prisma, 'BJFT-05'), title: '银联里程碑', dueDate: new Date('2022-01-01') },
    });
    const before = await dbFingerprint(prisma);
    actAs(actors.cmb);
    expect(await actions.get('projects#completeMilestoneAction')!(null, { projectId: own, milestoneId: other.id, completedAt: '2022-01-02' })).toEqual({
      ok: false,
      message: 'NOT_FOUND',
      values: expect.any(Object),
    });
    expect(await dbFingerprint(prisma)).toBe(before);
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
