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
import { dueDate, schedulePeriods } from '../rules/returns';
import { todayInBeijing } from '../rules/time';
import { db } from '../server/db';
import type { Tx } from './audit';
import { notifyWarningRaised } from './notices';

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
    case 'LATE_RETURN':
      return { kind: 'LATE_RETURN', days: rule.count ?? 1 };
  }
}

type EvaluatedProject = { id: number; programId: number; approvedAt: Date; stage: { code: string } };

/**
 * The returns a project owes and has not filed although their due date has
 * passed: the periods of every schedule in force of its program that lists its
 * stage, from the one it entered the program in (lib/rules/returns.ts
 * owesWhere, for one project).
 */
async function overdueReturns(tx: Tx, project: EvaluatedProject, today: Date) {
  const [schedules, filed] = await Promise.all([
    tx.returnSchedule.findMany({
      where: { retiredAt: null, stageCodes: { has: project.stage.code }, template: { retiredAt: null, programId: project.programId } },
      select: { templateId: true, frequency: true, dueDays: true, startsOn: true, endsOn: true },
    }),
    tx.return.findMany({ where: { projectId: project.id, firstSubmittedAt: { not: null } }, select: { templateId: true, period: true } }),
  ]);
  const isFiled = new Set(filed.map((r) => `${r.templateId}:${r.period}`));
  return schedules.flatMap((s) =>
    schedulePeriods(s, today)
      .filter((p) => project.approvedAt <= p.to && dueDate(p, s.dueDays) < today && !isFiled.has(`${s.templateId}:${p.key}`))
      .map((p) => ({ period: p.key, due: dueDate(p, s.dueDays) })),
  );
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
  const project = await tx.project.findUnique({
    where: { id: options.projectId },
    select: { id: true, programId: true, approvedAt: true, retiredAt: true, isPlaceholder: true, stage: { select: { code: true } } },
  });
  // A placeholder stands in for a project the record does not name: there is nobody to supervise.
  if (!project || project.retiredAt || project.isPlaceholder) return 0;
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
  const [incidents, scales, overdue] = await Promise.all([
    rules.some((r) => r.kind === 'INCIDENT_SEVERITY')
      ? tx.incident.findMany({ where: { projectId: project.id, status: { not: 'CLOSED' } }, select: { severity: true, occurredAt: true } })
      : [],
    tx.expectedScale.findMany({ where: { projectId: project.id }, select: { indicatorId: true, limit: true } }),
    rules.some((r) => r.kind === 'LATE_RETURN') ? overdueReturns(tx, project, today) : [],
  ]);
  const raised: Prisma.WarningCreateManyInput[] = [];
  for (const rule of rules) {
    const envelope = scales.find((s) => s.indicatorId === rule.indicatorId);
    const spec = specOf(rule, envelope ? Number(envelope.limit) : null);
    const [series, base] = await Promise.all([seriesOf(tx, project.id, rule.indicatorId), seriesOf(tx, project.id, rule.baseIndicatorId)]);
    const verdict = evaluate(spec, { series, base, incidents, overdue, today, since: project.approvedAt });
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
  const created = await tx.warning.createManyAndReturn({ data: raised, skipDuplicates: true, select: { id: true, ruleId: true } });
  for (const warning of created) await notifyWarningRaised(tx, { warningId: warning.id, ruleId: warning.ruleId, projectId: project.id });
  return created.length;
}

/** The daily run: every time-based rule on every project of its program (or those it lists). Returns how many warnings were raised. */
export async function runDailyMonitoring(options: { today?: Date } = {}) {
  const rules = await db.monitoringRule.findMany({ where: { active: true, kind: { in: [...TIME_BASED] } }, select: { programId: true, projectIds: true } });
  const programs = [...new Set(rules.map((r) => r.programId))];
  const projects = await db.project.findMany({ where: { programId: { in: programs }, retiredAt: null, isPlaceholder: false }, select: { id: true } });
  let raised = 0;
  for (const p of projects) raised += await db.$transaction((tx) => evaluateProject(tx, { projectId: p.id, kinds: TIME_BASED, today: options.today }));
  return raised;
}
