import 'server-only';
/**
 * Each program's report deadlines per severity (IncidentDeadline rows): hours
 * from an incident's occurrence to its report. A regulator of the program saves
 * the four together at the version it read; the report delay shown on every
 * incident (listIncidents) reads them afresh, so it follows the new setting at once.
 */
import type { Severity } from '../generated/prisma/enums';
import { can, programReadScope, type Actor } from '../rules/authz';
import { SEVERITIES } from '../rules/monitoring';
import type { IncidentDeadlinesInput } from '../schemas/risk';
import { db } from '../server/db';
import { AppError, ConflictError } from '../server/errors';
import { snapshot, writeAudit } from './audit';

/** The deadlines as the audit entry keeps them: hours by severity, from the least serious (shown in words by lib/rules/audit-display.ts). */
const deadlinesSnapshot = (hours: Partial<Record<Severity, number>>) =>
  snapshot({ deadlines: Object.fromEntries(SEVERITIES.filter((s) => s in hours).map((s) => [s, hours[s]!])) });

/** The deadlines of every program the regulator reads, with the version a save must name (1 for a program that has none yet). */
export async function listDeadlineSettings(options: { actor: Actor }) {
  if (!can(options.actor, 'monitoring:manage')) return [];
  const programs = await db.program.findMany({
    where: { AND: [programReadScope(options.actor), { isSynthetic: false }] },
    orderBy: { id: 'asc' },
    select: { id: true, name: true, nameEn: true, incidentDeadlines: { select: { severity: true, hours: true, version: true } } },
  });
  return programs.map((p) => ({
    programId: p.id,
    name: p.name,
    nameEn: p.nameEn,
    version: Math.max(1, ...p.incidentDeadlines.map((d) => d.version)),
    hours: Object.fromEntries(p.incidentDeadlines.map((d) => [d.severity, d.hours])) as Partial<Record<Severity, number>>,
  }));
}
export type DeadlineSetting = Awaited<ReturnType<typeof listDeadlineSettings>>[number];

/** A regulator saves a program's four deadlines; another program's, or an unknown one, is NOT_FOUND, a stale version a CONFLICT. */
export async function saveIncidentDeadlines(options: { actor: Actor; input: IncidentDeadlinesInput }) {
  const { actor, input } = options;
  if (!can(actor, 'monitoring:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const program = await tx.program.findFirst({
      where: { AND: [{ id: input.programId }, programReadScope(actor), { isSynthetic: false }] },
      select: { id: true },
    });
    if (!program) throw new AppError('NOT_FOUND');
    // Row locks: two saves at once are serialised here and the second finds the version moved.
    const rows = await tx.$queryRaw<{ severity: Severity; hours: number; version: number }[]>`
      SELECT severity, hours, version FROM "IncidentDeadline" WHERE "programId" = ${program.id} FOR UPDATE`;
    const stored = Math.max(1, ...rows.map((r) => r.version));
    const before = Object.fromEntries(rows.map((r) => [r.severity, r.hours])) as Partial<Record<Severity, number>>;
    if (stored !== input.version) throw new ConflictError({ version: stored, ...before });
    for (const severity of SEVERITIES) {
      await tx.incidentDeadline.upsert({
        where: { programId_severity: { programId: program.id, severity } },
        create: { programId: program.id, severity, hours: input[severity], version: stored + 1 },
        update: { hours: input[severity], version: stored + 1 },
      });
    }
    const after = { GENERAL: input.GENERAL, MAJOR: input.MAJOR, SERIOUS: input.SERIOUS, CRITICAL: input.CRITICAL };
    await writeAudit(tx, {
      actor,
      action: 'INCIDENT_DEADLINES_SAVE',
      entityType: 'Program',
      entityId: program.id,
      before: rows.length ? deadlinesSnapshot(before) : null,
      after: deadlinesSnapshot(after),
    });
    return { id: program.id };
  });
}
