import 'server-only';
/**
 * Evaluating monitoring rules (lib/rules/monitoring.ts) on a project's data and
 * raising warnings: in the transaction of the write that changed the data, and
 * daily for rules that time alone makes fire. A warning is raised once while
 * it is open: `openKey` is unique, and the insert skips a duplicate, so two
 * writes at once raise one warning.
 */
import type { RuleKind, ValueQualifier } from '../generated/prisma/enums';
import type { Prisma } from '../generated/prisma/client';
import { evaluate, TIME_BASED, type Point, type RuleSpec } from '../rules/monitoring';
import { todayInBeijing } from '../rules/time';
import { db } from '../server/db';
import type { Tx } from './audit';

type StoredRule = Prisma.MonitoringRuleGetPayload<{ select: typeof ruleSelect }>;

const ruleSelect = {
  id: true,
  kind: true,
  indicatorId: true,
  baseIndicatorId: true,
  direction: true,
  limit: true,
  count: true,
  incidentSeverity: true,
  projectIds: true,
  isDemo: true,
} as const;

export const openKey = (ruleId: number, projectId: number) => `${ruleId}:${projectId}`;

/** A stored rule as the evaluators read it; an envelope takes the project's declared scale. */
function specOf(rule: StoredRule, envelope: number | null): RuleSpec {
  const limit = rule.limit === null ? 0 : Number(rule.limit);
  switch (rule.kind) {
    case 'THRESHOLD':
      return { kind: 'THRESHOLD', direction: rule.direction === 'BELOW' ? 'below' : 'above', limit };
    case 'ENVELOPE':
      return { kind: 'ENVELOPE', limit: envelope };
    case 'DROP':
      return { kind: 'DROP', percent: limit };
    case 'STAGNANT':
      return { kind: 'STAGNANT', periods: rule.count ?? 1 };
    case 'STALE':
      return { kind: 'STALE', days: rule.count ?? 1 };
    case 'COMPLAINT_RATE':
      return { kind: 'COMPLAINT_RATE', limit };
    case 'INCIDENT_SEVERITY':
      return { kind: 'INCIDENT_SEVERITY', severity: rule.incidentSeverity ?? 'CRITICAL' };
  }
}

async function seriesOf(tx: Tx, projectId: number, indicatorId: number | null): Promise<Point[]> {
  if (indicatorId === null) return [];
  const rows = await tx.metricValue.findMany({
    where: { projectId, indicatorId },
    select: { asOf: true, value: true, qualifier: true },
    orderBy: { asOf: 'asc' },
  });
  return rows.map((r) => ({ asOf: r.asOf, value: Number(r.value), qualifier: r.qualifier as ValueQualifier }));
}

/**
 * Evaluates the program's active rules that apply to the project (all, or only
 * those reading `indicatorId`, or only those of `kinds`) and raises a warning
 * for each that fires and has none open. Returns how many were raised.
 */
export async function evaluateProject(tx: Tx, options: { projectId: number; indicatorId?: number; kinds?: readonly RuleKind[]; today?: Date }) {
  const project = await tx.project.findUnique({ where: { id: options.projectId }, select: { id: true, programId: true, approvedAt: true, retiredAt: true } });
  if (!project || project.retiredAt) return 0;
  // Only the rules that read the changed indicator (or every rule, for the daily run and an incident).
  const reads: Prisma.MonitoringRuleWhereInput = options.indicatorId
    ? { OR: [{ indicatorId: options.indicatorId }, { baseIndicatorId: options.indicatorId }] }
    : {};
  const rules = await tx.monitoringRule.findMany({
    where: {
      programId: project.programId,
      active: true,
      kind: options.kinds ? { in: [...options.kinds] } : undefined,
      AND: [reads, { OR: [{ projectIds: { isEmpty: true } }, { projectIds: { has: project.id } }] }],
    },
    select: ruleSelect,
  });
  if (!rules.length) return 0;
  const today = options.today ?? todayInBeijing();
  const [incidents, scales] = await Promise.all([
    rules.some((r) => r.kind === 'INCIDENT_SEVERITY')
      ? tx.incident.findMany({ where: { projectId: project.id, status: { not: 'CLOSED' } }, select: { severity: true, occurredAt: true } })
      : [],
    tx.expectedScale.findMany({ where: { projectId: project.id }, select: { indicatorId: true, limit: true } }),
  ]);
  const raised: Prisma.WarningCreateManyInput[] = [];
  for (const rule of rules) {
    const envelope = scales.find((s) => s.indicatorId === rule.indicatorId);
    const spec = specOf(rule, envelope ? Number(envelope.limit) : null);
    const [series, base] = await Promise.all([seriesOf(tx, project.id, rule.indicatorId), seriesOf(tx, project.id, rule.baseIndicatorId)]);
    const verdict = evaluate(spec, { series, base, incidents, today, since: project.approvedAt });
    if (!verdict.fires) continue;
    raised.push({
      ruleId: rule.id,
      projectId: project.id,
      openKey: openKey(rule.id, project.id),
      value: verdict.value,
      approximate: verdict.approximate,
      detail: verdict.detail,
      isDemo: rule.isDemo,
    });
  }
  if (!raised.length) return 0;
  // ON CONFLICT DO NOTHING on openKey: a rule already open on the project adds nothing, even when two writes race.
  const { count } = await tx.warning.createMany({ data: raised, skipDuplicates: true });
  return count;
}

/** The daily run: every time-based rule on every project of its program (or those it lists). Returns how many warnings were raised. */
export async function runDailyMonitoring(options: { today?: Date } = {}) {
  const rules = await db.monitoringRule.findMany({ where: { active: true, kind: { in: [...TIME_BASED] } }, select: { programId: true, projectIds: true } });
  const programs = [...new Set(rules.map((r) => r.programId))];
  const projects = await db.project.findMany({ where: { programId: { in: programs }, retiredAt: null }, select: { id: true } });
  let raised = 0;
  for (const p of projects) raised += await db.$transaction((tx) => evaluateProject(tx, { projectId: p.id, kinds: TIME_BASED, today: options.today }));
  return raised;
}
