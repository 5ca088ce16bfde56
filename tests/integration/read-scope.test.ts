import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/rules/authz';
import { getHeadline } from '@/lib/data/headline';
import { resolveFilters } from '@/lib/data/filter-targets';
import { getProject, listProjects } from '@/lib/data/projects';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { createActors, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

/** Codes of every project the actor's unfiltered list shows. */
const listed = async (actor: Actor) => {
  const resolved = await resolveFilters({ filters: {} });
  return (await listProjects({ actor, targets: resolved!.targets, pageSize: 100 })).rows.map((p) => p.code);
};
const kpi = async (actor: Actor, key: string) => {
  const { targets } = (await resolveFilters({ filters: {} }))!;
  return (await getHeadline({ actor, targets, view: 'home' })).cards.find((k) => k.key === key)?.value;
};

describe('read scope in the data layer', () => {
  it('lets regulators, leaders and admins read every project', async () => {
    for (const actor of [actors.regulator, actors.leader, actors.admin]) {
      expect(await listed(actor)).toHaveLength(46);
      expect(await kpi(actor, 'projects')).toBe(46);
    }
  });

  it('shows an institution only the projects it leads or joins', async () => {
    const { cmb, park } = actors;
    expect(await listed(cmb)).toEqual(['BJFT-02', 'BJFT-06']);
    expect(await kpi(cmb, 'projects')).toBe(2);
    expect(await kpi(cmb, 'institutions')).toBe(1);

    expect(await listed(park)).toEqual(['BJFT-08']);
    expect(await getProject({ actor: park, code: 'BJFT-08' })).not.toBeNull();
  });

  it("gives an institution nothing for another institution's project, exactly as for an unknown code", async () => {
    const { cmb } = actors;
    expect(await getProject({ actor: cmb, code: 'BJFT-05' })).toBeNull();
    expect(await getProject({ actor: cmb, code: 'BJFT-06' })).not.toBeNull();
  });

  it('fails closed for an institution user without an institution', async () => {
    const orphan: Actor = { userId: 9, role: 'INSTITUTION', institutionId: null, name: 'orphan', programs: 'ALL' };
    expect(await listed(orphan)).toEqual([]);
    expect(await kpi(orphan, 'projects')).toBe(0);
    expect(await getProject({ actor: orphan, code: 'BJFT-02' })).toBeNull();
  });
});
