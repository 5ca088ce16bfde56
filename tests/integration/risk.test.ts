/**
 * Risk control on the real database: the incident flow with its sign-off,
 * warnings raised by the data they read (once while open, also under
 * concurrent writes), the testing envelope, the daily run, the read scopes,
 * and the seeded demo warnings equal to what the data layer raises.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordMetricAction } from '@/app/actions/projects';
import { createRuleAction, decideIncidentAction, handleWarningAction, reportIncidentAction, stepIncidentAction } from '@/app/actions/risk';
import { listIncidents } from '@/lib/data/incidents';
import { evaluateProject, runDailyMonitoring } from '@/lib/data/monitoring';
import { countOpenRisk, openRiskBySeverity } from '@/lib/data/risk-board';
import { listWarnings } from '@/lib/data/warnings';
import { db } from '@/lib/server/db';
import { seedDatabase } from '@/seeds/index';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let bjft06: number;
let pilotId: number;
let scenariosId: number;
let n = 0;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedDatabase(prisma, () => undefined);
  actors = await createActors(prisma);
  bjft06 = await projectId(prisma, 'BJFT-06');
  pilotId = (await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' } })).id;
  scenariosId = (await prisma.indicator.findUniqueOrThrow({ where: { code: 'SCENARIOS' } })).id;
});
afterAll(() => prisma.$disconnect());

const report = (overrides: Record<string, unknown> = {}) => ({
  projectId: bjft06,
  category: 'DATA_SECURITY',
  severity: 'MAJOR',
  occurredAt: '2026-11-01T09:00',
  reportedAt: '2026-11-02T09:00',
  customersAffected: '20',
  amountAffected: '',
  description: `接口异常 ${++n}`,
  actionsTaken: '',
  ...overrides,
});
const metric = (asOf: string, value: number) => ({
  projectId: bjft06,
  indicatorCode: 'SCENARIOS',
  asOf,
  value: String(value),
  unit: '个',
  sourceNote: '季度报告',
});
const rule = (overrides: Record<string, unknown>) => ({ programId: pilotId, name: `规则 ${++n}`, severity: 'MAJOR', projectCodes: 'BJFT-06', ...overrides });
const warningsOf = (ruleId: number) => prisma.warning.findMany({ where: { ruleId }, orderBy: { id: 'asc' } });
const lastRule = () => prisma.monitoringRule.findFirstOrThrow({ orderBy: { id: 'desc' } });

describe('the incident flow', () => {
  it('runs report → handling → resolved → sent back → resolved → closed, each step audited, the sign-off by a regulator', async () => {
    actAs(actors.cmb);
    expect(await reportIncidentAction(null, report())).toEqual({ ok: true, message: 'SAVED' });
    let incident = await prisma.incident.findFirstOrThrow({ where: { projectId: bjft06 }, orderBy: { id: 'desc' } });
    expect(incident).toMatchObject({
      status: 'OPEN',
      severity: 'MAJOR',
      customersAffected: 20,
      amountAffected: null,
      occurredAt: new Date('2026-11-01T01:00:00Z'),
    });
    const step = async (action: typeof stepIncidentAction, input: Record<string, unknown>) => {
      const result = await action(null, { incidentId: incident.id, version: incident.version, ...input });
      incident = await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
      return result;
    };
    expect(await step(stepIncidentAction, { step: 'HANDLE', actionsTaken: '启动应急预案' })).toMatchObject({ ok: true });
    // The institution cannot sign its own incident off.
    expect(await step(decideIncidentAction, { step: 'CLOSE', note: '自行销号' })).toMatchObject({ ok: false, message: 'FORBIDDEN' });
    expect(await step(stepIncidentAction, { step: 'RESOLVE', actionsTaken: '已修复接口' })).toMatchObject({ ok: true });
    actAs(actors.regulator);
    expect(await step(decideIncidentAction, { step: 'SEND_BACK', note: '请补充原因分析' })).toMatchObject({ ok: true });
    expect(incident.status).toBe('HANDLING');
    actAs(actors.cmb);
    expect(await step(stepIncidentAction, { step: 'RESOLVE', actionsTaken: '已修复接口，原因为证书过期' })).toMatchObject({ ok: true });
    actAs(actors.regulator);
    expect(await step(decideIncidentAction, { step: 'CLOSE', note: '同意销号' })).toMatchObject({ ok: true });
    expect(incident).toMatchObject({ status: 'CLOSED', signedOffById: actors.regulator.userId, decisionNote: '同意销号' });
    const actions = await prisma.auditEntry.findMany({
      where: { entityType: 'Incident', entityId: incident.id },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'INCIDENT_REPORT',
      'INCIDENT_ADVANCE',
      'INCIDENT_ADVANCE',
      'INCIDENT_SEND_BACK',
      'INCIDENT_ADVANCE',
      'INCIDENT_CLOSE',
    ]);
  });

  it('refuses a stale version or a step from the wrong status, and writes nothing', async () => {
    actAs(actors.cmb);
    await reportIncidentAction(null, report());
    const incident = await prisma.incident.findFirstOrThrow({ where: { projectId: bjft06 }, orderBy: { id: 'desc' } });
    const before = await dbFingerprint(prisma);
    expect(await stepIncidentAction(null, { incidentId: incident.id, version: incident.version, step: 'RESOLVE', actionsTaken: '跳过处置' })).toMatchObject({
      message: 'CONFLICT',
    });
    expect(await stepIncidentAction(null, { incidentId: incident.id, version: incident.version + 1, step: 'HANDLE', actionsTaken: '旧版本' })).toMatchObject({
      message: 'CONFLICT',
    });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('refuses a report dated before the incident with a field message, and writes nothing', async () => {
    actAs(actors.cmb);
    const before = await dbFingerprint(prisma);
    expect(await reportIncidentAction(null, report({ reportedAt: '2026-11-01T08:00' }))).toMatchObject({
      ok: false,
      fieldErrors: { reportedAt: ['beforeOccurred'] },
    });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('measures the report delay against the program deadline for the severity', async () => {
    actAs(actors.cmb);
    await reportIncidentAction(null, report({ severity: 'SERIOUS', occurredAt: '2026-11-05T09:00', reportedAt: '2026-11-05T15:00', description: '迟报事件' }));
    const latest = (await listIncidents({ actor: actors.cmb, projectId: bjft06 })).find((i) => i.description === '迟报事件')!;
    expect(latest.delay).toEqual({ hours: 6, deadline: 4, late: true });
  });

  it('raises an incident-severity warning in the report transaction', async () => {
    actAs(actors.regulator);
    expect(await createRuleAction(null, rule({ kind: 'INCIDENT_SEVERITY', incidentSeverity: 'CRITICAL' }))).toMatchObject({ ok: true });
    const r = await lastRule();
    actAs(actors.cmb);
    await reportIncidentAction(null, report({ severity: 'GENERAL' }));
    expect(await warningsOf(r.id)).toHaveLength(0);
    await reportIncidentAction(null, report({ severity: 'CRITICAL' }));
    expect(await warningsOf(r.id)).toMatchObject([{ projectId: bjft06, status: 'OPEN', value: expect.anything() }]);
  });
});

describe('warnings', () => {
  it('are raised by a new value crossing a rule, once while open, and again after closing', async () => {
    actAs(actors.regulator);
    expect(await createRuleAction(null, rule({ kind: 'THRESHOLD', indicatorId: scenariosId, direction: 'ABOVE', limit: '10' }))).toMatchObject({ ok: true });
    const r = await lastRule();
    actAs(actors.cmb);
    expect(await recordMetricAction(null, metric('2026-01-31', 9))).toMatchObject({ ok: true });
    expect(await warningsOf(r.id)).toHaveLength(0);
    await recordMetricAction(null, metric('2026-02-28', 12));
    await recordMetricAction(null, metric('2026-03-31', 15));
    const [w] = await warningsOf(r.id);
    expect((await warningsOf(r.id)).length).toBe(1);
    expect(w.value.toNumber()).toBe(12);
    expect(w.detail).toEqual({ limit: 10 });

    actAs(actors.regulator);
    expect(await handleWarningAction(null, { warningId: w.id, version: w.version, step: 'ACKNOWLEDGE', note: '已约谈' })).toMatchObject({ ok: true });
    expect(await handleWarningAction(null, { warningId: w.id, version: w.version + 1, step: 'CLOSE', note: '已核实' })).toMatchObject({ ok: true });
    expect(await prisma.warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: 'CLOSED', openKey: null, note: '已核实' });
    actAs(actors.cmb);
    await recordMetricAction(null, metric('2026-04-30', 16));
    expect((await warningsOf(r.id)).map((x) => [x.status, x.value.toNumber()])).toEqual([
      ['CLOSED', 12],
      ['OPEN', 16],
    ]);
  });

  it('are raised once when several writes cross a rule at the same moment', async () => {
    actAs(actors.regulator);
    await createRuleAction(null, rule({ kind: 'THRESHOLD', indicatorId: scenariosId, direction: 'ABOVE', limit: '1' }));
    const r = await lastRule();
    const raised = await Promise.all(
      Array.from({ length: 6 }, () => db.$transaction((tx) => evaluateProject(tx, { projectId: bjft06, indicatorId: scenariosId }))),
    );
    expect(raised.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await warningsOf(r.id)).toHaveLength(1);
  });

  it('cross the testing envelope: a value above the declared expected scale', async () => {
    await prisma.expectedScale.create({ data: { projectId: bjft06, indicatorId: scenariosId, limit: 20 } });
    actAs(actors.regulator);
    await createRuleAction(null, rule({ kind: 'ENVELOPE', indicatorId: scenariosId }));
    const r = await lastRule();
    actAs(actors.cmb);
    await recordMetricAction(null, metric('2026-05-31', 20));
    expect(await warningsOf(r.id)).toHaveLength(0);
    await recordMetricAction(null, metric('2026-06-30', 21));
    expect(await warningsOf(r.id)).toMatchObject([{ detail: { limit: 20 } }]);
  });

  it('for time-based rules come from the daily run', async () => {
    actAs(actors.regulator);
    await createRuleAction(null, rule({ kind: 'STALE', indicatorId: scenariosId, count: '30' }));
    const r = await lastRule();
    expect(await runDailyMonitoring({ today: new Date('2026-07-15T00:00:00Z') })).toBeGreaterThanOrEqual(0);
    expect(await warningsOf(r.id)).toHaveLength(0);
    await runDailyMonitoring({ today: new Date('2026-08-15T00:00:00Z') });
    expect(await warningsOf(r.id)).toMatchObject([{ detail: { days: 46, lastAsOf: '2026-06-30' } }]);
  });

  it('refuses a rule naming a project outside the program, and a program the regulator does not read', async () => {
    actAs(actors.regulator);
    expect(await createRuleAction(null, rule({ kind: 'INCIDENT_SEVERITY', incidentSeverity: 'MAJOR', projectCodes: 'BJSB-01' }))).toMatchObject({
      fieldErrors: { projectCodes: ['unknownProject'] },
    });
    actAs(actors.sandboxRegulator);
    expect(await createRuleAction(null, rule({ kind: 'INCIDENT_SEVERITY', incidentSeverity: 'MAJOR', projectCodes: '' }))).toMatchObject({
      message: 'NOT_FOUND',
    });
  });
});

describe('read scopes', () => {
  it('shows an institution only its projects’ warnings and incidents, and a sandbox regulator none of the pilot’s', async () => {
    const onlyBjft = (rows: { project: { code: string } }[]) => [...new Set(rows.map((r) => r.project.code))];
    expect(onlyBjft(await listWarnings({ actor: actors.cmb })).every((c) => ['BJFT-02', 'BJFT-06'].includes(c))).toBe(true);
    expect(await listWarnings({ actor: actors.unionpay, projectId: bjft06 })).toEqual([]);
    expect(await listIncidents({ actor: actors.unionpay, projectId: bjft06 })).toEqual([]);
    expect(await listWarnings({ actor: actors.sandboxRegulator })).toEqual([]);
    expect(await countOpenRisk({ actor: actors.sandboxRegulator })).toEqual({ warningsOpen: 0, incidentsOpen: 0 });
    const bySeverity = await openRiskBySeverity({ actor: actors.regulator });
    const totals = await countOpenRisk({ actor: actors.regulator });
    expect(Object.values(bySeverity).reduce((a, s) => a + s.warnings, 0)).toBe(totals.warningsOpen);
    expect(Object.values(bySeverity).reduce((a, s) => a + s.incidents, 0)).toBe(totals.incidentsOpen);
    expect(bySeverity.CRITICAL.incidents).toBeGreaterThan(0);
    actAs(actors.unionpay);
    const w = await prisma.warning.findFirstOrThrow({ where: { projectId: bjft06, status: 'OPEN' } });
    actAs(actors.sandboxRegulator);
    expect(await handleWarningAction(null, { warningId: w.id, version: w.version, step: 'CLOSE', note: '越权' })).toMatchObject({ message: 'NOT_FOUND' });
  });
});

describe('the demo data', () => {
  it('marks every demo row, has an incident in each state, and holds the warnings the data layer raises from the seeded values', async () => {
    const demo = await prisma.incident.findMany({ where: { isDemo: true }, select: { status: true } });
    expect(new Set(demo.map((i) => i.status))).toEqual(new Set(['OPEN', 'HANDLING', 'RESOLVED', 'CLOSED']));
    const seeded = await prisma.warning.findMany({ where: { isDemo: true }, select: { ruleId: true, projectId: true, value: true } });
    expect(seeded.length).toBeGreaterThanOrEqual(3);
    const key = (w: { ruleId: number; projectId: number; value: { toNumber(): number } }) => `${w.ruleId}:${w.projectId}:${w.value.toNumber()}`;
    await prisma.warning.deleteMany({ where: { isDemo: true } });
    const projects = await prisma.project.findMany({ select: { id: true } });
    for (const p of projects) await db.$transaction((tx) => evaluateProject(tx, { projectId: p.id }));
    const demoRules = (await prisma.monitoringRule.findMany({ where: { isDemo: true }, select: { id: true } })).map((r) => r.id);
    const raised = await prisma.warning.findMany({ where: { ruleId: { in: demoRules } }, select: { ruleId: true, projectId: true, value: true } });
    expect(raised.map(key).sort()).toEqual(seeded.map(key).sort());
  });
});
