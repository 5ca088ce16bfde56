/**
 * The pilot's quarterly return (季度运行报告) and its schedule, and (demo data only)
 * sample filings of the latest quarter whose due date has passed, so that a new
 * user sees every state on the board: some filed, one returned for revision, one
 * filed late, and projects with nothing filed (missing). Sample answers say
 * 「示例」 in every text, and no sample return is ever accepted, so no sample
 * figure becomes a MetricValue. Idempotent: the template, schedule and samples
 * are created once, then left as the portal's users change them.
 */
import type { PrismaClient } from '../lib/server/prisma';
import { dueDate, periodContaining, type ReturnPeriod } from '../lib/rules/returns';
import type { ReturnSection } from '../lib/schemas/returns';
import { todayInBeijing } from '../lib/rules/time';
import { program as pilot } from './beijing-pilot';

export const QUARTERLY_TEMPLATE = 'QUARTERLY';
export const QUARTERLY_DUE_DAYS = 15;
/** The schedule's first quarter: the supervision cycle began in 2026. */
export const QUARTERLY_STARTS_ON = '2026-01-01';

export const quarterlySections: ReturnSection[] = [
  { id: 'operations', kind: 'TEXT', label: '本季度运行情况', labelEn: 'Operations this quarter', required: true, maxLength: 2000 },
  { id: 'users', kind: 'INDICATOR', indicatorCode: 'USERS', required: true },
  { id: 'merchants', kind: 'INDICATOR', indicatorCode: 'MERCHANTS', required: false },
  { id: 'risk_incident', kind: 'RISK_CHECK', label: '本季度是否发生风险事件', labelEn: 'Did a risk incident occur this quarter' },
  { id: 'complaints', kind: 'COMPLAINTS', label: '本季度投诉受理与办结', labelEn: 'Complaints received and resolved' },
  { id: 'attachments', kind: 'ATTACHMENTS', label: '随附材料说明', labelEn: 'Attachments sent separately', required: false },
];

/** What each sample project's return shows, and when it was filed relative to its due date (days; positive is late). */
const SAMPLES: { code: string; status: 'SUBMITTED' | 'RETURNED'; filedDaysAfterDue: number; users: number }[] = [
  { code: 'BJFT-01', status: 'SUBMITTED', filedDaysAfterDue: -5, users: 1200 },
  { code: 'BJFT-03', status: 'SUBMITTED', filedDaysAfterDue: -2, users: 5600 },
  { code: 'BJFT-05', status: 'RETURNED', filedDaysAfterDue: -8, users: 32000 },
  { code: 'BJFT-07', status: 'SUBMITTED', filedDaysAfterDue: 6, users: 800 },
];

const SAMPLE_MARK = '【示例】';

function sampleAnswers(users: number) {
  return {
    operations: `${SAMPLE_MARK}示例填报内容，仅用于演示报送状态，不是机构实际报送。`,
    users: { value: users, qualifier: 'EXACT' },
    risk_incident: { answer: 'no', explanation: '' },
    complaints: { received: 3, resolved: 3 },
    attachments: [`${SAMPLE_MARK}运行数据明细表（示例）`],
  };
}

/** The latest quarter whose due date had passed by `today`. */
export function lastDueQuarter(today: Date): ReturnPeriod {
  let q = periodContaining('QUARTERLY', today);
  while (dueDate(q, QUARTERLY_DUE_DAYS) >= today) q = periodContaining('QUARTERLY', new Date(q.from.getTime() - 86_400_000));
  return q;
}

/** The quarterly template with its first version and its schedule (projects online or in promotion). */
export async function seedQuarterlyReturn(prisma: PrismaClient): Promise<{ templateId: number; scheduleId: number; versionId: number }> {
  const program = await prisma.program.findUniqueOrThrow({ where: { code: pilot.code }, select: { id: true } });
  return prisma.$transaction(async (tx) => {
    const template = await tx.returnTemplate.upsert({
      where: { programId_code: { programId: program.id, code: QUARTERLY_TEMPLATE } },
      create: { programId: program.id, code: QUARTERLY_TEMPLATE, name: '季度运行报告', nameEn: 'Quarterly operating report' },
      update: {},
    });
    const version = await tx.returnTemplateVersion.upsert({
      where: { templateId_number: { templateId: template.id, number: 1 } },
      create: { templateId: template.id, number: 1, sections: quarterlySections },
      update: {},
    });
    const schedule =
      (await tx.returnSchedule.findFirst({ where: { templateId: template.id }, orderBy: { id: 'asc' } })) ??
      (await tx.returnSchedule.create({
        data: {
          templateId: template.id,
          stageCodes: ['ONLINE', 'PROMOTION'],
          frequency: 'QUARTERLY',
          dueDays: QUARTERLY_DUE_DAYS,
          startsOn: new Date(`${QUARTERLY_STARTS_ON}T00:00:00Z`),
        },
      }));
    return { templateId: template.id, scheduleId: schedule.id, versionId: version.id };
  });
}

/**
 * Sample filings for the latest quarter past its due date, submitted by a
 * disabled sample account of each lead institution (nobody signs in with it).
 * Left alone once the quarter has any return.
 */
export async function seedSampleReturns(prisma: PrismaClient, today = todayInBeijing()): Promise<void> {
  const { templateId, scheduleId, versionId } = await seedQuarterlyReturn(prisma);
  const period = lastDueQuarter(today);
  if (await prisma.return.count({ where: { templateId, period: period.key } })) return;
  const due = dueDate(period, QUARTERLY_DUE_DAYS);
  await prisma.$transaction(async (tx) => {
    for (const sample of SAMPLES) {
      const project = await tx.project.findUniqueOrThrow({
        where: { code: sample.code },
        select: { id: true, institutions: { where: { role: 'LEAD' }, select: { institutionId: true, institution: { select: { name: true } } } } },
      });
      const lead = project.institutions[0];
      const submitter = await tx.user.upsert({
        where: { email: `sample-filer-${lead.institutionId}@pilot.example` },
        create: {
          email: `sample-filer-${lead.institutionId}@pilot.example`,
          name: `${lead.institution.name}（示例报送）`,
          role: 'INSTITUTION',
          institutionId: lead.institutionId,
          passwordHash: '!',
          disabled: true,
        },
        update: {},
      });
      // Filed at 10:00 Beijing time on the day given, never later than now.
      const submittedAt = new Date(Math.min(due.getTime() + sample.filedDaysAfterDue * 86_400_000 + 2 * 3_600_000, Date.now() - 60_000));
      const answers = sampleAnswers(sample.users);
      await tx.return.create({
        data: {
          projectId: project.id,
          templateId,
          scheduleId,
          period: period.key,
          templateVersionId: versionId,
          status: sample.status,
          answers,
          firstSubmittedAt: submittedAt,
          isSample: true,
          submissions: {
            create: {
              number: 1,
              answers,
              submittedById: submitter.id,
              submittedAt,
              ...(sample.status === 'RETURNED' && {
                decision: 'RETURN',
                reviewNote: `${SAMPLE_MARK}请补充用户数的统计口径。`,
                sectionComments: { users: `${SAMPLE_MARK}请说明开通用户是否含测试账户。` },
                reviewedAt: new Date(submittedAt.getTime() + 3 * 86_400_000),
              }),
            },
          },
        },
      });
    }
  });
}
