/**
 * The program median on an assessment's radar is read only when at least three
 * OTHER projects of the program have a confirmed assessment: with fewer it is
 * not computed into the page's data at all, and the view says how many there are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProjectAssessment } from '@/lib/data/assessments';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { createActors, projectId, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;
let dimensions: { id: number }[];

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
  const program = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, select: { id: true } });
  dimensions = await prisma.rubricDimension.findMany({ where: { rubric: { programId: program.id } }, orderBy: { sortOrder: 'asc' }, select: { id: true } });
});
afterAll(() => prisma.$disconnect());

/** A confirmed assessment of `code` scoring every dimension `score` in the self and regulator rounds. */
async function confirmed(code: string, score: number) {
  await prisma.assessment.create({
    data: {
      projectId: await projectId(prisma, code),
      status: 'CONFIRMED',
      confirmedAt: new Date(),
      scores: {
        create: dimensions.flatMap((d) =>
          (['SELF', 'REGULATOR'] as const).map((round) => ({ round, dimensionId: d.id, score, evidence: '测试', scorerId: actors.regulator.userId })),
        ),
      },
    },
  });
}

describe('the radar median', () => {
  it('is withheld until three other projects have a confirmed assessment, then is their median with the project', async () => {
    const view = () => getProjectAssessment({ actor: actors.regulator, code: 'BJFT-06' });
    await confirmed('BJFT-06', 1);
    expect(await view()).toMatchObject({ medians: null, othersConfirmed: 0 });
    await confirmed('BJFT-02', 2);
    await confirmed('BJFT-05', 4);
    // Two others and the project itself: three confirmed, still too few others.
    expect(await view()).toMatchObject({ medians: null, othersConfirmed: 2 });
    // An institution reading its own project gets no median either.
    expect(await getProjectAssessment({ actor: actors.cmb, code: 'BJFT-06' })).toMatchObject({ medians: null, othersConfirmed: 2 });
    await confirmed('BJFT-07', 5);
    const shown = (await view())!;
    expect(shown.othersConfirmed).toBe(3);
    // Per dimension the scores are 1, 2, 4, 5: the median is 3 on every dimension.
    expect(Object.values(shown.medians!)).toEqual(dimensions.map(() => 3));
    // For another project the count of others leaves it out, not the project asked about.
    expect((await getProjectAssessment({ actor: actors.regulator, code: 'BJFT-02' }))!.othersConfirmed).toBe(3);
  });
});
