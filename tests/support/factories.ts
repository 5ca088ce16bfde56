/**
 * Small, explicit test data for the aggregation rules: a two-direction program
 * whose every number is chosen so that a wrong rule gives a different total.
 */
import type { PrismaClient } from '@/lib/server/prisma';
import type { Aggregation, IndicatorKind, ValueQualifier } from '@/lib/generated/prisma/enums';
import { upsertLifecycle } from '@/seeds/helpers';
import { PILOT } from '@/seeds/lifecycles';

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A stage of the pilot's lifecycle (seeds/lifecycles.ts), by code. */
export type PilotStage = 'APPROVED' | 'ONLINE' | 'PROMOTION' | 'COMPLETED' | 'WITHDRAWN';

/** The pilot's lifecycle in the test database (created on first use): stage ids and orders by code. */
export async function pilotLifecycle(prisma: PrismaClient) {
  return prisma.$transaction((tx) => upsertLifecycle(tx, PILOT));
}

export async function createProgram(prisma: PrismaClient, code = 'TEST') {
  const lifecycle = await pilotLifecycle(prisma);
  const program = await prisma.program.create({
    data: {
      code,
      lifecycleId: lifecycle.id,
      name: '测试试点',
      nameEn: 'Test pilot',
      region: 'test',
      startDate: day('2020-01-01'),
      directions: {
        create: [
          {
            code: 'D1',
            name: '方向一',
            nameEn: 'Direction one',
            sortOrder: 1,
            fields: { create: [{ code: 'D1-1', name: '领域一', nameEn: 'Field one', sortOrder: 1 }] },
          },
          {
            code: 'D2',
            name: '方向二',
            nameEn: 'Direction two',
            sortOrder: 2,
            fields: { create: [{ code: 'D2-1', name: '领域二', nameEn: 'Field two', sortOrder: 1 }] },
          },
        ],
      },
    },
    include: { directions: { include: { fields: true } } },
  });
  const field = (code: string) => program.directions.flatMap((d) => d.fields).find((f) => f.code === code)!.id;
  /** A field's id and its direction's, as a project is placed. */
  const place = (code: string) => {
    const f = program.directions.flatMap((d) => d.fields).find((x) => x.code === code)!;
    return { fieldId: f.id, directionId: f.directionId };
  };
  return { program, field, place };
}

export function createIndicator(prisma: PrismaClient, code: string, rule: { aggregation: Aggregation; kind?: IndicatorKind; cumulative?: boolean }) {
  return prisma.indicator.create({
    data: { code, nameZh: code, nameEn: code, unit: '个', kind: rule.kind ?? 'COUNT', aggregation: rule.aggregation, cumulative: rule.cumulative ?? true },
  });
}

type NewProject = {
  programId: number;
  fieldId: number;
  code: string;
  stage: PilotStage;
  isPlaceholder?: boolean;
  lead: number;
  participants?: number[];
  technologies?: number[];
  /** [stage, date] in the order they happened. */
  history: [PilotStage, string][];
  values?: { indicatorId: number; asOf: string; value: number; qualifier?: ValueQualifier }[];
};

export async function createProject(prisma: PrismaClient, p: NewProject) {
  const lifecycle = await pilotLifecycle(prisma);
  const stage = (code: PilotStage) => lifecycle.stages.get(code)!;
  const reachedOrder = Math.max(
    ...p.history
      .map(([s]) => stage(s))
      .filter((s) => s.onPath)
      .map((s) => s.sortOrder),
  );
  const { directionId } = await prisma.field.findUniqueOrThrow({ where: { id: p.fieldId }, select: { directionId: true } });
  return prisma.project.create({
    data: {
      programId: p.programId,
      directionId,
      fieldId: p.fieldId,
      code: p.code,
      name: `项目 ${p.code}`,
      stageId: stage(p.stage).id,
      reachedOrder,
      isPlaceholder: p.isPlaceholder ?? false,
      approvedAt: day(p.history[0][1]),
      institutions: {
        create: [{ institutionId: p.lead, role: 'LEAD' }, ...(p.participants ?? []).map((institutionId) => ({ institutionId, role: 'PARTICIPANT' as const }))],
      },
      technologies: { create: (p.technologies ?? []).map((technologyId) => ({ technologyId })) },
      stageChanges: {
        create: p.history.map(([to, date], i) => ({
          fromStageId: i === 0 ? null : stage(p.history[i - 1][0]).id,
          toStageId: stage(to).id,
          effectiveDate: day(date),
        })),
      },
      metricValues: {
        create: (p.values ?? []).map((v) => ({
          indicatorId: v.indicatorId,
          asOf: day(v.asOf),
          value: v.value,
          qualifier: v.qualifier ?? 'EXACT',
          source: 'test',
        })),
      },
    },
  });
}

/** A stage's id by its code in a seeded lifecycle (the pilot's unless named). */
export async function stageIdOf(prisma: PrismaClient, code: string, lifecycle = 'PILOT'): Promise<number> {
  return (await prisma.lifecycleStage.findFirstOrThrow({ where: { code, lifecycle: { code: lifecycle } }, select: { id: true } })).id;
}
