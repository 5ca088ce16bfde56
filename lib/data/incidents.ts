import 'server-only';
/**
 * Incidents (风险事件): reported by a project's lead institution or recorded by
 * a regulator, taken up and resolved by the institution, signed off or sent
 * back by a regulator. Each step names the version it read and writes its audit
 * entry in the same transaction; a report evaluates the program's incident rules.
 */
import type { Severity } from '../generated/prisma/enums';
import { can, incidentReportScope, projectEditScope, projectReadScope, type Actor } from '../rules/authz';
import { nextStatus, reportDelay } from '../rules/incidents';
import type { IncidentDecisionInput, IncidentReportInput, IncidentStepInput } from '../schemas/risk';
import { db } from '../server/db';
import { AppError, ConflictError } from '../server/errors';
import { snapshot, writeAudit, type Tx } from './audit';
import { evaluateProject } from './monitoring';
import { notifyIncidentReported } from './notices';

export async function reportIncident(options: { actor: Actor; input: IncidentReportInput }) {
  const { actor, input } = options;
  if (!can(actor, 'incident:report')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { AND: [{ id: input.projectId }, incidentReportScope(actor)] }, select: { id: true } });
    if (!project) throw new AppError('NOT_FOUND');
    const { projectId, ...fields } = input;
    const incident = await tx.incident.create({ data: { ...fields, projectId, reporterId: actor.userId }, select: { id: true } });
    await writeAudit(tx, {
      actor,
      action: 'INCIDENT_REPORT',
      entityType: 'Incident',
      entityId: incident.id,
      projectId: project.id,
      after: snapshot({ ...fields, occurredAt: fields.occurredAt.toISOString(), reportedAt: fields.reportedAt.toISOString(), incidentStatus: 'OPEN' }),
    });
    await notifyIncidentReported(tx, { incidentId: incident.id, projectId: project.id, severity: fields.severity, description: fields.description });
    await evaluateProject(tx, { projectId: project.id, kinds: ['INCIDENT_SEVERITY'] });
    return incident;
  });
}

/** One step of an incident by whoever may take it, or NOT_FOUND / CONFLICT. */
async function step(tx: Tx, actor: Actor, input: { incidentId: number; version: number; step: 'HANDLE' | 'RESOLVE' | 'CLOSE' | 'SEND_BACK' }) {
  const scope = input.step === 'HANDLE' || input.step === 'RESOLVE' ? projectEditScope(actor) : projectReadScope(actor);
  const incident = await tx.incident.findFirst({
    where: { id: input.incidentId, project: scope },
    select: { id: true, projectId: true, status: true, version: true, actionsTaken: true },
  });
  if (!incident) throw new AppError('NOT_FOUND');
  const to = nextStatus(incident.status, input.step);
  if (incident.version !== input.version || !to) throw new ConflictError({ status: incident.status, version: incident.version });
  return { incident, to };
}

/** The lead institution takes an incident up or resolves it, saying what it did. */
export async function stepIncident(options: { actor: Actor; input: IncidentStepInput }) {
  const { actor, input } = options;
  if (!can(actor, 'incident:handle')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const { incident, to } = await step(tx, actor, input);
    const { count } = await tx.incident.updateMany({
      where: { id: incident.id, version: input.version },
      data: { status: to, actionsTaken: input.actionsTaken, version: { increment: 1 } },
    });
    if (!count) throw new ConflictError({ status: incident.status });
    await writeAudit(tx, {
      actor,
      action: 'INCIDENT_ADVANCE',
      entityType: 'Incident',
      entityId: incident.id,
      projectId: incident.projectId,
      before: snapshot({ incidentStatus: incident.status, actionsTaken: incident.actionsTaken }),
      after: snapshot({ incidentStatus: to, actionsTaken: input.actionsTaken }),
    });
    return { id: incident.id };
  });
}

/** A regulator signs a resolved incident off (closed) or sends it back to handling, with a note. */
export async function decideIncident(options: { actor: Actor; input: IncidentDecisionInput }) {
  const { actor, input } = options;
  if (!can(actor, 'incident:decide')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const { incident, to } = await step(tx, actor, input);
    const { count } = await tx.incident.updateMany({
      where: { id: incident.id, version: input.version },
      data: { status: to, decisionNote: input.note, signedOffById: to === 'CLOSED' ? actor.userId : null, version: { increment: 1 } },
    });
    if (!count) throw new ConflictError({ status: incident.status });
    await writeAudit(tx, {
      actor,
      action: input.step === 'CLOSE' ? 'INCIDENT_CLOSE' : 'INCIDENT_SEND_BACK',
      entityType: 'Incident',
      entityId: incident.id,
      projectId: incident.projectId,
      before: snapshot({ incidentStatus: incident.status }),
      after: snapshot({ incidentStatus: to, note: input.note }),
    });
    return { id: incident.id };
  });
}

/** The program's report deadline (hours) for each severity. */
export async function deadlinesByProgram(programIds: number[]) {
  const rows = await db.incidentDeadline.findMany({ where: { programId: { in: programIds } }, select: { programId: true, severity: true, hours: true } });
  const out = new Map<number, Partial<Record<Severity, number>>>();
  for (const r of rows) out.set(r.programId, { ...out.get(r.programId), [r.severity]: r.hours });
  return out;
}

/** Incidents the actor may read (one project's, or all), newest first, each with its report delay against the program's deadline. */
export async function listIncidents(options: { actor: Actor; projectId?: number; openOnly?: boolean; take?: number }) {
  const rows = await db.incident.findMany({
    where: { projectId: options.projectId, project: projectReadScope(options.actor), status: options.openOnly ? { not: 'CLOSED' } : undefined },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: options.take ?? 200,
    select: {
      id: true,
      category: true,
      severity: true,
      status: true,
      occurredAt: true,
      reportedAt: true,
      customersAffected: true,
      amountAffected: true,
      description: true,
      actionsTaken: true,
      decisionNote: true,
      isDemo: true,
      version: true,
      project: { select: { id: true, code: true, name: true, programId: true } },
    },
  });
  const deadlines = await deadlinesByProgram([...new Set(rows.map((r) => r.project.programId))]);
  return rows.map((r) => ({
    ...r,
    amountAffected: r.amountAffected === null ? null : Number(r.amountAffected),
    delay: reportDelay(r, deadlines.get(r.project.programId) ?? {}),
  }));
}
export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>[number];
