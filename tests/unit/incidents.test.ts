/** The incident lifecycle and the report delay against the program's deadline, as pure rules. */
import { describe, expect, it } from 'vitest';
import { nextStatus, reportDelay, stepsFrom } from '@/lib/rules/incidents';
import { incidentReportSchema, ruleSchema } from '@/lib/schemas/risk';

describe('incident steps', () => {
  it('runs open → handling → resolved for the institution, then closed or back to handling for a regulator', () => {
    expect(nextStatus('OPEN', 'HANDLE')).toBe('HANDLING');
    expect(nextStatus('HANDLING', 'RESOLVE')).toBe('RESOLVED');
    expect(nextStatus('RESOLVED', 'CLOSE')).toBe('CLOSED');
    expect(nextStatus('RESOLVED', 'SEND_BACK')).toBe('HANDLING');
  });
  it('refuses a step from the wrong status: no sign-off before resolution, nothing after closing', () => {
    expect(nextStatus('OPEN', 'CLOSE')).toBeNull();
    expect(nextStatus('HANDLING', 'CLOSE')).toBeNull();
    expect(nextStatus('CLOSED', 'SEND_BACK')).toBeNull();
    expect(nextStatus('CLOSED', 'HANDLE')).toBeNull();
  });
  it('offers each side only its own steps', () => {
    expect(stepsFrom('RESOLVED', 'institution')).toEqual([]);
    expect(stepsFrom('RESOLVED', 'regulator')).toEqual(['CLOSE', 'SEND_BACK']);
    expect(stepsFrom('OPEN', 'regulator')).toEqual([]);
  });
});

describe('report delay', () => {
  const occurredAt = new Date('2026-11-01T01:00:00Z');
  it('measures hours to the report and compares them with the deadline of the severity', () => {
    expect(reportDelay({ occurredAt, reportedAt: new Date('2026-11-01T03:30:00Z'), severity: 'SERIOUS' }, { SERIOUS: 4 })).toEqual({
      hours: 2.5,
      deadline: 4,
      late: false,
    });
    expect(reportDelay({ occurredAt, reportedAt: new Date('2026-11-01T05:00:01Z'), severity: 'SERIOUS' }, { SERIOUS: 4 })).toMatchObject({ late: true });
  });
  it('is on time exactly at the deadline, and never late where the program set none', () => {
    expect(reportDelay({ occurredAt, reportedAt: new Date('2026-11-01T05:00:00Z'), severity: 'SERIOUS' }, { SERIOUS: 4 }).late).toBe(false);
    expect(reportDelay({ occurredAt, reportedAt: new Date('2026-11-03T05:00:00Z'), severity: 'GENERAL' }, {})).toEqual({
      hours: 52,
      deadline: null,
      late: false,
    });
  });
});

describe('incident and rule inputs', () => {
  const report = {
    projectId: '6',
    category: 'OTHER',
    severity: 'GENERAL',
    occurredAt: '2026-11-01T09:00',
    reportedAt: '2026-11-01T08:59',
    description: '事件',
  };
  it('reads times as Beijing time and refuses a report before the occurrence', () => {
    const ok = incidentReportSchema.parse({ ...report, reportedAt: '2026-11-01T10:00' });
    expect(ok.occurredAt.toISOString()).toBe('2026-11-01T01:00:00.000Z');
    const refused = incidentReportSchema.safeParse(report);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['reportedAt'], message: 'beforeOccurred' });
  });
  it('asks each rule kind for what it reads', () => {
    const base = { programId: '1', name: '规则', severity: 'MAJOR', projectCodes: '' };
    const fields = (input: Record<string, string>) => {
      const r = ruleSchema.safeParse({ ...base, ...input });
      return r.success ? [] : r.error.issues.map((i) => i.path[0]);
    };
    expect(fields({ kind: 'THRESHOLD' })).toEqual(['indicatorId', 'direction', 'limit']);
    expect(fields({ kind: 'STALE', indicatorId: '2' })).toEqual(['count']);
    expect(fields({ kind: 'COMPLAINT_RATE', indicatorId: '2', limit: '3' })).toEqual(['baseIndicatorId']);
    expect(fields({ kind: 'INCIDENT_SEVERITY' })).toEqual(['incidentSeverity']);
    expect(fields({ kind: 'ENVELOPE', indicatorId: '2' })).toEqual([]);
  });
});
