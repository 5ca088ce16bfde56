import 'server-only';
/**
 * Exports and imports of whole tables, with the same authorization as the
 * pages: an export holds exactly what its reader may see; an import is checked
 * row by row (dry run) and then written in one transaction, or not at all.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { writeAudit } from './audit';
import { can, institutionReadScope, projectReadScope, type Actor } from './authz';
import { db, type DbTransaction } from './db';
import { AppError } from './errors';
import type { Prisma } from './generated/prisma/client';
import { inBatches } from './sheets/batches';
import { checkInstitutionRows, institutionSelect, writeInstitutions } from './sheets/institutions';
import { checkProjectRows, writeProjects } from './sheets/project-import';
import { projectSelect } from './sheets/projects';
import { TABLES, tableColumns, type Table } from './sheets/tables';
import type { Problem } from './sheets/problems';
import type { Column, ExportMeta } from './tabular/columns';
import { readTable, type Refusal } from './tabular/read';
import { csvStream, xlsxStream } from './tabular/write';

export { TABLES, tableColumns, type Table };
export type Format = 'xlsx' | 'csv';
type Locale = 'zh' | 'en';

export const CONTENT_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

function batchesOf(table: Table, actor: Actor, where: Prisma.ProjectWhereInput) {
  if (table === 'projects') {
    const scoped = { AND: [where, projectReadScope(actor)] };
    return inBatches((afterId, take) =>
      db.project.findMany({ where: { AND: [scoped, { id: { gt: afterId } }] }, orderBy: { id: 'asc' }, take, select: projectSelect }),
    );
  }
  return inBatches((afterId, take) =>
    db.institution.findMany({
      where: { AND: [institutionReadScope(actor), { id: { gt: afterId } }] },
      orderBy: { id: 'asc' },
      take,
      select: institutionSelect,
    }),
  );
}

/**
 * Streams a table in xlsx or csv. `where` narrows projects (the list's filters);
 * `meta` describes the export (who, when, filters) and is written beside the rows.
 */
export function exportTable(options: {
  actor: Actor;
  table: Table;
  format: Format;
  locale: Locale;
  meta: ExportMeta;
  sheetNames: { data: string; meta: string };
  where?: Prisma.ProjectWhereInput;
}): Readable {
  const { actor, table, format, locale, meta } = options;
  if (!can(actor, 'program:read')) throw new AppError('FORBIDDEN');
  const columns = tableColumns[table] as Column<unknown>[];
  const batches = batchesOf(table, actor, options.where ?? {}) as AsyncIterable<unknown[]>;
  return format === 'csv' ? csvStream(meta, columns, batches, locale) : xlsxStream(meta, columns, batches, locale, options.sheetNames);
}

export type ImportCheck =
  | { ok: false; refusal: Refusal }
  | { ok: true; hash: string; rows: number; problems: Problem[] };

type Upload = { name: string; bytes: Uint8Array };
const hashOf = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

function importAllowed(actor: Actor, table: Table) {
  return can(actor, 'data:import') && TABLES.includes(table);
}

async function check(tx: DbTransaction, table: Table, file: Upload) {
  const read = await readTable(file, tableColumns[table]);
  if (!read.ok) return { read, result: null };
  const result = table === 'projects' ? await checkProjectRows(tx, read.rows) : await checkInstitutionRows(tx, read.rows);
  return { read, result };
}

/** The dry run: every problem by row and column, nothing written. */
export async function previewImport(options: { actor: Actor; table: Table; file: Upload }): Promise<ImportCheck> {
  if (!importAllowed(options.actor, options.table)) throw new AppError('FORBIDDEN');
  const { read, result } = await db.$transaction((tx) => check(tx, options.table, options.file), { timeout: 120_000 });
  if (!read.ok) return { ok: false, refusal: read.refusal };
  return { ok: true, hash: hashOf(options.file.bytes), rows: read.rows.length, problems: result!.problems };
}

/**
 * Writes the file previewed as `hash`, re-checked inside the transaction (the
 * database may have changed since the preview). Any problem writes nothing.
 */
export async function applyImport(options: { actor: Actor; table: Table; file: Upload; hash: string }): Promise<ImportCheck & { written?: number }> {
  if (!importAllowed(options.actor, options.table)) throw new AppError('FORBIDDEN');
  if (hashOf(options.file.bytes) !== options.hash) throw new AppError('CONFLICT', 'the file is not the one previewed');
  return db.$transaction(
    async (tx) => {
      const { read, result } = await check(tx, options.table, options.file);
      if (!read.ok) return { ok: false as const, refusal: read.refusal };
      const base = { ok: true as const, hash: options.hash, rows: read.rows.length, problems: result!.problems };
      if (result!.problems.length) return base;
      const created =
        options.table === 'projects'
          ? (await writeProjects(tx, result!.ready as Parameters<typeof writeProjects>[1])).map((p) => ({ id: p.id, entityType: 'Project', projectId: p.id, after: { code: p.code } }))
          : (await writeInstitutions(tx, result!.ready as Parameters<typeof writeInstitutions>[1])).map((i) => ({ id: i.id, entityType: 'Institution', projectId: null, after: { name: i.name } }));
      // One audit entry per record created, in the import's own transaction.
      for (const c of created) {
        await writeAudit(tx, { actor: options.actor, action: 'IMPORT_CREATE', entityType: c.entityType, entityId: c.id, projectId: c.projectId, after: { ...c.after, file: options.file.name } });
      }
      return { ...base, written: created.length };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
