/**
 * Demo assessments, marked as demo (isSample, and 【示例】 in every piece of
 * evidence): one completed assessment of the sandbox application BJSB-02 with
 * all three rounds, and an open one of BJSB-05 assigned to the demo reviewer.
 * Never the public record. Loaded with the demo accounts, once.
 */
import { consolidate, frozenResult, type Score } from '../lib/rules/assessment';
import type { PrismaClient } from '../lib/server/prisma';

/** Scores per round, in the rubric's order (eight dimensions of the exit evaluation). */
const SCORES: Record<Score['round'], number[]> = {
  SELF: [5, 4, 4, 5, 5, 4, 4, 4],
  REGULATOR: [4, 4, 3, 4, 5, 4, 4, 3],
  EXPERT: [4, 3, 4, 4, 4, 4, 3, 4],
};
const SCORERS: Record<Score['round'], string> = {
  SELF: 'sandbox-institution@pilot.example',
  REGULATOR: 'regulator@pilot.example',
  EXPERT: 'reviewer@pilot.example',
};

export async function seedDemoAssessments(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const done = await tx.project.findUniqueOrThrow({
      where: { code: 'BJSB-02' },
      select: { id: true, programId: true, assessment: { select: { id: true } } },
    });
    if (done.assessment) return;
    const rubric = await tx.rubric.findUniqueOrThrow({
      where: { programId: done.programId },
      select: { scaleMax: true, dimensions: { orderBy: { sortOrder: 'asc' }, select: { id: true, code: true, name: true, nameEn: true, weight: true } } },
    });
    const dimensions = rubric.dimensions.map((d) => ({ ...d, weight: Number(d.weight) }));
    const users = Object.fromEntries(
      await Promise.all(
        Object.entries(SCORERS).map(
          async ([round, email]) => [round, (await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id] as const,
        ),
      ),
    );
    const scores = (Object.keys(SCORES) as Score['round'][]).flatMap((round) =>
      dimensions.map((d, i) => ({
        round,
        dimensionId: d.id,
        scorerId: users[round],
        score: SCORES[round][i],
        evidence: `【示例】${d.name}：演示用评分依据，非真实评估。`,
      })),
    );
    const confirmedAt = new Date('2026-11-20T08:00:00Z');
    const result = frozenResult({ scaleMax: rubric.scaleMax, dimensions }, consolidate(dimensions, scores, rubric.scaleMax), confirmedAt);
    await tx.assessment.create({
      data: {
        projectId: done.id,
        isSample: true,
        status: 'CONFIRMED',
        confirmedAt,
        confirmedById: users.REGULATOR,
        result,
        version: 4,
        scores: { create: scores },
      },
    });
    const open = await tx.project.findUniqueOrThrow({ where: { code: 'BJSB-05' }, select: { id: true } });
    await tx.assessment.upsert({ where: { projectId: open.id }, create: { projectId: open.id, isSample: true }, update: {} });
    for (const projectId of [done.id, open.id]) {
      await tx.projectReviewer.upsert({
        where: { projectId_userId: { projectId, userId: users.EXPERT } },
        create: { projectId, userId: users.EXPERT },
        update: {},
      });
    }
  });
}
