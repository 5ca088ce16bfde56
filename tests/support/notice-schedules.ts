/**
 * A return template of the Beijing pilot with one version and one schedule
 * owed by projects in every stage of the pilot's lifecycle: what the notice
 * tests need to raise calendar notices. A new template code on every call.
 */
import type { PrismaClient } from '@/lib/server/prisma';
import type { ReturnFrequency } from '@/lib/rules/returns';
import type { ReturnSection } from '@/lib/schemas/returns';

const SECTIONS: ReturnSection[] = [{ id: 'operations', kind: 'TEXT', label: '运行情况', labelEn: 'Operations', required: true, maxLength: 2000 }];
let made = 0;

export async function pilotSchedule(prisma: PrismaClient, rule: { frequency: ReturnFrequency; dueDays: number; startsOn: Date }) {
  const program = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, include: { lifecycle: { include: { stages: true } } } });
  const stageCodes = program.lifecycle.stages.map((s) => s.code);
  const template = await prisma.returnTemplate.create({
    data: {
      programId: program.id,
      code: `NOTICE-TEST-${++made}`,
      name: '季度运行报告',
      nameEn: 'Quarterly operations return',
      versions: { create: [{ number: 1, sections: SECTIONS }] },
    },
  });
  const schedule = await prisma.returnSchedule.create({ data: { templateId: template.id, stageCodes, ...rule } });
  return { id: schedule.id, templateId: template.id, programId: program.id, stageCodes };
}
