/** The metric value sheet: one row per reported value, the same columns for export, template and import. */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { projectCodeSchema } from '../../rules/project-code';
import { metricRecordSchema } from '../../schemas/metric';
import type { Column } from '../tabular/columns';

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

export const metricColumns: Column<MetricSheetRow>[] = [
  { key: 'projectCode', zh: '项目编号', en: 'Project code', value: (m) => m.project.code },
  { key: 'projectName', zh: '项目名称', en: 'Project name', value: (m) => m.project.name, readOnly: true },
  { key: 'projectPlaceholder', zh: '占位项目', en: 'Placeholder project', value: (m) => m.project.isPlaceholder, readOnly: true },
  { key: 'indicatorCode', zh: '指标编号', en: 'Indicator code', value: (m) => m.indicator.code },
  { key: 'indicatorName', zh: '指标名称', en: 'Indicator', value: (m) => m.indicator.nameZh, readOnly: true },
  { key: 'asOf', zh: '数据截至日期', en: 'As of', value: (m) => m.asOf },
  { key: 'value', zh: '数值', en: 'Value', value: (m) => m.value.toNumber() },
  { key: 'unit', zh: '单位', en: 'Unit', value: (m) => m.indicator.unit },
  { key: 'qualifier', zh: '数值限定', en: 'Qualifier', value: (m) => m.qualifier },
  { key: 'source', zh: '来源类型', en: 'Source', value: (m) => m.source },
  { key: 'sourceNote', zh: '来源说明', en: 'Source note', value: (m) => m.sourceNote },
  { key: 'correctionNote', zh: '更正说明', en: 'Correction note', value: (m) => m.correctionNote },
];

/** What institutions report is always their own; a short key otherwise (e.g. "article"). */
export const INSTITUTION_SOURCE = 'institution';

/** One imported row: the form's schema for one value, with the project by code and the source. */
export const metricRowSchema = metricRecordSchema
  .pick({ indicatorCode: true, asOf: true, value: true, unit: true, qualifier: true, sourceNote: true, correctionNote: true })
  .extend({
    projectCode: projectCodeSchema,
    source: z
      .string()
      .trim()
      .regex(/^([a-z][a-z0-9_-]{0,31})?$/, { message: 'INVALID' }),
  });

export type MetricRow = z.output<typeof metricRowSchema>;
