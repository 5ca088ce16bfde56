/**
 * A regulator's management of risk control on the real database: editing a
 * monitoring rule at its version (audited before and after), disabling it (it
 * never fires; its open warnings stay) and enabling it again, and the report
 * deadlines per severity, which the delay shown on incidents follows at once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordMetricAction } from '@/app/actions/projects';
import { createRuleAction, reportIncidentAction, saveIncidentDeadlinesAction, setRuleActiveAction, updateRuleAction } from '@/app/actions/risk';
import { listDeadlineSettings } from '@/lib/data/incident-deadlines';
import { listIncidents } from '@/lib/data/incidents';
import { listRuleRows } from '@/lib/data/rules';
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

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedDatabase(prisma, () => undefined);
  actors = await createActors(prisma);
  bjft06 = await projectId(prisma, 'BJFT-06');
  pilotId = (await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' } })).id;
  scenariosId = (await prisma.indicator.findUniqueOrThrow({ where: { code: 'SCENARIOS' } })).id;
});
afterAll(() => prisma.$disconnect());

const metric = (asOf: string, value: number) => ({
  projectId: bjft06,
  indicatorCode: 'SCENARIOS',
  asOf,
  value: String(value),
  unit: '个',
  sourceNote: '季度报告',
});
const terms = { kind: 'THRESHOLD', direction: 'ABOVE', count: '', severity: 'MAJOR', projectCodes: 'BJFT-06' };

async function newRule(name: string, limit: string) {
  actAs(actors.regulator);
  expect(await createRuleAction(null, { ...terms, programId: pilotId, indicatorId: scenariosId, name, limit })).toMatchObject({ ok: true });
  return prisma.monitoringRule.findFirstOrThrow({ where: { name } });
}

describe('editing a rule', () => {
  it('changes its terms at the version read, audited with before and after; a stale version or another program is refused', async () => {
    const rule = await newRule('场景数超过上限', '100');
    const edit = {
      ...terms,
      programId: pilotId,
      indicatorId: scenariosId,
      ruleId: rule.id,
      version: rule.version,
      name: '场景数超过新上限',
      limit: '50',
      severity: 'SERIOUS',
      projectCodes: '',
    };
    expect(await updateRuleAction(null, edit)).toEqual({ ok: true, message: 'SAVED' });
    const saved = await prisma.monitoringRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(saved).toMatchObject({ name: '场景数超过新上限', severity: 'SERIOUS', projectIds: [], version: rule.version + 1 });
    expect(Number(saved.limit)).toBe(50);
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { entityType: 'MonitoringRule', entityId: rule.id, action: 'RULE_SAVE' },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toMatchObject({ name: '场景数超过上限', limit: 100, severity: 'MAJOR', projectCodes: 'BJFT-06' });
    expect(audit.after).toMatchObject({ name: '场景数超过新上限', limit: 50, severity: 'SERIOUS', projectCodes: '' });

    const before = await dbFingerprint(prisma);
    // The version read before the save: a conflict, with the version stored now.
    expect(await updateRuleAction(null, { ...edit, limit: '40' })).toMatchObject({ ok: false, message: 'CONFLICT', current: { version: rule.version + 1 } });
    // Another program for the rule: refused at the field.
    const sandbox = (await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-SANDBOX' } })).id;
    expect(await updateRuleAction(null, { ...edit, version: rule.version + 1, programId: sandbox })).toMatchObject({
      ok: false,
      fieldErrors: { programId: ['fixedProgram'] },
    });
    // A regulator of the sandbox alone does not find the pilot's rule.
    actAs(actors.sandboxRegulator);
    expect(await updateRuleAction(null, { ...edit, version: rule.version + 1 })).toMatchObject({ ok: false, message: 'NOT_FOUND' });
    // A kind's missing terms are named, as when adding.
    actAs(actors.regulator);
    expect(await updateRuleAction(null, { ...edit, version: rule.version + 1, limit: '' })).toMatchObject({ ok: false, fieldErrors: { limit: ['required'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });
});

describe('disabling and enabling a rule', () => {
  it('a disabled rule never fires and keeps its open warnings; enabled, it fires again', async () => {
    const rule = await newRule('场景数超过 10', '10');
    actAs(actors.cmb);
    expect(await recordMetricAction(null, metric('2026-01-31', 12))).toMatchObject({ ok: true });
    expect(await prisma.warning.count({ where: { ruleId: rule.id, status: { not: 'CLOSED' } } })).toBe(1);

    actAs(actors.regulator);
    expect(await setRuleActiveAction(null, { ruleId: rule.id, version: rule.version, step: 'DISABLE' })).toEqual({ ok: true, message: 'SAVED' });
    const rows = await listRuleRows({ actor: actors.regulator });
    expect(rows.find((r) => r.id === rule.id)).toMatchObject({ active: false, openWarnings: 1, projectCodes: ['BJFT-06'] });
    // Disabling twice is a conflict; the step is audited once.
    expect(await setRuleActiveAction(null, { ruleId: rule.id, version: rule.version + 1, step: 'DISABLE' })).toMatchObject({ message: 'CONFLICT' });
    const audits = await prisma.auditEntry.findMany({ where: { entityType: 'MonitoringRule', entityId: rule.id, action: 'RULE_SET_ACTIVE' } });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [
        { name: '场景数超过 10', active: true },
        { name: '场景数超过 10', active: false },
      ],
    ]);

    // Its warning closed, a new crossing value raises nothing while the rule is disabled.
    const open = await prisma.warning.findFirstOrThrow({ where: { ruleId: rule.id } });
    await prisma.warning.update({ where: { id: open.id }, data: { status: 'CLOSED', openKey: null } });
    actAs(actors.cmb);
    expect(await recordMetricAction(null, metric('2026-02-28', 14))).toMatchObject({ ok: true });
    expect(await prisma.warning.count({ where: { ruleId: rule.id, status: { not: 'CLOSED' } } })).toBe(0);

    actAs(actors.regulator);
    expect(await setRuleActiveAction(null, { ruleId: rule.id, version: rule.version + 1, step: 'ENABLE' })).toEqual({ ok: true, message: 'SAVED' });
    actAs(actors.cmb);
    expect(await recordMetricAction(null, metric('2026-03-31', 15))).toMatchObject({ ok: true });
    expect(await prisma.warning.count({ where: { ruleId: rule.id, status: { not: 'CLOSED' } } })).toBe(1);
  });

  it('lists every rule of the programs the regulator reads, and none to an institution', async () => {
    const all = await prisma.monitoringRule.count({ where: { program: { isSynthetic: false } } });
    expect(await listRuleRows({ actor: actors.regulator })).toHaveLength(all);
    const sandboxRules = await prisma.monitoringRule.count({ where: { program: { code: 'BJ-FINTECH-SANDBOX' } } });
    expect(await listRuleRows({ actor: actors.sandboxRegulator })).toHaveLength(sandboxRules);
    expect(await listRuleRows({ actor: actors.cmb })).toEqual([]);
  });
});

describe('report deadlines', () => {
  it('saves the four hours at the version read, audited, and the delay on incidents follows them', async () => {
    actAs(actors.cmb);
    const description = '时限调整前报告的事件';
    await reportIncidentAction(null, {
      projectId: bjft06,
      category: 'OTHER',
      severity: 'GENERAL',
      occurredAt: '2026-11-01T09:00',
      reportedAt: '2026-11-02T15:00',
      customersAffected: '',
      amountAffected: '',
      description,
      actionsTaken: '',
    });
    const delay = async () => (await listIncidents({ actor: actors.cmb, projectId: bjft06 })).find((i) => i.description === description)!.delay;
    expect(await delay()).toEqual({ hours: 30, deadline: 24, late: true });

    actAs(actors.regulator);
    const setting = (await listDeadlineSettings({ actor: actors.regulator })).find((s) => s.programId === pilotId)!;
    expect(setting.hours).toEqual({ GENERAL: 24, MAJOR: 12, SERIOUS: 4, CRITICAL: 2 });
    const input = { programId: pilotId, version: setting.version, GENERAL: '48', MAJOR: '24', SERIOUS: '4', CRITICAL: '1' };
    expect(await saveIncidentDeadlinesAction(null, input)).toEqual({ ok: true, message: 'SAVED' });
    expect(await delay()).toEqual({ hours: 30, deadline: 48, late: false });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'INCIDENT_DEADLINES_SAVE', entityId: pilotId } });
    expect(audit.before).toEqual({ deadlines: { GENERAL: 24, MAJOR: 12, SERIOUS: 4, CRITICAL: 2 } });
    expect(audit.after).toEqual({ deadlines: { GENERAL: 48, MAJOR: 24, SERIOUS: 4, CRITICAL: 1 } });

    const before = await dbFingerprint(prisma);
    // The version read before the save is stale.
    expect(await saveIncidentDeadlinesAction(null, { ...input, GENERAL: '72' })).toMatchObject({ ok: false, message: 'CONFLICT' });
    // Bad hours are refused at their fields, with the reason, and nothing is half-written.
    expect(await saveIncidentDeadlinesAction(null, { ...input, version: setting.version + 1, GENERAL: '0', CRITICAL: '30' })).toMatchObject({
      ok: false,
      message: 'INVALID_INPUT',
      fieldErrors: { GENERAL: ['hoursPositive'], CRITICAL: ['hoursOrder'] },
    });
    actAs(actors.sandboxRegulator);
    expect(await saveIncidentDeadlinesAction(null, { ...input, version: setting.version + 1 })).toMatchObject({ ok: false, message: 'NOT_FOUND' });
    expect(await dbFingerprint(prisma)).toBe(before);
  });
});
