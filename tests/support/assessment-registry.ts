/**
 * The assessment actions' entries of the action registry (./action-registry.ts):
 * inputs that succeed for an allowed actor; their hostile values are the shared ones
 * (tests/support/hostile.ts) by field name.
 */
import type { PrismaClient } from '@/lib/server/prisma';
import type { Ctx, Entry } from './action-registry';
import { projectId } from './users';

async function rubricOf(prisma: PrismaClient, code: string) {
  const program = await prisma.program.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return prisma.rubric.findUniqueOrThrow({
    where: { programId: program.id },
    select: { id: true, version: true, scaleMax: true, programId: true, dimensions: { orderBy: { sortOrder: 'asc' }, select: { id: true, weight: true } } },
  });
}

/** BJFT-06 (led by the institution test user's bank), open for scoring, with the test reviewer assigned. */
async function scoringInput(ctx: Ctx) {
  const id = await projectId(ctx.prisma, 'BJFT-06');
  await ctx.prisma.projectReviewer.upsert({
    where: { projectId_userId: { projectId: id, userId: ctx.actors.reviewer.userId } },
    create: { projectId: id, userId: ctx.actors.reviewer.userId },
    update: {},
  });
  const rubric = await rubricOf(ctx.prisma, 'BJ-FINTECH-PILOT');
  const assessment = await ctx.prisma.assessment.findUnique({ where: { projectId: id }, select: { version: true } });
  return {
    projectId: id,
    version: assessment?.version ?? 1,
    dimensionId: rubric.dimensions.map((d) => d.id),
    score: rubric.dimensions.map((_, i) => String((ctx.n + i) % (rubric.scaleMax + 1))),
    evidence: rubric.dimensions.map((_, i) => `依据 ${ctx.n}-${i}`),
  };
}

/** BJFT-07 with a fresh open assessment whose self and regulator rounds are complete: ready to confirm. */
async function confirmableInput(ctx: Ctx) {
  const id = await projectId(ctx.prisma, 'BJFT-07');
  await ctx.prisma.assessment.deleteMany({ where: { projectId: id } });
  const rubric = await rubricOf(ctx.prisma, 'BJ-FINTECH-PILOT');
  const scorers = { SELF: ctx.actors.cmb.userId, REGULATOR: ctx.actors.regulator.userId } as const;
  const a = await ctx.prisma.assessment.create({
    data: {
      projectId: id,
      scores: {
        create: (['SELF', 'REGULATOR'] as const).flatMap((round) =>
          rubric.dimensions.map((d) => ({ round, dimensionId: d.id, scorerId: scorers[round], score: 4, evidence: '依据' })),
        ),
      },
    },
  });
  return { projectId: id, version: a.version };
}

export const ASSESSMENT_ACTIONS: Record<string, Entry> = {
  'assessments#saveRubricAction': {
    capability: 'assessment:manage',
    audited: true,
    fields: ['programId', 'version', 'scaleMax', 'dimensionId', 'weight'],
    input: async (ctx) => {
      const rubric = await rubricOf(ctx.prisma, 'BJ-FINTECH-PILOT');
      return {
        programId: rubric.programId,
        version: rubric.version,
        scaleMax: String(5 + (ctx.n % 2)),
        dimensionId: rubric.dimensions.map((d) => d.id),
        weight: rubric.dimensions.map((d) => String(Number(d.weight))),
      };
    },
  },
  'assessments#recordScoresAction': {
    capability: 'assessment:score',
    audited: true,
    fields: ['projectId', 'version', 'dimensionId', 'score', 'evidence'],
    input: scoringInput,
  },
  'assessments#confirmAssessmentAction': {
    capability: 'assessment:manage',
    audited: true,
    fields: ['projectId', 'version'],
    input: confirmableInput,
  },
  'assessments#assignReviewerAction': {
    capability: 'assessment:manage',
    audited: true,
    fields: ['projectId', 'userId'],
    input: async (ctx) => {
      const reviewer = await ctx.prisma.user.create({
        data: { email: `reviewer-${ctx.n}@matrix.example`, name: `评审专家 ${ctx.n}`, role: 'REVIEWER', passwordHash: 'x' },
      });
      return { projectId: await projectId(ctx.prisma, 'BJFT-03'), userId: reviewer.id };
    },
  },
};
