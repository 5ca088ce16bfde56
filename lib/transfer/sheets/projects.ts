/**
 * The project sheet: one row per project, the same columns for export,
 * template and import, so an export can be imported again unchanged. Stages are
 * each program's own (lifecycles are data): the sheet writes the stage's name in
 * the reader's language with its code beside it, and the import resolves either
 * in the program's lifecycle (./project-import.ts).
 */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { describeDate } from '../../rules/dates';
import { projectCodeSchema } from '../../rules/project-code';
import { stageName } from '../../rules/stages';
import type { CellContext, Column } from '../tabular/columns';
import { boundedDay, formatBoundedDay, joinList, list, orEmpty, required, text, yesNo } from './cells';

const named = { select: { code: true, name: true, nameEn: true } } as const;

export const projectSelect = {
  id: true,
  code: true,
  name: true,
  summary: true,
  stage: named,
  stageInferred: true,
  stageNote: true,
  directionInferred: true,
  directionNote: true,
  fieldInferred: true,
  fieldNote: true,
  isPlaceholder: true,
  sourceNote: true,
  scenarios: true,
  editedFields: true,
  retiredAt: true,
  program: { select: { code: true } },
  direction: named,
  field: named,
  stageChanges: {
    orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }],
    select: { toStage: named, effectiveDate: true, datePrecision: true, notBefore: true, dateInferred: true },
  },
  institutions: { orderBy: { institution: { name: 'asc' } }, select: { role: true, institution: { select: { name: true } } } },
  technologies: { orderBy: { technology: { name: 'asc' } }, select: { technology: { select: { name: true } } } },
} satisfies Prisma.ProjectSelect;

export type ProjectSheetRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

const members = (p: ProjectSheetRow, role: 'LEAD' | 'PARTICIPANT') => p.institutions.filter((i) => i.role === role).map((i) => i.institution.name);
const nameIn = (x: { name: string; nameEn: string } | null, { locale }: CellContext) => (x ? stageName(x, locale) : '');

/**
 * A project's stage history in one cell, whatever its lifecycle: each stage's
 * code and when it was entered, as precisely as known (`APPROVED=2019-12-07；
 * ONLINE=2019-12-07/2020-06-12`, an ISO 8601 day or interval each).
 */
const historyText = (p: ProjectSheetRow) => joinList(p.stageChanges.map((c) => `${c.toStage.code}=${formatBoundedDay(c)}`));

/** The same history in words, as the pages say it: 已批准 2019-12-07；上线运行 2019-12-07 至 2020-06-12 之间. */
function historyWords(p: ProjectSheetRow, { locale, t }: CellContext): string {
  return joinList(
    p.stageChanges.map((c) => {
      const { key, values } = describeDate(c);
      return `${stageName(c.toStage, locale)} ${t(`dates.${key}`, values)}${c.dateInferred ? t('dates.inferred') : ''}`;
    }),
  );
}

export const projectColumns: Column<ProjectSheetRow>[] = [
  { key: 'code', zh: '项目编号', en: 'Code', value: (p) => p.code },
  { key: 'name', zh: '项目名称', en: 'Name', value: (p) => p.name },
  { key: 'program', zh: '试点计划编号', en: 'Program code', value: (p) => p.program.code, choices: { sheet: 'programs' } },
  { key: 'direction', zh: '方向', en: 'Direction', value: (p) => p.direction?.code ?? '', optional: true, choices: { sheet: 'directions' } },
  { key: 'directionName', zh: '方向名称', en: 'Direction name', value: (p, c) => nameIn(p.direction, c), readOnly: true },
  { key: 'directionInferred', zh: '方向为推断', en: 'Direction inferred', value: (p) => p.directionInferred, optional: true, choices: { yesNo: true } },
  { key: 'directionNote', zh: '方向推断依据', en: 'Direction inferred from', value: (p) => p.directionNote ?? '', optional: true },
  { key: 'field', zh: '领域编号', en: 'Field code', value: (p) => p.field?.code ?? '', choices: { sheet: 'fields' } },
  { key: 'fieldName', zh: '领域名称', en: 'Field name', value: (p, c) => nameIn(p.field, c), readOnly: true },
  { key: 'fieldInferred', zh: '领域为推断', en: 'Field inferred', value: (p) => p.fieldInferred, choices: { yesNo: true } },
  { key: 'fieldNote', zh: '领域推断依据', en: 'Field inferred from', value: (p) => p.fieldNote ?? '', optional: true },
  { key: 'stage', zh: '阶段', en: 'Stage', value: (p, c) => nameIn(p.stage, c), choices: { sheet: 'stages' } },
  { key: 'stageCode', zh: '阶段代码', en: 'Stage code', value: (p) => p.stage.code, machine: true },
  { key: 'stageInferred', zh: '阶段为推得', en: 'Stage derived', value: (p) => p.stageInferred, optional: true, choices: { yesNo: true } },
  { key: 'stageNote', zh: '阶段推得依据', en: 'Stage derived from', value: (p) => p.stageNote ?? '', optional: true },
  { key: 'history', zh: '阶段历史', en: 'Stage history', value: historyText },
  { key: 'historyText', zh: '阶段历史（文字）', en: 'Stage history (in words)', value: historyWords, readOnly: true },
  { key: 'lead', zh: '牵头机构', en: 'Lead institution', value: (p) => members(p, 'LEAD')[0] ?? '', choices: { sheet: 'institutions' } },
  { key: 'participants', zh: '参与机构', en: 'Participants', value: (p) => joinList(members(p, 'PARTICIPANT')) },
  { key: 'technologies', zh: '支撑技术', en: 'Technologies', value: (p) => joinList(p.technologies.map((t) => t.technology.name)) },
  { key: 'scenarios', zh: '应用场景', en: 'Scenarios', value: (p) => joinList(p.scenarios) },
  { key: 'summary', zh: '项目简介', en: 'Summary', value: (p) => p.summary },
  { key: 'isPlaceholder', zh: '占位记录', en: 'Placeholder', value: (p) => p.isPlaceholder, choices: { yesNo: true } },
  { key: 'sourceNote', zh: '数据来源', en: 'Provenance', value: (p) => p.sourceNote ?? '' },
  { key: 'editedFields', zh: '由平台用户修改的字段', en: 'Fields edited in the portal', value: (p) => joinList(p.editedFields), readOnly: true },
  { key: 'retiredAt', zh: '停用时间', en: 'Retired at', value: (p) => p.retiredAt, readOnly: true },
];

/** A stage as a cell names it: its code, or its name in either language (resolved in the program's lifecycle on import). */
const stageText = z.string().trim().max(60, { message: 'TOO_LONG' });

/** One entry of the history cell: a stage (code or name) and when it was entered. */
const historyEntry = z
  .string()
  .transform((v) => {
    const at = v.lastIndexOf('=');
    return { stage: at < 0 ? '' : v.slice(0, at).trim(), date: at < 0 ? '' : v.slice(at + 1).trim() };
  })
  .pipe(z.object({ stage: stageText.min(1, { message: 'HISTORY' }), date: boundedDay }));

/** One imported project row, as text cells → typed values; the stages themselves are checked against the program's lifecycle on import. */
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
    // The stage's name in either language or its code; the code column beside it may say the same.
    stage: orEmpty(stageText),
    stageCode: orEmpty(stageText),
    stageInferred: orEmpty(yesNo),
    stageNote: orEmpty(text(1000)),
    history: list.pipe(z.array(historyEntry).min(1, { message: 'REQUIRED' })),
    lead: required(200),
    participants: list,
    technologies: list,
    scenarios: list,
    summary: text(4000),
    isPlaceholder: yesNo,
    sourceNote: text(2000),
  })
  .superRefine((row, ctx) => {
    if (!row.stage && !row.stageCode) ctx.addIssue({ code: 'custom', path: ['stage'], message: 'REQUIRED' });
    // The history's dates never go back.
    for (let i = 1; i < row.history.length; i++) {
      if (row.history[i].date.date < row.history[i - 1].date.date) ctx.addIssue({ code: 'custom', path: ['history'], message: 'STAGE_DATE_ORDER' });
    }
  });

export type ProjectRow = z.output<typeof projectRowSchema>;
