/** A return template with one version and a schedule, for the tests of filing and review. */
import fc from 'fast-check';
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

/** The role matrix's and the hostile-input tests' template: monthly, one required text, one optional indicator. */
const MATRIX_SECTIONS: ReturnSection[] = [
  { id: 'progress', kind: 'TEXT', label: '本月运行情况', labelEn: 'Operations this month', required: true, maxLength: 2000 },
  { id: 'scenarios', kind: 'INDICATOR', indicatorCode: 'SCENARIOS', required: false },
];

async function matrixSchedule(prisma: PrismaClient) {
  const existing = await prisma.returnSchedule.findFirst({ where: { template: { code: 'MATRIX' } }, select: { id: true, templateId: true } });
  if (existing) return { scheduleId: existing.id, templateId: existing.templateId };
  return createSchedule(prisma, { code: 'MATRIX', frequency: 'MONTHLY', sections: MATRIX_SECTIONS });
}

/** A month of 2020 to 2024 for call `n`, with no return stored for it yet: a filing of it succeeds. */
export async function freshFiling(prisma: PrismaClient, projectId: number, n: number) {
  const { scheduleId, templateId } = await matrixSchedule(prisma);
  const period = `${2020 + Math.floor((n % 60) / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  await prisma.return.deleteMany({ where: { projectId, templateId, period } });
  return { projectId, scheduleId, period, version: 0 };
}

/** A return of `projectId` submitted and waiting for review, new for call `n`. */
export async function submittedReturn(prisma: PrismaClient, projectId: number, submittedById: number, n: number) {
  const { scheduleId, period } = await freshFiling(prisma, projectId, n);
  const { templateId } = await matrixSchedule(prisma);
  const version = await prisma.returnTemplateVersion.findFirstOrThrow({ where: { templateId }, select: { id: true } });
  const answers = { progress: `本月运行平稳 ${n}` };
  const ret = await prisma.return.create({
    data: {
      projectId,
      templateId,
      scheduleId,
      period,
      templateVersionId: version.id,
      status: 'SUBMITTED',
      answers,
      firstSubmittedAt: new Date(),
      submissions: { create: { number: 1, answers, submittedById } },
    },
  });
  return { returnId: ret.id, version: ret.version };
}

const notJson = fc.constantFrom('not json', '[1,2]', '5', 'null', '"text"', '{"Bad Key": "x"}', `"${'x'.repeat(200_001)}"`);
const notVersion = fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.constantFrom(1.5, 'abc', '-1', '', ' 7 7', 2 ** 31, true, null));
const notPeriod = fc.oneof(fc.integer(), fc.constantFrom('', '2021-Q5', '2021-13', '2021-H3', '21-Q1', '1989-Q4', '2021-Q1-extra', '2021-1', "2021'--"));

/** Hostile fields of a filing that its schema alone refuses. */
export const FILING_HOSTILE_SCHEMA: Record<string, fc.Arbitrary<unknown>> = { version: notVersion, period: notPeriod, answers: notJson };
/** Hostile fields of a filing, including those only the template or the calendar refuses (an unknown section, a wrong shape, a month not owed). */
export const FILING_HOSTILE: Record<string, fc.Arbitrary<unknown>> = {
  ...FILING_HOSTILE_SCHEMA,
  period: fc.oneof(notPeriod, fc.constantFrom('2019-01', '2020-Q1', '2031-01')),
  answers: fc.oneof(notJson, fc.constantFrom('{"nowhere": "x"}', '{"progress": 5}', `{"progress": "${'x'.repeat(2001)}"}`, '{"scenarios": {"value": "-3"}}')),
};
/** Hostile fields of a review. */
export const REVIEW_HOSTILE_SCHEMA: Record<string, fc.Arbitrary<unknown>> = {
  sectionComments: fc.constantFrom('not json', '[1]', '{"Bad Key": "x"}', '{"progress": 5}', `{"progress": "${'x'.repeat(2001)}"}`, 5),
};
export const REVIEW_HOSTILE: Record<string, fc.Arbitrary<unknown>> = {
  sectionComments: fc.oneof(REVIEW_HOSTILE_SCHEMA.sectionComments, fc.constant('{"nowhere": "请补充"}')),
};
