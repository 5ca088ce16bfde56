/**
 * Incidents (风险事件): who may move one where, and how late it was reported
 * against the program's deadline for its severity. Pure.
 */
import type { IncidentStatus, Severity } from '../generated/prisma/enums';

export type IncidentStep = 'HANDLE' | 'RESOLVE' | 'CLOSE' | 'SEND_BACK';

/** open → handling → resolved by the institution; closed (signed off) or sent back to handling by a regulator. */
const STEPS: Record<IncidentStep, { from: IncidentStatus; to: IncidentStatus; by: 'institution' | 'regulator' }> = {
  HANDLE: { from: 'OPEN', to: 'HANDLING', by: 'institution' },
  RESOLVE: { from: 'HANDLING', to: 'RESOLVED', by: 'institution' },
  CLOSE: { from: 'RESOLVED', to: 'CLOSED', by: 'regulator' },
  SEND_BACK: { from: 'RESOLVED', to: 'HANDLING', by: 'regulator' },
};

/** The status a step leads to from `status`, or null when the step does not start there. */
export function nextStatus(status: IncidentStatus, step: IncidentStep): IncidentStatus | null {
  return STEPS[step].from === status ? STEPS[step].to : null;
}

export const stepBy = (step: IncidentStep) => STEPS[step].by;

/** The steps open to a side from a status. */
export function stepsFrom(status: IncidentStatus, by: 'institution' | 'regulator'): IncidentStep[] {
  return (Object.keys(STEPS) as IncidentStep[]).filter((s) => STEPS[s].from === status && STEPS[s].by === by);
}

/** Hours from occurrence to report (never negative), and whether that passed the program's deadline for the severity. */
export function reportDelay(incident: { occurredAt: Date; reportedAt: Date; severity: Severity }, deadlines: Partial<Record<Severity, number>>) {
  const exact = Math.max(0, (incident.reportedAt.getTime() - incident.occurredAt.getTime()) / 3_600_000);
  const deadline = deadlines[incident.severity] ?? null;
  // Shown to a tenth of an hour; late is judged on the exact time.
  return { hours: Math.round(exact * 10) / 10, deadline, late: deadline !== null && exact > deadline };
}
