import 'server-only';
/**
 * Exports and imports of whole tables, with the same authorization as the
 * pages: an export holds exactly what its reader may see of the filtered view;
 * an import is checked row by row (dry run) and then written in one
 * transaction, or not at all.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { auditWhere, snapshot, withProjectCodes, writeAudits, type AuditFilter } from '../data/audit';
import { can, institutionReadScope, projectReadScope, type Actor, type Capability } from '../rules/authz';
import { db, type DbTransaction } from '../server/db';
import { AppError } from '../server/errors';
import type { Prisma } from '../generated/prisma/client';
import { auditSheetSelect } from './sheets/audit';
import { inBatches } from './sheets/batches';
import { checkInstitutionRows, institutionSelect, writeInstitutions } from './sheets/institutions';
import { checkMetricRows, writeMetricValues } from './sheets/metric-import';
import { metricSelect } from './sheets/metrics';
import { checkProjectRows, writeProjects } from './sheets/project-import';
import { projectSelect } from './sheets/projects';
import { IMPORT_TABLES, TABLES, tableColumns, type ImportTable, type Table } from './sheets/tables';
import type { Problem } from './sheets/problems';
import type { Column, ExportMeta } from './tabular/columns';
import { readTable, type ReadRow, type Refusal } from './tabular/read';
import { csvStream, xlsxStream } from './tabular/write';

export { IMPORT_TABLES, TABLES, tableColumns, type ImportTable, type Table };
export type Format = 'xlsx' | 'csv';
type Locale = 'zh' | 'en';

export const CONTENT_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** What a view shows, beyond the reader's own scope: the list's project filters, an indicator, the audit filters. */
export type ExportView = { projects?: Prisma.ProjectWhereInput; indicatorCode?: string; audit?: AuditFilter };

const EXPORT_CAPABILITY: Record<Table, Capability> = { projects: 'program:read', institutions: 'program:read', metrics: 'program:read', audit: 'audit:read' };

function batchesOf(table: Table, actor: Actor, view: ExportView): AsyncIterable<unknown[]> {
  const projects: Prisma.ProjectWhereInput = { AND: [view.projects ?? {}, projectReadScope(actor)] };
  const after = (afterId: number) => ({ id: { gt: afterId } });
  switch (table) {
    case 'projects':
      return inBatches((afterId, take) =>
        db.project.findMany({ where: { AND: [projects, after(afterId)] }, orderBy: { id: 'asc' }, take, select: projectSelect }),
      );
    case 'institutions': {
      // The institutions of the filtered projects, as the list shows them; all the reader may see without a view.
      const inView: Prisma.InstitutionWhereInput = view.projects ? { projects: { some: { project: projects } } } : {};
      return inBatches((afterId, take) =>
        db.institution.findMany({
          where: { AND: [institutionReadScope(actor), inView, after(afterId)] },
          orderBy: { id: 'asc' },
          take,
          select: institutionSelect,
        }),
      );
    }
    case 'metrics': {
      const indicator: Prisma.MetricValueWhereInput = view.indicatorCode ? { indicator: { code: view.indicatorCode } } : {};
      return inBatches((afterId, take) =>
        db.metricValue.findMany({ where: { AND: [{ project: projects }, indicator, after(afterId)] }, orderBy: { id: 'asc' }, take, select: metricSelect }),
      );
    }
    case 'audit': {
      const where = auditWhere({ actor, filter: view.audit ?? {} });
      return inBatches(async (afterId, take) =>
        withProjectCodes(
          await db.auditEntry.findMany({ where: { AND: [await where, after(afterId)] }, orderBy: { id: 'asc' }, take, select: auditSheetSelect }),
        ),
      );
    }
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
  meta: ExportMeta;
  sheetNames: { data: string; meta: string };
  view?: ExportView;
}): Readable {
  const { actor, table, format, locale, meta } = options;
  if (!can(actor, EXPORT_CAPABILITY[table])) throw new AppError('FORBIDDEN');
  const columns = tableColumns[table] as Column<unknown>[];
  const batches = batchesOf(table, actor, options.view ?? {});
  return format === 'csv' ? csvStream(meta, columns, batches, locale) : xlsxStream(meta, columns, batches, locale, options.sheetNames);
}

const IMPORT_CAPABILITY: Record<ImportTable, Capability> = { projects: 'data:import', institutions: 'data:import', metrics: 'metric:import' };

/** The tables `actor` may import: projects and institutions for administrators, metric values for institutions (own projects) and administrators. */
export const importTablesFor = (actor: Actor | null): ImportTable[] => IMPORT_TABLES.filter((t) => can(actor, IMPORT_CAPABILITY[t]));

export type ImportCheck = { ok: false; refusal: Refusal } | { ok: true; hash: string; rows: number; problems: Problem[] };

type Upload = { name: string; bytes: Uint8Array };
type Created = { id: number; entityType: string; projectId: number | null; after: Prisma.InputJsonObject };
/** The outcome of checking rows: their problems, and how to write them when there are none. */
type Checked = { problems: Problem[]; write: (tx: DbTransaction) => Promise<Created[]> };

const hashOf = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
const byLine = (a: Problem, b: Problem) => a.line - b.line;

const IMPORTERS: Record<ImportTable, (tx: DbTransaction, actor: Actor, rows: ReadRow[]) => Promise<Checked>> = {
  projects: async (tx, _actor, rows) => {
    const { problems, ready } = await checkProjectRows(tx, rows);
    const write = async (w: DbTransaction) =>
      (await writeProjects(w, ready)).map((p) => ({ id: p.id, entityType: 'Project', projectId: p.id, after: { code: p.code } }));
    return { problems, write };
  },
  institutions: async (tx, _actor, rows) => {
    const { problems, ready } = await checkInstitutionRows(tx, rows);
    const write = async (w: DbTransaction) =>
      (await writeInstitutions(w, ready)).map((i) => ({ id: i.id, entityType: 'Institution', projectId: null, after: { name: i.name } }));
    return { problems, write };
  },
  metrics: async (tx, actor, rows) => {
    const { problems, ready } = await checkMetricRows(tx, actor, rows);
    const write = async (w: DbTransaction) => (await writeMetricValues(w, ready)).map((m) => ({ ...m, entityType: 'MetricValue' }));
    return { problems, write };
  },
};

function assertAllowed(actor: Actor, table: ImportTable) {
  if (!IMPORT_TABLES.includes(table) || !can(actor, IMPORT_CAPABILITY[table])) throw new AppError('FORBIDDEN');
}

async function check(tx: DbTransaction, actor: Actor, table: ImportTable, file: Upload) {
  const read = await readTable(file, tableColumns[table]);
  if (!read.ok) return { read, checked: null };
  return { read, checked: await IMPORTERS[table](tx, actor, read.rows) };
}

/** The dry run: every problem by row and column, nothing written. */
export async function previewImport(options: { actor: Actor; table: ImportTable; file: Upload }): Promise<ImportCheck> {
  assertAllowed(options.actor, options.table);
  const { read, checked } = await db.$transaction((tx) => check(tx, options.actor, options.table, options.file), { timeout: 120_000 });
  if (!read.ok) return { ok: false, refusal: read.refusal };
  return { ok: true, hash: hashOf(options.file.bytes), rows: read.rows.length, problems: [...read.problems, ...checked!.problems].sort(byLine) };
}

/**
 * Writes the file previewed as `hash`, re-checked inside the transaction (the
 * database may have changed since the preview). Any problem writes nothing.
 */
export async function applyImport(options: { actor: Actor; table: ImportTable; file: Upload; hash: string }): Promise<ImportCheck & { written?: number }> {
  assertAllowed(options.actor, options.table);
  if (hashOf(options.file.bytes) !== options.hash) throw new AppError('CONFLICT', 'the file is not the one previewed');
  return db.$transaction(
    async (tx) => {
      const { read, checked } = await check(tx, options.actor, options.table, options.file);
      if (!read.ok) return { ok: false as const, refusal: read.refusal };
      const base = { ok: true as const, hash: options.hash, rows: read.rows.length, problems: [...read.problems, ...checked!.problems].sort(byLine) };
      if (base.problems.length) return base;
      const created = await checked!.write(tx);
      // One audit entry per record created, in the import's own transaction.
      await writeAudits(
        tx,
        created.map((c) => ({
          actor: options.actor,
          action: 'IMPORT_CREATE' as const,
          entityType: c.entityType,
          entityId: c.id,
          projectId: c.projectId,
          after: snapshot({ ...c.after, file: options.file.name }),
        })),
      );
      return { ...base, written: created.length };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
