/**
 * Risk control's seed: each program's report deadlines per severity (settings,
 * always), and demo data (only with the demo accounts): monitoring rules, the
 * warnings the seeded values raise against them, and an incident in each state.
 * Every demo row carries isDemo and shows as demo data, never as the public record.
 * Warnings come from the rule evaluators themselves (lib/rules/monitoring.ts);
 * tests/integration/risk-seed.test.ts holds them equal to what the data layer raises.
 */
import type { Severity } from '../lib/generated/prisma/enums';
import { evaluate, type RuleSpec } from '../lib/rules/monitoring';
import { todayInBeijing } from '../lib/rules/time';
import type { PrismaClient } from '../lib/server/prisma';

/** Hours from occurrence to report, per severity: the defaults a program starts with. */
export const DEFAULT_DEADLINES: Record<Severity, number> = { GENERAL: 24, MAJOR: 12, SERIOUS: 4, CRITICAL: 2 };

export async function seedIncidentDeadlines(prisma: PrismaClient) {
  const programs = await prisma.program.findMany({ where: { isSynthetic: false }, select: { id: true } });
  await prisma.incidentDeadline.createMany({
    data: programs.flatMap((p) => Object.entries(DEFAULT_DEADLINES).map(([severity, hours]) => ({ programId: p.id, severity: severity as Severity, hours }))),
    skipDuplicates: true,
  });
}

const at = (iso: string) => new Date(`${iso}+08:00`);

export async function seedRiskDemo(prisma: PrismaClient) {
  if (await prisma.monitoringRule.count({ where: { isDemo: true } })) return;
  const pilot = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, select: { id: true } });
  const sandbox = await prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-SANDBOX' }, select: { id: true } });
  const ind = async (code: string) => (await prisma.indicator.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  const project = async (code: string) => (await prisma.project.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  const institution = await prisma.user.findUniqueOrThrow({ where: { email: 'institution@pilot.example' }, select: { id: true } });
  const regulator = await prisma.user.findUniqueOrThrow({ where: { email: 'regulator@pilot.example' }, select: { id: true } });
  const demo = { isDemo: true };
  const p05 = await project('BJFT-05');
  await prisma.monitoringRule.createMany({
    data: [
      {
        ...demo,
        programId: pilot.id,
        name: '【演示】受理终端超过 1,500 台',
        kind: 'THRESHOLD',
        indicatorId: await ind('TERMINALS'),
        direction: 'ABOVE',
        limit: 1500,
        severity: 'GENERAL',
      },
      {
        ...demo,
        programId: pilot.id,
        name: '【演示】用户数一年未更新',
        kind: 'STALE',
        indicatorId: await ind('USERS'),
        count: 365,
        projectIds: [p05],
        severity: 'MAJOR',
      },
      { ...demo, programId: pilot.id, name: '【演示】发生重大及以上风险事件', kind: 'INCIDENT_SEVERITY', incidentSeverity: 'SERIOUS', severity: 'SERIOUS' },
      { ...demo, programId: sandbox.id, name: '【演示】用户数超出预期规模', kind: 'ENVELOPE', indicatorId: await ind('USERS'), severity: 'MAJOR' },
    ],
  });
  const [p02, p06] = [await project('BJFT-02'), await project('BJFT-06')];
  const incident = { ...demo, reporterId: institution.id };
  await prisma.incident.createMany({
    data: [
      {
        ...incident,
        projectId: p06,
        category: 'CONSUMER_COMPLAINTS',
        severity: 'GENERAL',
        occurredAt: at('2026-11-20T10:00'),
        reportedAt: at('2026-11-21T09:00'),
        customersAffected: 37,
        description: '【演示】集中收到关于扫码失败的投诉。',
      },
      {
        ...incident,
        projectId: p02,
        category: 'BUSINESS_CONTINUITY',
        severity: 'MAJOR',
        status: 'HANDLING',
        occurredAt: at('2026-11-18T08:30'),
        reportedAt: at('2026-11-19T04:30'),
        customersAffected: 1200,
        amountAffected: 350000,
        description: '【演示】核心系统中断 40 分钟。',
        actionsTaken: '已切换备用系统，正在排查原因。',
      },
      {
        ...incident,
        projectId: p06,
        category: 'DATA_SECURITY',
        severity: 'SERIOUS',
        status: 'RESOLVED',
        occurredAt: at('2026-11-10T14:00'),
        reportedAt: at('2026-11-10T16:00'),
        customersAffected: 85,
        description: '【演示】合作方接口异常调用。',
        actionsTaken: '已关闭接口并完成排查，未发现数据外泄。',
      },
      {
        ...incident,
        projectId: p02,
        category: 'TRANSACTION_SECURITY',
        severity: 'GENERAL',
        status: 'CLOSED',
        occurredAt: at('2026-10-08T09:00'),
        reportedAt: at('2026-10-08T15:00'),
        amountAffected: 12000,
        description: '【演示】少量重复扣款。',
        actionsTaken: '已全额退款。',
        decisionNote: '处置完毕，同意销号。',
        signedOffById: regulator.id,
      },
    ],
  });
  await raiseDemoWarnings(prisma);
}

/** Evaluates the demo rules on every project they apply to, as the data layer would, and records what fires. */
async function raiseDemoWarnings(prisma: PrismaClient) {
  const rules = await prisma.monitoringRule.findMany({ where: { isDemo: true, active: true } });
  const today = todayInBeijing();
  for (const rule of rules) {
    const projects = await prisma.project.findMany({
      where: { programId: rule.programId, retiredAt: null, isPlaceholder: false, ...(rule.projectIds.length ? { id: { in: rule.projectIds } } : {}) },
      select: { id: true, approvedAt: true },
    });
    for (const p of projects) {
      const series = (
        await prisma.metricValue.findMany({
          where: { projectId: p.id, indicatorId: rule.indicatorId ?? -1 },
          select: { asOf: true, value: true, qualifier: true },
        })
      ).map((v) => ({ ...v, value: Number(v.value) }));
      const incidents = await prisma.incident.findMany({ where: { projectId: p.id, status: { not: 'CLOSED' } }, select: { severity: true, occurredAt: true } });
      const scale = await prisma.expectedScale.findFirst({ where: { projectId: p.id, indicatorId: rule.indicatorId ?? -1 } });
      const spec: RuleSpec =
        rule.kind === 'THRESHOLD'
          ? { kind: 'THRESHOLD', direction: rule.direction === 'BELOW' ? 'below' : 'above', limit: Number(rule.limit) }
          : rule.kind === 'STALE'
            ? { kind: 'STALE', days: rule.count ?? 1 }
            : rule.kind === 'ENVELOPE'
              ? { kind: 'ENVELOPE', limit: scale ? Number(scale.limit) : null }
              : { kind: 'INCIDENT_SEVERITY', severity: rule.incidentSeverity ?? 'CRITICAL' };
      const verdict = evaluate(spec, { series, incidents, today, since: p.approvedAt });
      if (!verdict.fires) continue;
      await prisma.warning.createMany({
        data: [
          {
            ruleId: rule.id,
            projectId: p.id,
            openKey: `${rule.id}:${p.id}`,
            value: verdict.value,
            approximate: verdict.approximate,
            detail: verdict.detail,
            isDemo: true,
          },
        ],
        skipDuplicates: true,
      });
    }
  }
}
