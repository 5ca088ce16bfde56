/**
 * The entries of the action registry (./action-registry.ts) for a regulator's
 * management of risk control: editing, disabling and enabling monitoring rules,
 * and a program's report deadlines. Inputs succeed for an allowed actor; all
 * act on the Beijing pilot, so a regulator of another program finds nothing.
 */
import fc from 'fast-check';
import { ruleActiveSchema } from '@/lib/schemas/risk';
import type { Ctx, Entry } from './action-registry';

const pilotId = async (ctx: Ctx) => (await ctx.prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, select: { id: true } })).id;
const indicatorId = async (ctx: Ctx, code: string) => (await ctx.prisma.indicator.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

/** A rule of the pilot, active, new on every call. */
async function pilotRule(ctx: Ctx) {
  return ctx.prisma.monitoringRule.create({
    data: {
      programId: await pilotId(ctx),
      name: `矩阵待改规则 ${ctx.n}`,
      kind: 'THRESHOLD',
      indicatorId: await indicatorId(ctx, 'USERS'),
      direction: 'ABOVE',
      limit: 2_000_000_000,
      severity: 'GENERAL',
    },
    select: { id: true, version: true, programId: true },
  });
}

/** Hours of a report deadline that are never valid. */
const hours = fc.oneof(
  fc.constant(null),
  fc.object({ maxDepth: 1 }),
  fc.constantFrom(NaN, Infinity, true, 0, -1, 1.5, 8761),
  fc.constantFrom('', '0', '-3', '1.5', 'abc', '8761', '1e3', '24h', '1\'; DROP TABLE "Project"; --'),
);
const ruleId = fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.constantFrom('abc', '-1', 1.5, '', ' 7 7', 2 ** 31), fc.object({ maxDepth: 1 }));

/** Hostile values for the fields these schemas add (shared with tests/unit/schemas.property.test.ts). */
export const RISK_HOSTILE = { ruleId, GENERAL: hours, MAJOR: hours, SERIOUS: hours, CRITICAL: hours };

export const RISK_ACTIONS: Record<string, Entry> = {
  'risk#updateRuleAction': {
    capability: 'monitoring:manage',
    audited: true,
    fields: ['ruleId', 'version', 'programId', 'name', 'kind', 'indicatorId', 'direction', 'limit', 'count', 'severity', 'projectCodes'],
    hostile: RISK_HOSTILE,
    input: async (ctx) => {
      const rule = await pilotRule(ctx);
      return {
        ruleId: rule.id,
        version: rule.version,
        programId: rule.programId,
        name: `矩阵已改规则 ${ctx.n}`,
        kind: 'THRESHOLD',
        indicatorId: await indicatorId(ctx, 'USERS'),
        direction: 'ABOVE',
        limit: '1500000000',
        count: '',
        severity: 'MAJOR',
        projectCodes: 'BJFT-06',
      };
    },
  },
  'risk#setRuleActiveAction': {
    capability: 'monitoring:manage',
    audited: true,
    fields: ['ruleId', 'version', 'step'],
    schema: ruleActiveSchema,
    hostile: RISK_HOSTILE,
    input: async (ctx) => {
      const rule = await pilotRule(ctx);
      return { ruleId: rule.id, version: rule.version, step: 'DISABLE' };
    },
  },
  'risk#saveIncidentDeadlinesAction': {
    capability: 'monitoring:manage',
    audited: true,
    fields: ['programId', 'version', 'GENERAL', 'MAJOR', 'SERIOUS', 'CRITICAL'],
    hostile: RISK_HOSTILE,
    input: async (ctx) => {
      const programId = await pilotId(ctx);
      const rows = await ctx.prisma.incidentDeadline.findMany({ where: { programId }, select: { version: true } });
      return { programId, version: Math.max(1, ...rows.map((r) => r.version)), GENERAL: String(24 + (ctx.n % 24)), MAJOR: '12', SERIOUS: '4', CRITICAL: '2' };
    },
  },
};
