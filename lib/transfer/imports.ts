import 'server-only';
/**
 * Imports: a file is read as a stream and checked row by row (the dry run),
 * then written in one transaction, or not at all. Reading the file, the slow
 * part, happens before any transaction is opened, and reports its progress on
 * the import's run (lib/data/import-runs.ts), which the page polls. A file
 * that passes leaves its checked rows on the run; confirming writes those
 * rows, never reading the file again, and re-checks them against the database
 * inside its transaction, since the database may change between the two.
 */
import crypto from 'node:crypto';
import { snapshot, writeAudits } from '../data/audit';
import { closeImportRun, dropImportRun, findReadyRun, keepCheckedRows, noteImportProgress, startImportRun } from '../data/import-runs';
import { can, type Actor, type Capability } from '../rules/authz';
import { db, type DbTransaction } from '../server/db';
import { AppError } from '../server/errors';
import type { Prisma } from '../generated/prisma/client';
import { checkInstitutionRows, writeInstitutions } from './sheets/institutions';
import { checkMetricRows, writeMetricValues } from './sheets/metric-import';
import { checkProjectRows, writeProjects } from './sheets/project-import';
import type { Problem } from './sheets/problems';
import { IMPORT_TABLES, tableColumns, type ImportTable } from './sheets/tables';
import { readTable, type ReadRow, type Refusal } from './tabular/read';
import { takeUploadSlot } from './upload-slots';
import { holdUserUploadLock } from '../data/upload-locks';

const IMPORT_CAPABILITY: Record<ImportTable, Capability> = { projects: 'data:import', institutions: 'data:import', metrics: 'metric:import' };

/** The tables `actor` may import: projects and institutions for administrators, metric values for institutions (own projects) and administrators. */
export const importTablesFor = (actor: Actor | null): ImportTable[] => IMPORT_TABLES.filter((t) => can(actor, IMPORT_CAPABILITY[t]));

export type ImportCheck = { ok: false; refusal: Refusal } | { ok: true; importId: string; hash: string; rows: number; problems: Problem[] };
export type ImportOutcome = ImportCheck & { written?: number };

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

const isImportTable = (table: string): table is ImportTable => (IMPORT_TABLES as readonly string[]).includes(table);

function assertAllowed(actor: Actor, table: string): ImportTable {
  if (!isImportTable(table) || !can(actor, IMPORT_CAPABILITY[table])) throw new AppError('FORBIDDEN');
  return table;
}

/** Runs `work` in one of the few upload slots of this process and the user's one slot on the database, or answers BUSY at once. */
async function inUploadSlot(actor: Actor, work: () => Promise<ImportOutcome>): Promise<ImportOutcome> {
  const release = takeUploadSlot(actor.userId);
  if (!release) return { ok: false, refusal: { code: 'BUSY' } };
  try {
    const unlock = await holdUserUploadLock(actor.userId);
    if (!unlock) return { ok: false, refusal: { code: 'BUSY' } };
    try {
      return await work();
    } finally {
      await unlock();
    }
  } finally {
    release();
  }
}

/** The dry run: every problem by row and column, nothing written. `importId` names the run the page polls for progress. */
export async function previewImport(options: { actor: Actor; table: ImportTable; file: Upload; importId?: string }): Promise<ImportCheck> {
  const { actor, file } = options;
  const table = assertAllowed(actor, options.table);
  return inUploadSlot(actor, async () => {
    const id = options.importId ?? crypto.randomUUID();
    const hash = hashOf(file.bytes);
    await startImportRun({ actor, id, table, fileName: file.name, hash });
    const read = await readTable(file, tableColumns[table], (rowsDone, rowsTotal) => noteImportProgress({ actor, id, rowsDone, rowsTotal }));
    if (!read.ok) {
      await dropImportRun({ actor, id });
      return { ok: false, refusal: read.refusal };
    }
    await noteImportProgress({ actor, id, status: 'CHECKING', rowsDone: read.rows.length });
    // Reads only: no transaction to hold open; the apply step checks again inside its own.
    const checked = await IMPORTERS[table](db, actor, read.rows);
    const problems = [...read.problems, ...checked.problems].sort(byLine);
    if (problems.length) await dropImportRun({ actor, id });
    else await keepCheckedRows({ actor, id, rows: read.rows });
    return { ok: true, importId: id, hash, rows: read.rows.length, problems };
  });
}

/**
 * Writes the rows of the run `importId` as its preview checked them,
 * re-checked inside the transaction since the database may have changed. Any
 * problem writes nothing. Only the run's own user may confirm it, once.
 */
export async function applyImport(options: { actor: Actor; importId: string }): Promise<ImportOutcome> {
  const { actor, importId } = options;
  return inUploadSlot(actor, async () => {
    const run = await findReadyRun({ actor, id: importId });
    const table = assertAllowed(actor, run.table);
    const base = { ok: true as const, importId, hash: run.hash, rows: run.rows.length };
    return db.$transaction(
      async (tx) => {
        const checked = await IMPORTERS[table](tx, actor, run.rows);
        // Nothing changes, the run included: the same rows may be confirmed again once the database allows them.
        if (checked.problems.length) return { ...base, problems: checked.problems };
        await closeImportRun(tx, { actor, id: importId });
        const created = await checked.write(tx);
        // One audit entry per record created, in the import's own transaction.
        await writeAudits(
          tx,
          created.map((c) => ({
            actor,
            action: 'IMPORT_CREATE' as const,
            entityType: c.entityType,
            entityId: c.id,
            projectId: c.projectId,
            after: snapshot({ ...c.after, file: run.fileName }),
          })),
        );
        return { ...base, problems: [], written: created.length };
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
  });
}
