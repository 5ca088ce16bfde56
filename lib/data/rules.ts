import 'server-only';
/**
 * Monitoring rules as a regulator manages them: the list of every rule of the
 * programs it reads, editing one (optimistic locking on its version, audited
 * with before and after), and disabling or enabling one (a disabled rule never
 * fires: lib/data/monitoring.ts evaluates active rules only; its open warnings
 * stay until closed). Another program's rule and an unknown id are both NOT_FOUND.
 */
import type { Prisma } from '../generated/prisma/client';
import { can, programReadScope, type Actor } from '../rules/authz';
import type { RuleActiveInput, RuleEditInput, RuleInput } from '../schemas/risk';
import { db } from '../server/db';
import { AppError, ConflictError, InputError } from '../server/errors';
import { snapshot, writeAudit, type Tx } from './audit';

/** The indicators a rule reads exist, and the projects it names are its program's: their ids, in the order named. */
export async function checkRuleTargets(tx: Tx, programId: number, input: Pick<RuleInput, 'indicatorId' | 'baseIndicatorId' | 'projectCodes'>) {
  const ids = [input.indicatorId, input.baseIndicatorId].filter((i): i is number => i !== null);
  const known = await tx.indicator.count({ where: { id: { in: ids }, retiredAt: null } });
  if (known !== new Set(ids).size) throw new InputError({ indicatorId: ['invalid'] });
  const projects = await tx.project.findMany({ where: { programId, code: { in: input.projectCodes } }, select: { id: true, code: true } });
  if (projects.length !== input.projectCodes.length) throw new InputError({ projectCodes: ['unknownProject'] });
  const byCode = new Map(projects.map((p) => [p.code, p.id]));
  return input.projectCodes.map((c) => byCode.get(c)!);
}

/** A rule's terms as its audit entry records them (RULE_SAVE). */
export function ruleSnapshot(rule: Omit<RuleInput, 'programId' | 'indicatorId' | 'baseIndicatorId' | 'limit'> & { limit: unknown }) {
  return snapshot({
    name: rule.name,
    ruleKind: rule.kind,
    ruleDirection: rule.direction,
    limit: rule.limit,
    count: rule.count,
    incidentSeverity: rule.incidentSeverity,
    severity: rule.severity,
    projectCodes: rule.projectCodes.join(', '),
  });
}

/** The stored terms of a rule input (not its program, which a rule keeps, nor the projects, stored as ids). */
const ruleFields = (input: RuleInput) => ({
  name: input.name,
  kind: input.kind,
  indicatorId: input.indicatorId,
  baseIndicatorId: input.baseIndicatorId,
  direction: input.direction,
  limit: input.limit,
  count: input.count,
  incidentSeverity: input.incidentSeverity,
  severity: input.severity,
});

const editableRule = (actor: Actor, ruleId: number): Prisma.MonitoringRuleWhereInput => ({ id: ruleId, program: programReadScope(actor) });

/** Every rule of the programs the actor reads, with its terms, the projects it names and how many of its warnings are open. */
export async function listRuleRows(options: { actor: Actor }) {
  if (!can(options.actor, 'monitoring:manage')) return [];
  const rules = await db.monitoringRule.findMany({
    where: { program: { AND: [programReadScope(options.actor), { isSynthetic: false }] } },
    orderBy: [{ programId: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      programId: true,
      name: true,
      kind: true,
      indicatorId: true,
      baseIndicatorId: true,
      direction: true,
      limit: true,
      count: true,
      incidentSeverity: true,
      severity: true,
      projectIds: true,
      active: true,
      isDemo: true,
      version: true,
      program: { select: { name: true, nameEn: true } },
      indicator: { select: { nameZh: true, nameEn: true, unit: true } },
      baseIndicator: { select: { nameZh: true, nameEn: true } },
      _count: { select: { warnings: { where: { status: { not: 'CLOSED' } } } } },
    },
  });
  const named = [...new Set(rules.flatMap((r) => r.projectIds))];
  const codes = new Map((await db.project.findMany({ where: { id: { in: named } }, select: { id: true, code: true } })).map((p) => [p.id, p.code]));
  return rules.map(({ _count, limit, projectIds, ...r }) => ({
    ...r,
    limit: limit === null ? null : Number(limit),
    projectCodes: projectIds.map((id) => codes.get(id) ?? `#${id}`),
    openWarnings: _count.warnings,
  }));
}
export type RuleRow = Awaited<ReturnType<typeof listRuleRows>>[number];

/** A regulator changes a rule's terms; the version it read must still be the stored one. */
export async function updateRule(options: { actor: Actor; input: RuleEditInput }) {
  const { actor, input } = options;
  if (!can(actor, 'monitoring:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const rule = await tx.monitoringRule.findFirst({
      where: editableRule(actor, input.ruleId),
      select: {
        id: true,
        programId: true,
        version: true,
        name: true,
        kind: true,
        direction: true,
        limit: true,
        count: true,
        incidentSeverity: true,
        severity: true,
        projectIds: true,
      },
    });
    if (!rule) throw new AppError('NOT_FOUND');
    if (rule.version !== input.version) throw new ConflictError({ version: rule.version });
    if (input.programId !== rule.programId) throw new InputError({ programId: ['fixedProgram'] });
    const projectIds = await checkRuleTargets(tx, rule.programId, input);
    const fields = ruleFields(input);
    const { count } = await tx.monitoringRule.updateMany({
      where: { id: rule.id, version: input.version },
      data: { ...fields, projectIds, version: { increment: 1 } },
    });
    if (!count) throw new ConflictError({ version: rule.version });
    const before = await tx.project.findMany({ where: { id: { in: rule.projectIds } }, select: { id: true, code: true } });
    const beforeCodes = rule.projectIds.map((id) => before.find((p) => p.id === id)?.code ?? `#${id}`);
    await writeAudit(tx, {
      actor,
      action: 'RULE_SAVE',
      entityType: 'MonitoringRule',
      entityId: rule.id,
      before: ruleSnapshot({ ...rule, projectCodes: beforeCodes }),
      after: ruleSnapshot({ ...fields, projectCodes: input.projectCodes }),
    });
    return { id: rule.id };
  });
}

/** A regulator disables or enables a rule; a step that changes nothing (disabling a disabled rule) is a conflict. */
export async function setRuleActive(options: { actor: Actor; input: RuleActiveInput }) {
  const { actor, input } = options;
  if (!can(actor, 'monitoring:manage')) throw new AppError('FORBIDDEN');
  const active = input.step === 'ENABLE';
  return db.$transaction(async (tx) => {
    const rule = await tx.monitoringRule.findFirst({ where: editableRule(actor, input.ruleId), select: { id: true, name: true, active: true, version: true } });
    if (!rule) throw new AppError('NOT_FOUND');
    if (rule.version !== input.version || rule.active === active) throw new ConflictError({ version: rule.version, active: rule.active });
    const { count } = await tx.monitoringRule.updateMany({ where: { id: rule.id, version: input.version }, data: { active, version: { increment: 1 } } });
    if (!count) throw new ConflictError({ version: rule.version, active: rule.active });
    await writeAudit(tx, {
      actor,
      action: 'RULE_SET_ACTIVE',
      entityType: 'MonitoringRule',
      entityId: rule.id,
      before: snapshot({ name: rule.name, active: rule.active }),
      after: snapshot({ name: rule.name, active }),
    });
    return { id: rule.id };
  });
}
