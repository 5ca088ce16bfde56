import 'server-only';
/**
 * Import templates: the table's columns on the first sheet, and reference
 * sheets with every value the columns accept (stages, kinds, qualifiers,
 * fields, institutions, technologies, the indicator catalogue, and for metric
 * values the projects the reader may import for).
 */
import ExcelJS from 'exceljs';
import { institutionReadScope, metricImportScope, type Actor } from '../rules/authz';
import { db } from '../server/db';
import { InstitutionKind, ValueQualifier } from '../generated/prisma/enums';
import { listLifecycles } from '../data/lifecycles';
import { retiredWhere } from '../rules/retired';
import { stageName, stagesInOrder } from '../rules/stages';
import { INSTITUTION_SOURCE } from './sheets/metrics';
import { headerOf } from './tabular/columns';
import { neutralised } from './tabular/formula';
import { tableColumns, type ImportTable } from './transfers';

type Labels = {
  allowedValues: string;
  fields: string;
  institutions: string;
  technologies: string;
  indicators: string;
  projects: string;
  kind: Record<string, string>;
  qualifier: Record<string, string>;
  institutionSource: string;
};
type Rows = (string | number)[][];

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Rows) {
  const ws = workbook.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  // Names come from the database: written as the data sheet expects them (an apostrophe before text that would run as a formula).
  rows.forEach((r) => ws.addRow(r.map((v) => (typeof v === 'string' ? neutralised(v) : v))));
  ws.columns.forEach((c) => (c.width = 24));
}

const YES_NO: Rows = [['yes/no', '是 / 否', 'yes / no']];

async function indicatorSheet(workbook: ExcelJS.Workbook, labels: Labels) {
  // What a file may name: retired entries of the catalogues, institutions and projects are left out.
  const indicators = await db.indicator.findMany({
    where: retiredWhere(),
    orderBy: { sortOrder: 'asc' },
    select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true, aggregation: true, cumulative: true },
  });
  sheet(
    workbook,
    labels.indicators,
    ['code', '指标', 'indicator', 'unit', 'kind', 'aggregation', 'cumulative'],
    indicators.map((i) => [i.code, i.nameZh, i.nameEn, i.unit, i.kind, i.aggregation, i.cumulative ? 'yes' : 'no']),
  );
}

async function projectReferences(workbook: ExcelJS.Workbook, actor: Actor, locale: 'zh' | 'en', labels: Labels) {
  // Stages are each program's own: every lifecycle's, named in the reader's language, with the programs that follow it.
  const [lifecycles, programs] = await Promise.all([
    listLifecycles(),
    db.program.findMany({ where: { isSynthetic: false }, select: { code: true, lifecycleId: true }, orderBy: { id: 'asc' } }),
  ]);
  const stageRows = lifecycles.flatMap((l) => {
    const codes = programs
      .filter((p) => p.lifecycleId === l.id)
      .map((p) => p.code)
      .join(' / ');
    return stagesInOrder(l).map((st) => ['stage', st.code, `${stageName(st, locale)}（${codes}）`]);
  });
  sheet(workbook, labels.allowedValues, ['column', 'value', 'meaning'], [...stageRows, ...YES_NO]);
  const [fields, institutions, technologies] = await Promise.all([
    db.field.findMany({
      where: { direction: { program: { isSynthetic: false } } },
      orderBy: [{ direction: { programId: 'asc' } }, { direction: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
      select: { code: true, name: true, nameEn: true, direction: { select: { code: true, program: { select: { code: true } } } } },
    }),
    db.institution.findMany({ where: { AND: [institutionReadScope(actor), retiredWhere()] }, orderBy: { name: 'asc' }, select: { name: true, kind: true } }),
    db.technology.findMany({ where: retiredWhere(), orderBy: { name: 'asc' }, select: { name: true, nameEn: true } }),
  ]);
  sheet(
    workbook,
    labels.fields,
    ['program', 'direction', 'field code', 'field'],
    fields.map((f) => [f.direction.program.code, f.direction.code, f.code, locale === 'zh' ? f.name : f.nameEn]),
  );
  sheet(
    workbook,
    labels.institutions,
    ['name', 'kind'],
    institutions.map((i) => [i.name, i.kind ?? '']),
  );
  sheet(
    workbook,
    labels.technologies,
    ['name', 'English'],
    technologies.map((t) => [t.name, t.nameEn]),
  );
  await indicatorSheet(workbook, labels);
}

async function institutionReferences(workbook: ExcelJS.Workbook, labels: Labels) {
  sheet(workbook, labels.allowedValues, ['column', 'value', 'meaning'], [...Object.values(InstitutionKind).map((k) => ['kind', k, labels.kind[k]]), ...YES_NO]);
}

async function metricReferences(workbook: ExcelJS.Workbook, actor: Actor, labels: Labels) {
  sheet(
    workbook,
    labels.allowedValues,
    ['column', 'value', 'meaning'],
    [...Object.values(ValueQualifier).map((q) => ['qualifier', q, labels.qualifier[q]]), ['source', INSTITUTION_SOURCE, labels.institutionSource]],
  );
  await indicatorSheet(workbook, labels);
  const projects = await db.project.findMany({
    where: { AND: [metricImportScope(actor), retiredWhere()] },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, approvedAt: true },
  });
  sheet(
    workbook,
    labels.projects,
    ['code', 'name', 'approved on'],
    projects.map((p) => [p.code, p.name, p.approvedAt.toISOString().slice(0, 10)]),
  );
}

export async function buildTemplate(options: { actor: Actor; table: ImportTable; locale: 'zh' | 'en'; labels: Labels }): Promise<Buffer> {
  const { actor, table, locale, labels } = options;
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(table);
  data.addRow(tableColumns[table].filter((c) => !c.readOnly).map((c) => headerOf(c, locale))).font = { bold: true };
  data.columns.forEach((c) => (c.width = 18));
  if (table === 'projects') await projectReferences(workbook, actor, locale, labels);
  else if (table === 'institutions') await institutionReferences(workbook, labels);
  else await metricReferences(workbook, actor, labels);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
