import 'server-only';
/**
 * Monitoring rules (监测规则) and their warnings (预警): a regulator defines
 * rules for the programs it reads, and acknowledges and closes warnings with a
 * note. Every read is scoped to the projects the actor may read.
 */
import { Prisma } from '../generated/prisma/client';
import { can, mayOpenProgram, programReadScope, projectReadScope, projectReadScopeSql, type Actor } from '../rules/authz';
import type { RuleInput, WarningHandleInput } from '../schemas/risk';
import { db, sql } from '../server/db';
import { AppError, ConflictError } from '../server/errors';
import { snapshot, writeAudit } from './audit';
import { checkRuleTargets, ruleSnapshot } from './rules';

/** A regulator adds a rule to a program it reads; the projects it names must be the program's. */
export async function createRule(options: { actor: Actor; input: RuleInput }) {
  const { actor, input } = options;
  if (!can(actor, 'monitoring:manage')) throw new AppError('FORBIDDEN');
  if (!mayOpenProgram(actor, input.programId)) throw new AppError('NOT_FOUND');
  return db.$transaction(async (tx) => {
    const program = await tx.program.findFirst({ where: { AND: [{ id: input.programId }, programReadScope(actor)] }, select: { id: true } });
    if (!program) throw new AppError('NOT_FOUND');
    const projectIds = await checkRuleTargets(tx, program.id, input);
    const { projectCodes, ...fields } = input;
    const rule = await tx.monitoringRule.create({ data: { ...fields, projectIds }, select: { id: true } });
    await writeAudit(tx, { actor, action: 'RULE_SAVE', entityType: 'MonitoringRule', entityId: rule.id, after: ruleSnapshot({ ...fields, projectCodes }) });
    return rule;
  });
}

/** A regulator acknowledges an open warning, or closes an open or acknowledged one; a closed warning frees its rule to fire again. */
export async function handleWarning(options: { actor: Actor; input: WarningHandleInput }) {
  const { actor, input } = options;
  if (!can(actor, 'monitoring:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const warning = await tx.warning.findFirst({
      where: { id: input.warningId, project: projectReadScope(actor) },
      select: { id: true, projectId: true, status: true, version: true },
    });
    if (!warning) throw new AppError('NOT_FOUND');
    const allowed = input.step === 'ACKNOWLEDGE' ? warning.status === 'OPEN' : warning.status !== 'CLOSED';
    if (!allowed || warning.version !== input.version) throw new ConflictError({ status: warning.status, version: warning.version });
    const status = input.step === 'ACKNOWLEDGE' ? 'ACKNOWLEDGED' : 'CLOSED';
    const { count } = await tx.warning.updateMany({
      where: { id: warning.id, version: input.version },
      data: {
        status,
        note: input.note,
        handledById: actor.userId,
        handledAt: new Date(),
        version: { increment: 1 },
        ...(status === 'CLOSED' ? { openKey: null } : {}),
      },
    });
    if (!count) throw new ConflictError({ status: warning.status });
    await writeAudit(tx, {
      actor,
      action: status === 'CLOSED' ? 'WARNING_CLOSE' : 'WARNING_ACKNOWLEDGE',
      entityType: 'Warning',
      entityId: warning.id,
      projectId: warning.projectId,
      before: snapshot({ warningStatus: warning.status }),
      after: snapshot({ warningStatus: status, note: input.note }),
    });
    return { id: warning.id };
  });
}

/** Warnings on the projects the actor may read (one project's, or the open ones), most serious and newest first. */
export async function listWarnings(options: { actor: Actor; projectId?: number; openOnly?: boolean; take?: number }) {
  const rows = await db.warning.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor), status: options.openOnly ? { not: 'CLOSED' } : undefined },
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    take: options.take ?? 200,
    select: {
      id: true,
      status: true,
      value: true,
      approximate: true,
      detail: true,
      raisedAt: true,
      note: true,
      isDemo: true,
      version: true,
      rule: { select: { name: true, kind: true, severity: true, indicator: { select: { nameZh: true, nameEn: true, unit: true } } } },
      project: { select: { code: true, name: true } },
    },
  });
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
export type WarningRow = Awaited<ReturnType<typeof listWarnings>>[number];

export type Breakdown = { key: string; label: string; labelEn: string; count: number };

/** Open warnings (not closed) on readable projects, counted by severity, program, direction and lead institution, in SQL. */
export async function openWarningBreakdown(options: { actor: Actor }) {
  const scope = projectReadScopeSql(options.actor, 'p');
  const base = Prisma.sql`FROM "Warning" w JOIN "MonitoringRule" r ON r.id = w."ruleId" JOIN "Project" p ON p.id = w."projectId"
    WHERE w.status <> 'CLOSED' AND p."retiredAt" IS NULL AND ${scope}`;
  const [severity, program, direction, institution] = await Promise.all([
    sql<Breakdown>(
      Prisma.sql`SELECT r.severity::text AS key, r.severity::text AS label, r.severity::text AS "labelEn", count(*)::int AS count ${base} GROUP BY r.severity`,
    ),
    sql<Breakdown>(Prisma.sql`SELECT g.code AS key, g.name AS label, g."nameEn" AS "labelEn", count(*)::int AS count
      FROM "Warning" w JOIN "Project" p ON p.id = w."projectId" JOIN "Program" g ON g.id = p."programId"
      WHERE w.status <> 'CLOSED' AND p."retiredAt" IS NULL AND ${scope} GROUP BY g.code, g.name, g."nameEn" ORDER BY count DESC`),
    sql<Breakdown>(Prisma.sql`SELECT coalesce(d.code, '') AS key, coalesce(d.name, '未公开') AS label, coalesce(d."nameEn", 'Undisclosed') AS "labelEn", count(*)::int AS count
      FROM "Warning" w JOIN "Project" p ON p.id = w."projectId" LEFT JOIN "Direction" d ON d.id = p."directionId"
      WHERE w.status <> 'CLOSED' AND p."retiredAt" IS NULL AND ${scope} GROUP BY d.code, d.name, d."nameEn" ORDER BY count DESC`),
    sql<Breakdown>(Prisma.sql`SELECT i.id::text AS key, coalesce(i."shortName", i.name) AS label, coalesce(i."shortName", i.name) AS "labelEn", count(*)::int AS count
      FROM "Warning" w JOIN "Project" p ON p.id = w."projectId"
      JOIN "ProjectInstitution" pi ON pi."projectId" = p.id AND pi.role = 'LEAD' JOIN "Institution" i ON i.id = pi."institutionId"
      WHERE w.status <> 'CLOSED' AND p."retiredAt" IS NULL AND ${scope} GROUP BY i.id ORDER BY count DESC LIMIT 10`),
  ]);
  return { severity, program, direction, institution };
}
