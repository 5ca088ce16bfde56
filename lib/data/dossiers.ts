import 'server-only';
import { can, projectEditScope, projectReadScope, type Actor } from '../rules/authz';
import { asStatement, STATEMENT_SECTIONS, type DossierState, type Statement } from '../rules/statement';
import { asFrozenResult } from '../rules/assessment';
import { stageById, type Lifecycle } from '../rules/stages';
import type { Prisma } from '../generated/prisma/client';
import { db } from '../server/db';
import { AppError, ConflictError } from '../server/errors';
import type { StatementInput } from '../schemas/statement';
import { snapshot, writeAudit, type Tx } from './audit';
import { getProgramLifecycle } from './lifecycles';

/**
 * Dossiers: what each stage approval approved, frozen (the project's state and,
 * for a program with statements, the public statement as it then read), numbered
 * per project and never changed; and the statement's draft, which the lead
 * institution edits while its lifecycle stage allows.
 */

/** Freezes the dossier of a stage change, in the transaction that made it. */
export async function freezeDossier(
  tx: Tx,
  options: { actor: Actor; lifecycle: Lifecycle; projectId: number; stageId: number; stageChangeId: number; assessment?: Prisma.JsonValue | null },
) {
  const p = await tx.project.findUniqueOrThrow({
    where: { id: options.projectId },
    select: {
      name: true,
      summary: true,
      scenarios: true,
      statement: true,
      direction: { select: { code: true } },
      field: { select: { code: true } },
      institutions: { orderBy: [{ role: 'asc' }, { institution: { name: 'asc' } }], select: { role: true, institution: { select: { name: true } } } },
      technologies: { orderBy: { technology: { name: 'asc' } }, select: { technology: { select: { name: true } } } },
      _count: { select: { dossiers: true } },
    },
  });
  const state: DossierState = {
    name: p.name,
    summary: p.summary,
    scenarios: p.scenarios,
    stage: stageById(options.lifecycle, options.stageId)!.code,
    direction: p.direction?.code ?? null,
    field: p.field?.code ?? null,
    institutions: p.institutions.map((i) => ({ name: i.institution.name, role: i.role })),
    technologies: p.technologies.map((t) => t.technology.name),
  };
  await tx.dossier.create({
    data: {
      projectId: options.projectId,
      number: p._count.dossiers + 1,
      stageId: options.stageId,
      stageChangeId: options.stageChangeId,
      approvedById: options.actor.userId,
      statement: options.lifecycle.hasStatement ? asStatement(p.statement) : undefined,
      state,
      assessment: options.assessment ?? undefined,
    },
  });
}

/** A project's dossiers, newest first, for everyone who may read the project. */
export async function listDossiers(options: { actor: Actor; projectId: number }) {
  const rows = await db.dossier.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor) },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      approvedAt: true,
      statement: true,
      state: true,
      assessment: true,
      stage: { select: { code: true, name: true, nameEn: true } },
      stageChange: { select: { effectiveDate: true } },
      approvedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    statement: r.statement === null ? null : asStatement(r.statement),
    state: r.state as DossierState,
    assessment: asFrozenResult(r.assessment),
  }));
}

export type DossierRow = Awaited<ReturnType<typeof listDossiers>>[number];

/** The statement's draft and whether the actor may edit it now (lead institution, a stage that allows it). */
export async function getStatementDraft(options: { actor: Actor; projectId: number }) {
  const project = await db.project.findFirst({
    where: { AND: [{ id: options.projectId }, projectReadScope(options.actor)] },
    select: { statement: true, version: true, programId: true, stageId: true },
  });
  if (!project) return null;
  const lifecycle = await getProgramLifecycle(project.programId);
  if (!lifecycle.hasStatement) return null;
  const editable =
    can(options.actor, 'project:edit') &&
    stageById(lifecycle, project.stageId)?.statementOpen === true &&
    (await db.project.count({ where: { AND: [{ id: options.projectId }, projectEditScope(options.actor)] } })) > 0;
  return { statement: asStatement(project.statement), version: project.version, editable };
}

/**
 * The lead institution edits its application's statement while its stage allows
 * (申报 in the sandbox); in any other stage, or for anyone else, NOT_FOUND. A
 * stale form gets CONFLICT.
 */
export async function editStatement(options: { actor: Actor; input: StatementInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:edit')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [{ id: input.projectId }, projectEditScope(actor)] },
      select: { id: true, version: true, statement: true, programId: true, stageId: true },
    });
    const lifecycle = project ? await getProgramLifecycle(project.programId) : null;
    if (!project || !lifecycle?.hasStatement || !stageById(lifecycle, project.stageId)?.statementOpen) throw new AppError('NOT_FOUND');
    const statement: Statement = asStatement(Object.fromEntries(STATEMENT_SECTIONS.map((k) => [k, input[k]])));
    const { count } = await tx.project.updateMany({
      where: { AND: [{ id: project.id, version: input.version }, projectEditScope(actor)] },
      data: { statement, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError({ version: project.version });
    await writeAudit(tx, {
      actor,
      action: 'PROJECT_EDIT',
      entityType: 'Statement',
      entityId: project.id,
      projectId: project.id,
      before: snapshot(asStatement(project.statement)),
      after: snapshot(statement),
    });
  });
}
