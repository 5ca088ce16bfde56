import 'server-only';
import type { Actor } from '../rules/authz';
import { can, projectReadScope } from '../rules/authz';
import { db, type DbTransaction } from '../server/db';
import { AppError } from '../server/errors';
import { beijingDayEnd, beijingDayStart, formatDay } from '../rules/time';
import { inChunks } from '../transfer/sheets/batches';
import type { AuditAction } from '../generated/prisma/enums';
import type { Prisma } from '../generated/prisma/client';
import type { AuditLookups } from '../rules/audit-display';

export type Tx = DbTransaction;

type Snapshot = Prisma.InputJsonValue | null;

/** 'public': a write by someone not signed in (feedback during a notice), recorded with no user. */
type Entry = {
  actor: Actor | 'public';
  action: AuditAction;
  entityType: string;
  entityId: number;
  projectId?: number | null;
  before?: Snapshot;
  after?: Snapshot;
};

const entryData = (entry: Entry) => ({
  actorId: entry.actor === 'public' ? null : entry.actor.userId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  projectId: entry.projectId ?? null,
  before: entry.before ?? undefined,
  after: entry.after ?? undefined,
});

/**
 * Records one write. Always called with the transaction of the write itself:
 * the entry exists exactly when the change does.
 */
export async function writeAudit(tx: Tx, entry: Entry): Promise<void> {
  await tx.auditEntry.create({ data: entryData(entry) });
}

/** Records many writes of one transaction (an import), a statement per thousand. */
export async function writeAudits(tx: Tx, entries: Entry[]): Promise<void> {
  await inChunks(entries, async (chunk) => [await tx.auditEntry.createMany({ data: chunk.map(entryData) })]);
}

/** Dates as YYYY-MM-DD and decimals as numbers, so snapshots read the way forms show them. */
export function snapshot(values: Record<string, unknown>): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v instanceof Date) out[k] = formatDay(v);
    else if (v !== null && typeof v === 'object' && 'toNumber' in v && typeof v.toNumber === 'function') out[k] = Number(v.toNumber());
    else out[k] = (v ?? null) as Prisma.InputJsonValue | null;
  }
  return out;
}

export type AuditFilter = { projectId?: number; projectCode?: string; actorId?: number; action?: AuditAction; from?: Date; to?: Date };

const auditSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true, email: true, role: true } },
  projectId: true,
} as const;

/** The audit filters as a `where`; `from` and `to` are Beijing days, `to` included whole. Refuses anyone who may not read the trail. */
export async function auditWhere(options: { actor: Actor; filter: AuditFilter }): Promise<Prisma.AuditEntryWhereInput> {
  if (!can(options.actor, 'audit:read')) throw new AppError('FORBIDDEN');
  const { projectCode, actorId, action, from, to } = options.filter;
  let projectId = options.filter.projectId;
  if (projectCode) projectId = (await db.project.findUnique({ where: { code: projectCode }, select: { id: true } }))?.id ?? -1;
  return { projectId, actorId, action, createdAt: { gte: from && beijingDayStart(from), lt: to && beijingDayEnd(to) } };
}

/** Adds each entry's project code (entries keep the id only). */
export async function withProjectCodes<E extends { projectId: number | null }>(entries: E[]): Promise<(E & { projectCode: string | null })[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.projectId ? [e.projectId] : [])))];
  const projects = await db.project.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } });
  const codes = new Map(projects.map((p) => [p.id, p.code]));
  return entries.map((e) => ({ ...e, projectCode: e.projectId ? (codes.get(e.projectId) ?? null) : null }));
}

/** The audit trail for regulators and admins, newest first: the latest `take` entries and how many match in all. */
export async function listAuditEntries(options: { actor: Actor; filter: AuditFilter; take?: number }) {
  const where = await auditWhere(options);
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.take ?? 200, select: auditSelect }),
    db.auditEntry.count({ where }),
  ]);
  return { entries: await withProjectCodes(entries), total };
}

/** One project's history for everyone who may read the project; nothing for anyone else. */
export async function listProjectHistory(options: { actor: Actor; projectId: number }) {
  const readable = await db.project.count({ where: { AND: [{ id: options.projectId }, projectReadScope(options.actor)] } });
  if (!readable) return [];
  return db.auditEntry.findMany({
    where: { projectId: options.projectId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: auditSelect,
  });
}

export type AuditRow = Awaited<ReturnType<typeof listProjectHistory>>[number];

type Described = { entityType: string; entityId: number; projectId: number | null; before: Prisma.JsonValue; after: Prisma.JsonValue };
const STAGE_KEYS = ['stage', 'fromStage', 'toStage'] as const;

/**
 * The names that entries the reader was given refer to by code or id (indicators,
 * institutions, users, fields, directions), so their history reads in words.
 */
export async function namesInEntries(entries: Described[]): Promise<AuditLookups> {
  const found = { indicator: new Set<string>(), field: new Set<string>(), direction: new Set<string>() };
  const ids = { institution: new Set<number>(), user: new Set<number>(), field: new Set<number>(), direction: new Set<number>(), project: new Set<number>() };
  for (const e of entries) {
    if (e.entityType === 'User') ids.user.add(e.entityId);
    if (e.entityType === 'Institution') ids.institution.add(e.entityId);
    for (const side of [e.before, e.after]) {
      if (side === null || typeof side !== 'object' || Array.isArray(side)) continue;
      for (const key of ['indicator', 'field', 'direction'] as const) if (typeof side[key] === 'string') found[key].add(side[key]);
      if (typeof side.institutionId === 'number') ids.institution.add(side.institutionId);
      if (typeof side.fieldId === 'number') ids.field.add(side.fieldId);
      if (typeof side.directionId === 'number') ids.direction.add(side.directionId);
      // Stage codes are named by the lifecycle of the entry's project.
      if (STAGE_KEYS.some((k) => typeof side[k] === 'string') && e.projectId) ids.project.add(e.projectId);
    }
  }
  const named = { name: true, nameEn: true, id: true, code: true } as const;
  const none = Promise.resolve([]);
  const [indicators, institutions, users, fields, directions, projects] = await Promise.all([
    found.indicator.size
      ? db.indicator.findMany({ where: { code: { in: [...found.indicator] } }, select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true } })
      : none,
    ids.institution.size ? db.institution.findMany({ where: { id: { in: [...ids.institution] } }, select: { id: true, name: true } }) : none,
    ids.user.size ? db.user.findMany({ where: { id: { in: [...ids.user] } }, select: { id: true, name: true } }) : none,
    found.field.size || ids.field.size
      ? db.field.findMany({ where: { OR: [{ code: { in: [...found.field] } }, { id: { in: [...ids.field] } }] }, select: named })
      : none,
    found.direction.size || ids.direction.size
      ? db.direction.findMany({ where: { OR: [{ code: { in: [...found.direction] } }, { id: { in: [...ids.direction] } }] }, select: named })
      : none,
    ids.project.size
      ? db.project.findMany({
          where: { id: { in: [...ids.project] } },
          select: { id: true, program: { select: { lifecycle: { select: { stages: { select: { code: true, name: true, nameEn: true } } } } } } },
        })
      : none,
  ]);
  const byCodeAndId = (rows: { id: number; code: string; name: string; nameEn: string }[]) =>
    new Map(rows.flatMap((r) => [[r.code, r] as const, [`#${r.id}`, r] as const]));
  return {
    indicators: new Map(indicators.map((i) => [i.code, i])),
    institutions: new Map(institutions.map((i) => [i.id, i.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
    fields: byCodeAndId(fields),
    directions: byCodeAndId(directions),
    stages: new Map(projects.flatMap((p) => p.program.lifecycle.stages.flatMap((st) => [[`${p.id}:${st.code}`, st] as const, [st.code, st] as const]))),
  };
}

/**
 * The history of a record that belongs to no project (an institution), for
 * everyone who may read the program: its corrections, retirements, restorations.
 */
export async function listRecordHistory(options: { actor: Actor; entityType: 'Institution'; entityId: number }): Promise<AuditRow[]> {
  if (!can(options.actor, 'program:read')) return [];
  return db.auditEntry.findMany({
    where: { entityType: options.entityType, entityId: options.entityId, projectId: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: auditSelect,
  });
}

/** The people who appear in the trail, for the /audit filter. */
export async function listAuditActors(options: { actor: Actor }) {
  if (!can(options.actor, 'audit:read')) throw new AppError('FORBIDDEN');
  return db.user.findMany({ where: { auditEntries: { some: {} } }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
