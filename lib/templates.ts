import 'server-only';
/**
 * Import templates: the table's columns on the first sheet, and reference
 * sheets with every value the columns accept (stages, kinds, fields,
 * institutions, technologies, the indicator catalogue).
 */
import ExcelJS from 'exceljs';
import { institutionReadScope, type Actor } from './authz';
import { db } from './db';
import { InstitutionKind, ProjectStage } from './generated/prisma/enums';
import { headerOf } from './tabular/columns';
import { tableColumns, type Table } from './transfers';

type Labels = { allowedValues: string; fields: string; institutions: string; technologies: string; indicators: string; stage: Record<string, string>; kind: Record<string, string> };

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][]) {
  const ws = workbook.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c) => (c.width = 24));
}

export async function buildTemplate(options: { actor: Actor; table: Table; locale: 'zh' | 'en'; labels: Labels }): Promise<Buffer> {
  const { actor, table, locale, labels } = options;
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(table);
  data.addRow(tableColumns[table].filter((c) => !c.readOnly).map((c) => headerOf(c, locale))).font = { bold: true };
  data.columns.forEach((c) => (c.width = 18));

  sheet(workbook, labels.allowedValues, ['column', 'value', 'meaning'], [
    ...Object.values(ProjectStage).map((s) => ['stage', s, labels.stage[s]]),
    ...Object.values(InstitutionKind).map((k) => ['kind', k, labels.kind[k]]),
    ['yes/no', '是 / 否', 'yes / no'],
  ]);
  const [fields, institutions, technologies, indicators] = await Promise.all([
    db.field.findMany({
      where: { direction: { program: { isSynthetic: false } } },
      orderBy: [{ direction: { programId: 'asc' } }, { direction: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
      select: { code: true, name: true, nameEn: true, direction: { select: { code: true, program: { select: { code: true } } } } },
    }),
    db.institution.findMany({ where: institutionReadScope(actor), orderBy: { name: 'asc' }, select: { name: true, kind: true } }),
    db.technology.findMany({ orderBy: { name: 'asc' }, select: { name: true, nameEn: true } }),
    db.indicator.findMany({ orderBy: { sortOrder: 'asc' }, select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true, aggregation: true, cumulative: true } }),
  ]);
  sheet(workbook, labels.fields, ['program', 'direction', 'field code', 'field'], fields.map((f) => [f.direction.program.code, f.direction.code, f.code, locale === 'zh' ? f.name : f.nameEn]));
  sheet(workbook, labels.institutions, ['name', 'kind'], institutions.map((i) => [i.name, i.kind]));
  sheet(workbook, labels.technologies, ['name', 'English'], technologies.map((t) => [t.name, t.nameEn]));
  sheet(
    workbook,
    labels.indicators,
    ['code', '指标', 'indicator', 'unit', 'kind', 'aggregation', 'cumulative'],
    indicators.map((i) => [i.code, i.nameZh, i.nameEn, i.unit, i.kind, i.aggregation, i.cumulative ? 'yes' : 'no']),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
