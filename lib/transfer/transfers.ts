import 'server-only';
/**
 * Exports and imports of whole tables, with the same authorization as the
 * pages: an export holds exactly what its reader may see of the filtered view;
 * an import (./imports.ts) is checked row by row (dry run) and then written in
 * one transaction, or not at all.
 */
import type { Readable } from 'node:stream';
import { auditWhere, namesInEntries, withProjectCodes, type AuditFilter } from '../data/audit';
import { can, institutionReadScope, projectReadScope, type Actor, type Capability } from '../rules/authz';
import { referenceMode, retiredWhere, type RetiredMode } from '../rules/retired';
import { db } from '../server/db';
import { AppError } from '../server/errors';
import type { Prisma } from '../generated/prisma/client';
import { auditSheetSelect } from './sheets/audit';
import { inBatches } from './sheets/batches';
import { institutionSelect } from './sheets/institutions';
import { metricSelect } from './sheets/metrics';
import { projectSelect } from './sheets/projects';
import { IMPORT_TABLES, TABLES, tableColumns, type ImportTable, type Table } from './sheets/tables';
import type { Column, ExportMeta } from './tabular/columns';
import { csvStream, xlsxStream } from './tabular/write';

export { IMPORT_TABLES, TABLES, tableColumns, type ImportTable, type Table };
export { applyImport, importTablesFor, previewImport, type ImportCheck, type ImportOutcome } from './imports';
export type Format = 'xlsx' | 'csv';
import type { Locale } from '../i18n/config';
import type { Translate } from '../i18n/translator';

export const CONTENT_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * What a view shows, beyond the reader's own scope: the list's project filters, an indicator, the audit filters,
 * and whether retired records are shown (institutions and indicators follow the projects; active ones by default).
 */
export type ExportView = { projects?: Prisma.ProjectWhereInput; indicatorCode?: string; audit?: AuditFilter; retired?: RetiredMode };

const EXPORT_CAPABILITY: Record<Table, Capability> = { projects: 'program:read', institutions: 'program:read', metrics: 'program:read', audit: 'audit:read' };

type Rows = { count: () => Promise<number>; batches: () => AsyncIterable<unknown[]> };

/** The rows of `view` the actor may read: how many, and the rows in batches. */
function rowsOf(table: Table, actor: Actor, view: ExportView): Rows {
  // Without a view's filters, the active projects (a view's own where says which it shows).
  const projects: Prisma.ProjectWhereInput = { AND: [view.projects ?? retiredWhere(), projectReadScope(actor)] };
  const shown = retiredWhere(referenceMode(view.retired));
  const after = (afterId: number) => ({ id: { gt: afterId } });
  switch (table) {
    case 'projects':
      return {
        count: () => db.project.count({ where: projects }),
        batches: () =>
          inBatches((afterId, take) =>
            db.project.findMany({ where: { AND: [projects, after(afterId)] }, orderBy: { id: 'asc' }, take, select: projectSelect }),
          ),
      };
    case 'institutions': {
      // The institutions of the filtered projects, as the list shows them; all the reader may see without a view.
      const inView: Prisma.InstitutionWhereInput = view.projects ? { projects: { some: { project: projects } } } : {};
      const where: Prisma.InstitutionWhereInput = { AND: [institutionReadScope(actor), inView, shown] };
      return {
        count: () => db.institution.count({ where }),
        batches: () =>
          inBatches((afterId, take) =>
            db.institution.findMany({ where: { AND: [where, after(afterId)] }, orderBy: { id: 'asc' }, take, select: institutionSelect }),
          ),
      };
    }
    case 'metrics': {
      const indicator: Prisma.MetricValueWhereInput = { indicator: { ...shown, ...(view.indicatorCode ? { code: view.indicatorCode } : {}) } };
      const where: Prisma.MetricValueWhereInput = { AND: [{ project: projects }, indicator] };
      return {
        count: () => db.metricValue.count({ where }),
        batches: () =>
          inBatches((afterId, take) =>
            db.metricValue.findMany({ where: { AND: [where, after(afterId)] }, orderBy: { id: 'asc' }, take, select: metricSelect }),
          ),
      };
    }
    case 'audit': {
      const where = auditWhere({ actor, filter: view.audit ?? {} });
      return {
        count: async () => db.auditEntry.count({ where: await where }),
        batches: () =>
          inBatches(async (afterId, take) => {
            const entries = await db.auditEntry.findMany({
              where: { AND: [await where, after(afterId)] },
              orderBy: { id: 'asc' },
              take,
              select: auditSheetSelect,
            });
            // The names each batch's snapshots refer to, so its changes read in words.
            const names = await namesInEntries(entries);
            return (await withProjectCodes(entries)).map((e) => ({ ...e, names }));
          }),
      };
    }
  }
}

/** How many rows an export of `view` holds for this reader: what decides between streaming it and a background job. */
export async function countExportRows(options: { actor: Actor; table: Table; view?: ExportView }): Promise<number> {
  const { actor, table } = options;
  if (!can(actor, EXPORT_CAPABILITY[table])) throw new AppError('FORBIDDEN');
  return rowsOf(table, actor, options.view ?? {}).count();
}

/** The batches, with each one's size told to `onRows` as it passes. */
async function* counted(batches: AsyncIterable<unknown[]>, onRows?: (rows: number) => void | Promise<void>): AsyncGenerator<unknown[]> {
  for await (const batch of batches) {
    yield batch;
    await onRows?.(batch.length);
  }
}

/**
 * Streams a table in xlsx or csv: the rows of `view` the actor may read.
 * `meta` describes the export (who, when, filters) and is written beside the rows.
 */
export function exportTable(options: {
  actor: Actor;
  table: Table;
  format: Format;
  locale: Locale;
  /** The reader's messages: labels, dates in words, changes in words. */
  t: Translate;
  meta: ExportMeta;
  sheetNames: { data: string; meta: string };
  view?: ExportView;
  /** Told the size of each batch once it is written (a background job's progress). */
  onRows?: (rows: number) => void | Promise<void>;
}): Readable {
  const { actor, table, format, meta } = options;
  const context = { locale: options.locale, t: options.t };
  if (!can(actor, EXPORT_CAPABILITY[table])) throw new AppError('FORBIDDEN');
  const columns = tableColumns[table] as Column<unknown>[];
  const batches = counted(rowsOf(table, actor, options.view ?? {}).batches(), options.onRows);
  return format === 'csv' ? csvStream(meta, columns, batches, context) : xlsxStream(meta, columns, batches, context, options.sheetNames);
}
