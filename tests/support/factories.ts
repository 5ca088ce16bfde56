/**
 * Small, explicit test data for the aggregation rules: a two-direction program
 * whose every number is chosen so that a wrong rule gives a different total.
 */
import type { PrismaClient } from '@/lib/server/prisma';
import type { Aggregation, IndicatorKind, ProjectStage, ValueQualifier } from '@/lib/generated/prisma/enums';

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function createProgram(prisma: PrismaClient, code = 'TEST') {
  const program = await prisma.program.create({
    data: {
      code,
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
  stage: ProjectStage;
  isPlaceholder?: boolean;
  lead: number;
  participants?: number[];
  technologies?: number[];
  /** [stage, date] in the order they happened. */
  history: [ProjectStage, string][];
  values?: { indicatorId: number; asOf: string; value: number; qualifier?: ValueQualifier }[];
};

export async function createProject(prisma: PrismaClient, p: NewProject) {
  const reached = (s: ProjectStage) => p.history.find(([h]) => h === s)?.[1];
  const { directionId } = await prisma.field.findUniqueOrThrow({ where: { id: p.fieldId }, select: { directionId: true } });
  return prisma.project.create({
    data: {
      programId: p.programId,
      directionId,
      fieldId: p.fieldId,
      code: p.code,
      name: `项目 ${p.code}`,
      stage: p.stage,
      isPlaceholder: p.isPlaceholder ?? false,
      approvedAt: day(p.history[0][1]),
      onlineAt: reached('ONLINE') ? day(reached('ONLINE')!) : null,
      promotionAt: reached('PROMOTION') ? day(reached('PROMOTION')!) : null,
      institutions: {
        create: [{ institutionId: p.lead, role: 'LEAD' }, ...(p.participants ?? []).map((institutionId) => ({ institutionId, role: 'PARTICIPANT' as const }))],
      },
      technologies: { create: (p.technologies ?? []).map((technologyId) => ({ technologyId })) },
      stageChanges: {
        create: p.history.map(([toStage, date], i) => ({ fromStage: i === 0 ? null : p.history[i - 1][0], toStage, effectiveDate: day(date) })),
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
