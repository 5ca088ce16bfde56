import 'server-only';
/**
 * One project's returns as its readers see them: for each schedule of the
 * project's program that it owes, the periods owed and where each return stands
 * (computed from the calendar in lib/rules/returns.ts, never stored), and one
 * return's page: its sections, draft, submissions and reviews. The writes are in
 * ./return-filing.ts (the lead institution) and ./return-review.ts (the regulator).
 */
import { can, projectEditScope, projectReadScope, type Actor } from '../rules/authz';
import { owesWhere, parseReturnPeriod, returnState, schedulePeriods, type ReturnPeriod, type ReturnState } from '../rules/returns';
import { todayInBeijing } from '../rules/time';
import { returnSectionsSchema, type ReturnAnswers, type ReturnSection } from '../schemas/returns';
import { db } from '../server/db';
import type { Tx } from './audit';

/** How many periods a schedule shows on the project page beyond those with a return stored. */
const RECENT_PERIODS = 8;

export type ProjectReturnRow = {
  scheduleId: number;
  templateName: string;
  templateNameEn: string;
  period: string;
  due: Date;
  state: ReturnState;
  late: boolean;
  isSample: boolean;
  submissions: number;
};

/** A template version's sections as stored (checked when the template was saved; an unreadable one counts as none). */
export function sectionsOf(json: unknown): ReturnSection[] {
  const parsed = returnSectionsSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** The schedules of a program that are in force, with their template. */
const scheduleSelect = {
  id: true,
  frequency: true,
  dueDays: true,
  startsOn: true,
  endsOn: true,
  stageCodes: true,
  template: { select: { id: true, programId: true, name: true, nameEn: true } },
} as const;

/** Whether the project owes the schedule's return for the period (lib/rules/returns.ts owesWhere, asked of the database). */
export async function projectOwes(client: Tx, projectId: number, schedule: { stageCodes: string[]; template: { programId: number } }, period: ReturnPeriod) {
  const where = owesWhere({ programId: schedule.template.programId, stageCodes: schedule.stageCodes }, period);
  return (await client.project.count({ where: { AND: [{ id: projectId }, where] } })) > 0;
}

/**
 * The project's returns, latest period first: every period owed under each schedule
 * of its program (the recent ones), and every return stored for it. Nothing for a
 * project the actor may not read.
 */
export async function listProjectReturns(options: { actor: Actor; projectId: number; today?: Date }): Promise<ProjectReturnRow[]> {
  const { actor, projectId } = options;
  const today = options.today ?? todayInBeijing();
  const project = await db.project.findFirst({ where: { AND: [{ id: projectId }, projectReadScope(actor)] }, select: { id: true, programId: true } });
  if (!project) return [];
  const [schedules, stored] = await Promise.all([
    db.returnSchedule.findMany({
      where: { retiredAt: null, template: { programId: project.programId, retiredAt: null } },
      select: scheduleSelect,
      orderBy: { id: 'asc' },
    }),
    db.return.findMany({
      where: { projectId: project.id },
      select: {
        scheduleId: true,
        period: true,
        status: true,
        firstSubmittedAt: true,
        isSample: true,
        schedule: { select: scheduleSelect },
        _count: { select: { submissions: true } },
      },
    }),
  ]);
  const rows = new Map<string, ProjectReturnRow>();
  const add = (schedule: (typeof schedules)[number], period: ReturnPeriod, ret: (typeof stored)[number] | undefined) => {
    const { state, due, late } = returnState(period, schedule.dueDays, ret ?? null, today);
    rows.set(`${schedule.id}:${period.key}`, {
      scheduleId: schedule.id,
      templateName: schedule.template.name,
      templateNameEn: schedule.template.nameEn,
      period: period.key,
      due,
      state,
      late,
      isSample: ret?.isSample ?? false,
      submissions: ret?._count.submissions ?? 0,
    });
  };
  for (const schedule of schedules) {
    const periods = schedulePeriods(schedule, today, { current: true }).slice(-RECENT_PERIODS);
    const last = periods.at(-1);
    if (!last || !(await projectOwes(db, project.id, schedule, last))) continue;
    // The stage is today's for every period; the approval date decides the earliest ones.
    const owed = await Promise.all(periods.map((period) => projectOwes(db, project.id, schedule, period)));
    for (const [i, period] of periods.entries())
      if (owed[i])
        add(
          schedule,
          period,
          stored.find((r) => r.scheduleId === schedule.id && r.period === period.key),
        );
  }
  for (const ret of stored) {
    const period = parseReturnPeriod(ret.period);
    if (period && !rows.has(`${ret.scheduleId}:${ret.period}`)) add(ret.schedule, period, ret);
  }
  return [...rows.values()].sort((a, b) => b.due.getTime() - a.due.getTime() || a.scheduleId - b.scheduleId);
}

/** The path of one return's page. */
export const returnPath = (projectCode: string, scheduleId: number, period: string) => `/projects/${projectCode}/returns/${scheduleId}/${period}`;

/**
 * One return's page: the project (read scope), the schedule of its program, the
 * period, and what is stored: the sections it is filed on (the template's latest
 * version before a draft exists), the draft, every submission with its review.
 * Null for a project the actor may not read, a schedule of another program, a
 * malformed period, or a period the project neither owes nor has a return for.
 */
export async function getReturnPage(options: { actor: Actor; code: string; scheduleId: number; period: string; today?: Date }) {
  const { actor } = options;
  const today = options.today ?? todayInBeijing();
  const period = parseReturnPeriod(options.period);
  if (!period || !Number.isSafeInteger(options.scheduleId)) return null;
  const project = await db.project.findFirst({
    where: { AND: [{ code: options.code }, projectReadScope(actor)] },
    select: { id: true, code: true, name: true, programId: true },
  });
  if (!project) return null;
  const schedule = await db.returnSchedule.findFirst({
    where: { id: options.scheduleId, frequency: period.frequency, template: { programId: project.programId } },
    select: { ...scheduleSelect, retiredAt: true },
  });
  if (!schedule) return null;
  const stored = await db.return.findUnique({
    where: { projectId_templateId_period: { projectId: project.id, templateId: schedule.template.id, period: period.key } },
    select: {
      id: true,
      status: true,
      answers: true,
      version: true,
      isSample: true,
      firstSubmittedAt: true,
      acceptedAt: true,
      templateVersion: { select: { number: true, sections: true } },
      submissions: {
        orderBy: { number: 'asc' },
        select: {
          number: true,
          answers: true,
          submittedAt: true,
          decision: true,
          reviewNote: true,
          sectionComments: true,
          reviewedAt: true,
          submittedBy: { select: { name: true } },
          reviewedBy: { select: { name: true } },
        },
      },
    },
  });
  const owed =
    !schedule.retiredAt &&
    schedulePeriods(schedule, today, { current: true }).some((p) => p.key === period.key) &&
    (await projectOwes(db, project.id, schedule, period));
  if (!stored && !owed) return null;
  const version = stored?.templateVersion ?? (await latestTemplateVersion(db, schedule.template.id));
  const sections = sectionsOf(version?.sections);
  const editable = can(actor, 'return:file') && (await db.project.count({ where: { AND: [{ id: project.id }, projectEditScope(actor)] } })) > 0;
  const status = stored?.status ?? null;
  return {
    project,
    schedule: { id: schedule.id, frequency: schedule.frequency, dueDays: schedule.dueDays, template: schedule.template },
    period,
    ...returnState(period, schedule.dueDays, stored, today),
    templateVersion: version?.number ?? null,
    sections,
    indicators: await indicatorsOf(sections),
    stored: stored && {
      ...stored,
      answers: stored.answers as ReturnAnswers,
      submissions: stored.submissions.map((s) => ({
        ...s,
        answers: s.answers as ReturnAnswers,
        sectionComments: s.sectionComments as Record<string, string>,
      })),
    },
    /** The lead institution may save and submit while the return is a draft or sent back, once the period has begun. */
    mayFile: editable && owed && (status === null || status === 'DRAFT' || status === 'RETURNED'),
    /** A regulator who reads the project decides on a submitted return. */
    mayReview: can(actor, 'return:review') && status === 'SUBMITTED',
  };
}

export type ReturnPage = NonNullable<Awaited<ReturnType<typeof getReturnPage>>>;

/** The template's newest version (what a new draft is filed on). */
export function latestTemplateVersion(client: Tx, templateId: number) {
  return client.returnTemplateVersion.findFirst({ where: { templateId }, orderBy: { number: 'desc' }, select: { id: true, number: true, sections: true } });
}

/** The catalogue's name and unit of each indicator the sections ask for. */
async function indicatorsOf(sections: ReturnSection[]) {
  const codes = sections.flatMap((s) => (s.kind === 'INDICATOR' ? [s.indicatorCode] : []));
  if (!codes.length) return {};
  const rows = await db.indicator.findMany({ where: { code: { in: codes } }, select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true } });
  return Object.fromEntries(rows.map((r) => [r.code, r]));
}
