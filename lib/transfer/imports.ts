import 'server-only';
/**
 * Imports: a file is read and checked row by row (the dry run), then written in
 * one transaction, or not at all. Reading the file, the slow part, happens
 * before any transaction is opened; the apply step re-checks the rows against
 * the database inside its transaction, so the database may change between
 * preview and apply without breaking the all-or-nothing rule.
 */
import crypto from 'node:crypto';
import { snapshot, writeAudits } from '../data/audit';
import { can, type Actor, type Capability } from '../rules/authz';
import { db, type DbTransaction } from '../server/db';
import { AppError } from '../server/errors';
import type { Prisma } from '../generated/prisma/client';
import { keepCheckedRows, takeCheckedRows } from './checked-uploads';
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

export type ImportCheck = { ok: false; refusal: Refusal } | { ok: true; hash: string; rows: number; problems: Problem[] };
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

function assertAllowed(actor: Actor, table: ImportTable) {
  if (!IMPORT_TABLES.includes(table) || !can(actor, IMPORT_CAPABILITY[table])) throw new AppError('FORBIDDEN');
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

/** The dry run: every problem by row and column, nothing written. */
export async function previewImport(options: { actor: Actor; table: ImportTable; file: Upload }): Promise<ImportCheck> {
  const { actor, table, file } = options;
  assertAllowed(actor, table);
  return inUploadSlot(actor, async () => {
    const hash = hashOf(file.bytes);
    const read = await readTable(file, tableColumns[table]);
    if (!read.ok) return { ok: false, refusal: read.refusal };
    // Reads only: no transaction to hold open; the apply step checks again inside its own.
    const checked = await IMPORTERS[table](db, actor, read.rows);
    const problems = [...read.problems, ...checked.problems].sort(byLine);
    if (problems.length === 0) keepCheckedRows({ userId: actor.userId, table, hash }, read.rows);
    return { ok: true, hash, rows: read.rows.length, problems };
  });
}

/**
 * Writes the file previewed as `hash`: its rows as the preview read them (or
 * read again when they are no longer kept), re-checked inside the transaction
 * since the database may have changed. Any problem writes nothing.
 */
export async function applyImport(options: { actor: Actor; table: ImportTable; file: Upload; hash: string }): Promise<ImportOutcome> {
  const { actor, table, file, hash } = options;
  assertAllowed(actor, table);
  if (hashOf(file.bytes) !== hash) throw new AppError('CONFLICT', 'the file is not the one previewed');
  return inUploadSlot(actor, async () => {
    const kept = takeCheckedRows({ userId: actor.userId, table, hash });
    const read = kept ? { ok: true as const, rows: kept, problems: [] } : await readTable(file, tableColumns[table]);
    if (!read.ok) return { ok: false, refusal: read.refusal };
    const base = { ok: true as const, hash, rows: read.rows.length };
    if (read.problems.length) return { ...base, problems: read.problems };
    return db.$transaction(
      async (tx) => {
        const checked = await IMPORTERS[table](tx, actor, read.rows);
        if (checked.problems.length) return { ...base, problems: checked.problems };
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
            after: snapshot({ ...c.after, file: file.name }),
          })),
        );
        return { ...base, problems: [], written: created.length };
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
  });
}
