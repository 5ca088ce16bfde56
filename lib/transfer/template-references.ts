import 'server-only';
/**
 * The reference sheets of an import template, headed in the reader's language:
 * every value a coded column accepts (its name in both languages and its code),
 * and the catalogues the other columns name (fields, institutions,
 * technologies, indicators, the projects the reader may import for). Each
 * returns where its list lives, for the data sheet's drop-down lists.
 */
import type ExcelJS from 'exceljs';
import type { Translate } from '../i18n/translator';
import type { Locale } from '../i18n/config';
import { listLifecycles } from '../data/lifecycles';
import { institutionReadScope, metricImportScope, type Actor } from '../rules/authz';
import { stageName, stagesInOrder, type Lifecycle } from '../rules/stages';
import { formatDay } from '../rules/time';
import { retiredWhere } from '../rules/retired';
import { db } from '../server/db';
import { codesOf, labelOf, type CodeList } from './labels';
import { neutralised } from './tabular/formula';

type Rows = (string | number)[][];
export type Ref = { t: Translate; locale: Locale };
/** A reference sheet's first column as a range, e.g. '领域'!$C$2:$C$17; null when the sheet lists nothing. */
export type ListRange = string | null;

const other = (locale: Locale): Locale => (locale === 'zh' ? 'en' : 'zh');
const quoted = (sheet: string) => `'${sheet.replaceAll("'", "''")}'`;

/** A sheet with a bold header row; names from the database are written as the data sheet expects them (formula rule). */
export function referenceSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Rows, column = 1): ListRange {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  rows.forEach((r) => ws.addRow(r.map((v) => (typeof v === 'string' ? neutralised(v) : v))));
  ws.columns.forEach((c) => (c.width = 24));
  const letter = String.fromCharCode(64 + column);
  return rows.length ? `${quoted(name)}!$${letter}$2:$${letter}$${rows.length + 1}` : null;
}

/** The allowed values of the table's coded columns: column, name, code, name in the other language; yes/no last. */
export function allowedValuesSheet(
  workbook: ExcelJS.Workbook,
  { t, locale }: Ref,
  columns: { header: string; list: CodeList; only?: readonly string[] }[],
  extra: Rows = [],
) {
  const yes = t('history.yes');
  const no = t('history.no');
  const rows: Rows = [
    ...extra,
    ...columns.flatMap(({ header, list, only }) =>
      (only ?? codesOf(list)).map((code) => [header, labelOf(list, code, locale), code, labelOf(list, code, other(locale))]),
    ),
  ];
  rows.push([t('transfer.reference.yesNo'), `${yes} / ${no}`, 'yes / no', other(locale) === 'en' ? 'yes / no' : '是 / 否']);
  const header = ['column', 'name', 'code', 'otherName'].map((k) => t(`transfer.reference.${k}`));
  referenceSheet(workbook, t('transfer.allowedValues'), header, rows);
}

/**
 * The stages a project row may name, each program's own: rows for the allowed
 * values sheet (the programs that follow each lifecycle beside the column), the
 * names for the drop-down list, and each program's lifecycle.
 */
export async function stageReferences({ t, locale }: Ref) {
  const [lifecycles, programs] = await Promise.all([
    listLifecycles(),
    db.program.findMany({ where: { isSynthetic: false }, select: { code: true, lifecycleId: true }, orderBy: { id: 'asc' } }),
  ]);
  const used = lifecycles.filter((l) => programs.some((p) => p.lifecycleId === l.id));
  const rows: Rows = used.flatMap((l) => {
    const codes = programs.filter((p) => p.lifecycleId === l.id).map((p) => p.code);
    return stagesInOrder(l).map((st) => [
      `${t('transfer.reference.stage')}（${codes.join(' / ')}）`,
      stageName(st, locale),
      st.code,
      stageName(st, other(locale)),
    ]);
  });
  const names = [...new Set(used.flatMap((l) => stagesInOrder(l).map((st) => stageName(st, locale))))];
  const lifecycleOf = new Map<string, Lifecycle>(programs.flatMap((p) => used.filter((l) => l.id === p.lifecycleId).map((l) => [p.code, l] as const)));
  return { rows, names, lifecycleOf };
}

/** Fields, institutions and technologies, for the project template. */
export async function projectCatalogues(workbook: ExcelJS.Workbook, actor: Actor, { t, locale }: Ref) {
  const [fields, institutions, technologies] = await Promise.all([
    db.field.findMany({
      where: { direction: { program: { isSynthetic: false } } },
      orderBy: [{ direction: { programId: 'asc' } }, { direction: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
      select: { code: true, name: true, nameEn: true, direction: { select: { code: true, name: true, nameEn: true, program: { select: { code: true } } } } },
    }),
    db.institution.findMany({
      // What a file may name: retired entries of the catalogues, institutions and projects are left out.
      where: { AND: [institutionReadScope(actor), retiredWhere()] },
      orderBy: [{ isPlaceholder: 'asc' }, { name: 'asc' }],
      select: { name: true, shortName: true, kind: true },
    }),
    db.technology.findMany({ where: retiredWhere(), orderBy: { name: 'asc' }, select: { name: true, nameEn: true } }),
  ]);
  const zh = locale === 'zh';
  const h = (k: string) => t(`transfer.reference.${k}`);
  const fieldRange = referenceSheet(
    workbook,
    t('transfer.referenceFields'),
    [h('program'), h('direction'), h('directionName'), h('fieldCode'), h('fieldName')],
    fields.map((f) => [f.direction.program.code, f.direction.code, zh ? f.direction.name : f.direction.nameEn, f.code, zh ? f.name : f.nameEn]),
    4,
  );
  const institutionRange = referenceSheet(
    workbook,
    t('transfer.tables.institutions'),
    [h('institutionName'), h('shortName'), h('kind')],
    institutions.map((i) => [i.name, i.shortName ?? '', i.kind ? labelOf('kind', i.kind, locale) : '']),
  );
  referenceSheet(
    workbook,
    t('transfer.referenceTechnologies'),
    [h('technologyName'), h('technologyNameEn')],
    technologies.map((x) => [x.name, x.nameEn]),
  );
  return {
    programs: [...new Set(fields.map((f) => f.direction.program.code))],
    directions: [...new Set(fields.map((f) => f.direction.code))],
    fields: fieldRange,
    institutions: institutionRange,
    example: { field: fields[0], institution: institutions[0]?.name ?? '', technology: technologies[0]?.name ?? '' },
  };
}

/** The indicator catalogue: code, names, unit, kind, rule, running total or not. */
export async function indicatorSheet(workbook: ExcelJS.Workbook, { t, locale }: Ref) {
  const indicators = await db.indicator.findMany({
    where: retiredWhere(),
    orderBy: { sortOrder: 'asc' },
    select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true, aggregation: true, cumulative: true },
  });
  const h = (k: string) => t(`transfer.reference.${k}`);
  const range = referenceSheet(
    workbook,
    t('transfer.referenceIndicators'),
    [h('indicatorCode'), h('indicatorName'), h('indicatorNameEn'), h('unit'), h('indicatorKind'), h('aggregation'), h('cumulative')],
    indicators.map((i) => [
      i.code,
      locale === 'zh' ? i.nameZh : i.nameEn,
      locale === 'zh' ? i.nameEn : i.nameZh,
      i.unit,
      t(`transfer.indicatorKind.${i.kind}`),
      t(`charts.aggregation.${i.aggregation}`),
      t(i.cumulative ? 'history.yes' : 'history.no'),
    ]),
  );
  return { range, first: indicators[0] ?? null };
}

/** The projects the reader may import outcome values for (none for a reader who may import none). */
export async function importableProjectsSheet(workbook: ExcelJS.Workbook, actor: Actor, { t }: Ref) {
  const projects = await db.project.findMany({
    where: { AND: [metricImportScope(actor), retiredWhere()] },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, approvedAt: true },
  });
  const h = (k: string) => t(`transfer.reference.${k}`);
  const range = referenceSheet(
    workbook,
    t('transfer.referenceProjects'),
    [h('projectCode'), h('projectName'), h('approvedOn')],
    projects.map((p) => [p.code, p.name, formatDay(p.approvedAt)]),
  );
  return { range, first: projects[0] ?? null };
}
