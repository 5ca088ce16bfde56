/**
 * The project sheet: one row per project, the same columns for export,
 * template and import, so an export can be imported again unchanged.
 */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { ProjectStage } from '../../generated/prisma/enums';
import { projectCodeSchema } from '../../rules/project-code';
import { STAGE_ORDER } from '../../rules/stages';
import type { Column } from '../tabular/columns';
import { boundedDay, formatBoundedDay, joinList, list, optionalBoundedDay, orEmpty, required, text, yesNo } from './cells';

export const projectSelect = {
  id: true,
  code: true,
  name: true,
  summary: true,
  stage: true,
  stageInferred: true,
  stageNote: true,
  directionInferred: true,
  directionNote: true,
  fieldInferred: true,
  fieldNote: true,
  isPlaceholder: true,
  sourceNote: true,
  scenarios: true,
  approvedAt: true,
  onlineAt: true,
  promotionAt: true,
  completedAt: true,
  withdrawnAt: true,
  program: { select: { code: true } },
  direction: { select: { code: true } },
  field: { select: { code: true, name: true } },
  stageChanges: { orderBy: { id: 'asc' }, select: { toStage: true, effectiveDate: true, datePrecision: true, notBefore: true } },
  institutions: { orderBy: { institution: { name: 'asc' } }, select: { role: true, institution: { select: { name: true } } } },
  technologies: { orderBy: { technology: { name: 'asc' } }, select: { technology: { select: { name: true } } } },
} satisfies Prisma.ProjectSelect;

export type ProjectSheetRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

const members = (p: ProjectSheetRow, role: 'LEAD' | 'PARTICIPANT') => p.institutions.filter((i) => i.role === role).map((i) => i.institution.name);

/** The date a stage was reached, with its precision (from the stage history; the column alone for older rows). */
function stageDate(p: ProjectSheetRow, stage: ProjectStage, column: Date | null): string | Date | null {
  const change = p.stageChanges.find((c) => c.toStage === stage);
  return change ? formatBoundedDay(change) : column;
}

export const projectColumns: Column<ProjectSheetRow>[] = [
  { key: 'code', zh: '项目编号', en: 'Code', value: (p) => p.code },
  { key: 'name', zh: '项目名称', en: 'Name', value: (p) => p.name },
  { key: 'program', zh: '试点计划编号', en: 'Program code', value: (p) => p.program.code },
  { key: 'direction', zh: '方向', en: 'Direction', value: (p) => p.direction?.code ?? '', optional: true },
  { key: 'directionInferred', zh: '方向为推断', en: 'Direction inferred', value: (p) => p.directionInferred, optional: true },
  { key: 'directionNote', zh: '方向推断依据', en: 'Direction inferred from', value: (p) => p.directionNote ?? '', optional: true },
  { key: 'field', zh: '领域编号', en: 'Field code', value: (p) => p.field?.code ?? '' },
  { key: 'fieldName', zh: '领域名称', en: 'Field name', value: (p) => p.field?.name ?? '', readOnly: true },
  { key: 'fieldInferred', zh: '领域为推断', en: 'Field inferred', value: (p) => p.fieldInferred },
  { key: 'fieldNote', zh: '领域推断依据', en: 'Field inferred from', value: (p) => p.fieldNote ?? '', optional: true },
  { key: 'stage', zh: '阶段', en: 'Stage', value: (p) => p.stage },
  { key: 'stageInferred', zh: '阶段为推得', en: 'Stage derived', value: (p) => p.stageInferred, optional: true },
  { key: 'stageNote', zh: '阶段推得依据', en: 'Stage derived from', value: (p) => p.stageNote ?? '', optional: true },
  { key: 'approvedAt', zh: '批准日期', en: 'Approved on', value: (p) => stageDate(p, 'APPROVED', p.approvedAt) },
  { key: 'onlineAt', zh: '上线日期', en: 'Online on', value: (p) => stageDate(p, 'ONLINE', p.onlineAt) },
  { key: 'promotionAt', zh: '进入推广期日期', en: 'Promotion from', value: (p) => stageDate(p, 'PROMOTION', p.promotionAt) },
  { key: 'completedAt', zh: '完成日期', en: 'Completed on', value: (p) => stageDate(p, 'COMPLETED', p.completedAt) },
  { key: 'withdrawnAt', zh: '退出日期', en: 'Withdrawn on', value: (p) => stageDate(p, 'WITHDRAWN', p.withdrawnAt) },
  { key: 'lead', zh: '牵头机构', en: 'Lead institution', value: (p) => members(p, 'LEAD')[0] ?? '' },
  { key: 'participants', zh: '参与机构', en: 'Participants', value: (p) => joinList(members(p, 'PARTICIPANT')) },
  { key: 'technologies', zh: '支撑技术', en: 'Technologies', value: (p) => joinList(p.technologies.map((t) => t.technology.name)) },
  { key: 'scenarios', zh: '应用场景', en: 'Scenarios', value: (p) => joinList(p.scenarios) },
  { key: 'summary', zh: '项目简介', en: 'Summary', value: (p) => p.summary },
  { key: 'isPlaceholder', zh: '占位记录', en: 'Placeholder', value: (p) => p.isPlaceholder },
  { key: 'sourceNote', zh: '数据来源', en: 'Provenance', value: (p) => p.sourceNote ?? '' },
];

const stageDates = ['approvedAt', 'onlineAt', 'promotionAt', 'completedAt'] as const;

/** One imported project row, as text cells → typed values, with the stage/date rules. */
export const projectRowSchema = z
  .object({
    code: projectCodeSchema,
    name: required(200),
    program: required(64),
    direction: orEmpty(text(16)),
    directionInferred: orEmpty(yesNo),
    directionNote: orEmpty(text(1000)),
    field: text(16),
    fieldInferred: yesNo,
    fieldNote: orEmpty(text(1000)),
    stage: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(ProjectStage, { message: 'ENUM' })),
    stageInferred: orEmpty(yesNo),
    stageNote: orEmpty(text(1000)),
    approvedAt: boundedDay,
    onlineAt: optionalBoundedDay,
    promotionAt: optionalBoundedDay,
    completedAt: optionalBoundedDay,
    withdrawnAt: optionalBoundedDay,
    lead: required(200),
    participants: list,
    technologies: list,
    scenarios: list,
    summary: text(4000),
    isPlaceholder: yesNo,
    sourceNote: text(2000),
  })
  .superRefine((row, ctx) => {
    // Every stage reached has its date, in order; no date for a stage not reached.
    const reached = row.stage === 'WITHDRAWN' ? 0 : STAGE_ORDER.indexOf(row.stage as (typeof STAGE_ORDER)[number]);
    let previous: Date | null = null;
    stageDates.forEach((key, i) => {
      const date = row[key]?.date ?? null;
      if (i <= reached && i > 0 && row.stage !== 'WITHDRAWN' && !date) ctx.addIssue({ code: 'custom', path: [key], message: 'STAGE_DATE_MISSING' });
      if (i > reached && row.stage !== 'WITHDRAWN' && date) ctx.addIssue({ code: 'custom', path: [key], message: 'STAGE_DATE_UNEXPECTED' });
      if (date && previous && date < previous) ctx.addIssue({ code: 'custom', path: [key], message: 'STAGE_DATE_ORDER' });
      if (date) previous = date;
    });
    if ((row.stage === 'WITHDRAWN') !== Boolean(row.withdrawnAt)) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnAt'], message: row.withdrawnAt ? 'STAGE_DATE_UNEXPECTED' : 'STAGE_DATE_MISSING' });
    }
  });

export type ProjectRow = z.output<typeof projectRowSchema>;
