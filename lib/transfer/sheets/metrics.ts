/** The metric value sheet: one row per reported value, the same columns for export, template and import. */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { projectCodeSchema } from '../../rules/project-code';
import { metricRecordSchema } from '../../schemas/metric';
import { formatPercent, formatQuantity } from '../../rules/format';
import { agreed, codedCell, codeOf, labelOf } from '../labels';
import type { CellContext, Column } from '../tabular/columns';
import { orEmpty } from './cells';

export const metricSelect = {
  id: true,
  asOf: true,
  value: true,
  qualifier: true,
  source: true,
  sourceNote: true,
  correctionNote: true,
  project: { select: { code: true, name: true, isPlaceholder: true } },
  indicator: { select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true } },
} satisfies Prisma.MetricValueSelect;

export type MetricSheetRow = Prisma.MetricValueGetPayload<{ select: typeof metricSelect }>;

/** The value as the pages write it, qualifier and unit included: 约1,325户, 超过2,000台, 71.7%. */
function valueText(m: MetricSheetRow, { locale, t }: CellContext): string {
  const value = m.value.toNumber();
  if (m.indicator.kind === 'PERCENT') return t(`metric.${m.qualifier}`, { value: formatPercent(value, locale), unit: '' }).trim();
  const unit = t.has(`unit.${m.indicator.unit}`) ? t(`unit.${m.indicator.unit}`) : m.indicator.unit;
  return t(`metric.${m.qualifier}`, { value: formatQuantity(value, locale), unit }).trim();
}

export const metricColumns: Column<MetricSheetRow>[] = [
  { key: 'projectCode', zh: '项目编号', en: 'Project code', value: (m) => m.project.code, choices: { sheet: 'projects' } },
  { key: 'projectName', zh: '项目名称', en: 'Project name', value: (m) => m.project.name, readOnly: true },
  { key: 'projectPlaceholder', zh: '占位项目', en: 'Placeholder project', value: (m) => m.project.isPlaceholder, readOnly: true },
  { key: 'indicatorCode', zh: '指标编号', en: 'Indicator code', value: (m) => m.indicator.code, choices: { sheet: 'indicators' } },
  { key: 'indicatorName', zh: '指标名称', en: 'Indicator', value: (m, c) => (c.locale === 'zh' ? m.indicator.nameZh : m.indicator.nameEn), readOnly: true },
  { key: 'asOf', zh: '数据截至日期', en: 'As of', value: (m) => m.asOf },
  { key: 'value', zh: '数值', en: 'Value', value: (m) => m.value.toNumber() },
  { key: 'unit', zh: '单位', en: 'Unit', value: (m) => m.indicator.unit },
  { key: 'valueText', zh: '数值（文字）', en: 'Value (in words)', value: valueText, readOnly: true },
  { key: 'qualifier', zh: '数值限定', en: 'Qualifier', value: (m, c) => labelOf('qualifier', m.qualifier, c.locale), choices: { list: 'qualifier' } },
  { key: 'qualifierCode', zh: '数值限定代码', en: 'Qualifier code', value: (m) => m.qualifier, machine: true },
  { key: 'source', zh: '来源类型', en: 'Source', value: (m, c) => labelOf('source', m.source, c.locale), choices: { list: 'source' } },
  { key: 'sourceCode', zh: '来源类型代码', en: 'Source code', value: (m) => m.source, machine: true },
  { key: 'sourceNote', zh: '来源说明', en: 'Source note', value: (m) => m.sourceNote },
  { key: 'correctionNote', zh: '更正说明', en: 'Correction note', value: (m) => m.correctionNote },
];

/** What institutions report is always their own; a short key otherwise (e.g. "article"). */
export const INSTITUTION_SOURCE = 'institution';

/** A source: its label in either language (机构报送) or its key (institution); empty when not given. */
const sourceCell = z
  .string()
  .trim()
  .transform((v) => codeOf('source', v) ?? v)
  .pipe(z.string().regex(/^([a-z][a-z0-9_-]{0,31})?$/, { message: 'INVALID' }));

/**
 * One imported row: the form's schema for one value, with the project by code,
 * the qualifier and the source by label or code (each beside an optional code
 * column that must agree when filled).
 */
export const metricRowSchema = metricRecordSchema
  .pick({ indicatorCode: true, asOf: true, value: true, unit: true, sourceNote: true, correctionNote: true })
  .extend({
    projectCode: projectCodeSchema,
    qualifier: orEmpty(codedCell('qualifier')),
    qualifierCode: orEmpty(codedCell('qualifier')),
    source: orEmpty(sourceCell),
    sourceCode: orEmpty(sourceCell),
  })
  .superRefine((row, ctx) => {
    if (agreed(row.qualifier, row.qualifierCode).mismatch) ctx.addIssue({ code: 'custom', path: ['qualifier'], message: 'CODE_MISMATCH' });
    if (agreed(row.source || null, row.sourceCode || null).mismatch) ctx.addIssue({ code: 'custom', path: ['source'], message: 'CODE_MISMATCH' });
  })
  // An empty qualifier is an exact value, as in the form.
  .transform(({ qualifierCode, sourceCode, ...row }) => ({ ...row, qualifier: qualifierCode ?? row.qualifier ?? 'EXACT', source: sourceCode || row.source }));

export type MetricRow = z.output<typeof metricRowSchema>;
