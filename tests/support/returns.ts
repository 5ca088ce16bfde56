/** A return template with one version and a schedule, for the tests of filing and review. */
import type { ReturnFrequency } from '@/lib/rules/returns';
import type { ReturnSection } from '@/lib/schemas/returns';
import type { PrismaClient } from '@/lib/server/prisma';

/** Every kind of section: a required text, an indicator, a risk self-check, complaints, attachments. */
export const QUARTERLY_SECTIONS: ReturnSection[] = [
  { id: 'progress', kind: 'TEXT', label: '本期运行情况', labelEn: 'Operations this period', required: true, maxLength: 2000 },
  { id: 'scenarios', kind: 'INDICATOR', indicatorCode: 'SCENARIOS', required: true },
  { id: 'risk', kind: 'RISK_CHECK', label: '本期是否发生风险事件', labelEn: 'Any risk event this period' },
  { id: 'complaints', kind: 'COMPLAINTS', label: '投诉情况', labelEn: 'Complaints' },
  { id: 'attachments', kind: 'ATTACHMENTS', label: '附件说明', labelEn: 'Attachments', required: false },
];

/** Answers that a submission of QUARTERLY_SECTIONS accepts. */
export const completeAnswers = (scenarios = '8') => ({
  progress: '本季度运行平稳。',
  scenarios: { value: scenarios, qualifier: 'EXACT' },
  risk: { answer: 'no', explanation: '' },
  complaints: { received: '3', resolved: '3' },
  attachments: ['运行数据报表（邮寄）'],
});

/** A template of the Beijing pilot with `sections`, and a schedule over projects online or in promotion. */
export async function createSchedule(
  prisma: PrismaClient,
  options: { code: string; sections?: ReturnSection[]; frequency?: ReturnFrequency; dueDays?: number; startsOn?: string; stageCodes?: string[] },
) {
  const program = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, select: { id: true } });
  const template = await prisma.returnTemplate.create({
    data: {
      programId: program.id,
      code: options.code,
      name: `季度运行报告 ${options.code}`,
      nameEn: `Quarterly operations report ${options.code}`,
      versions: { create: { number: 1, sections: options.sections ?? QUARTERLY_SECTIONS } },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  const schedule = await prisma.returnSchedule.create({
    data: {
      templateId: template.id,
      frequency: options.frequency ?? 'QUARTERLY',
      dueDays: options.dueDays ?? 15,
      startsOn: new Date(`${options.startsOn ?? '2020-01-01'}T00:00:00Z`),
      stageCodes: options.stageCodes ?? ['ONLINE', 'PROMOTION'],
    },
    select: { id: true },
  });
  return { templateId: template.id, versionId: template.versions[0].id, scheduleId: schedule.id };
}
