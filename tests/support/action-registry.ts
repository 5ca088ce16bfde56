/**
 * Every server action and route handler, with the capability the permission
 * map must grant for it and a way to build an input that succeeds for an
 * allowed actor. The role matrix fails for any export without an entry here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type fc from 'fast-check';
import { expect } from 'vitest';
import type { Actor, Capability } from '@/lib/rules/authz';
import { NOTIFICATION_KINDS } from '@/lib/rules/notifications';
import { passwordResetSchema } from '@/lib/schemas/account';
import { emailPreferencesSchema, notificationReadSchema, notificationsReadAllSchema } from '@/lib/schemas/notifications';
import type { PrismaClient } from '@/lib/server/prisma';
import { hashPassword } from '@/lib/server/passwords';
import { upsertLifecycle } from '@/seeds/helpers';
import { SANDBOX } from '@/seeds/lifecycles';
import { stageIdOf } from './factories';
import { ASSESSMENT_ACTIONS } from './assessment-registry';
import { optionalText } from './hostile';
import { projectId, type TestActors } from './users';
import { FILING_HOSTILE, freshFiling, REVIEW_HOSTILE, submittedReturn } from './returns';

export type Ctx = { prisma: PrismaClient; actors: TestActors; actor: Actor | null; n: number };
export type Entry = {
  /** null: public (anyone, signed in or not); 'signed-in': any signed-in user, on their own account. */
  capability: Capability | 'signed-in' | null;
  /** Whether a successful call writes an audit entry. */
  audited: boolean;
  /** The fields of the input, for the hostile-input tests (empty for actions without a schema). */
  fields: string[];
  input: (ctx: Ctx) => Promise<Record<string, unknown>>;
  /** Form-only actions take the FormData as their one argument. */
  formOnly?: boolean;
  /** What an allowed call returns, when it is not the plain `{ ok: true, message: 'SAVED' }` of a write. */
  success?: unknown;
  /** Hostile values for a field whose rule differs from the shared one of its name (tests/support/hostile.ts). */
  hostile?: Record<string, fc.Arbitrary<unknown>>;
  /**
   * The input schema, for an action whose whole input is so small (one id, one list) that a random
   * payload can be a valid input by chance: the "any shape" property skips such payloads.
   */
  schema?: { safeParse: (input: unknown) => { success: boolean } };
};

/**
 * Registry keys are "file#export", or "file#export [variant]" when one action or
 * route needs another capability for another input (an import of metric values).
 */
export const baseName = (key: string) => key.replace(/ \[[^\]]+\]$/, '');

/** A one-row institution sheet, new on every call, and its hash (what a preview returns to confirm). */
function institutionUpload(n: number) {
  const bytes = Buffer.from(`机构名称,机构类型,持牌,占位记录,数据来源\n矩阵测试机构 ${n},TECH_COMPANY,否,否,测试\n`);
  return { file: new File([bytes], `institutions-${n}.csv`, { type: 'text/csv' }), hash: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** A one-row metric value sheet for BJFT-06 (led by the institution demo user's bank), a later day and a larger value on every call. */
function metricUpload(n: number) {
  const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const bytes = Buffer.from(
    `项目编号,指标编号,数据截至日期,数值,单位,数值限定,来源类型,来源说明,更正说明\nBJFT-06,WEBSITES,${day},${1_000_000 + n},家,EXACT,institution,矩阵测试 ${n},\n`,
  );
  return { file: new File([bytes], `metrics-${n}.csv`, { type: 'text/csv' }), hash: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** What a confirmed one-row import answers. */
const WRITTEN_ONE = { ok: true, message: 'SAVED', data: { status: 'WRITTEN', rows: 1, written: 1 } };

/** The password the registry gives the acting user before a password change. */
export const CURRENT_PASSWORD = 'Matrix-Current-Secret-2031';

/** Gives the acting user a known password (test users are created without one that works). */
async function knownPassword(ctx: Ctx) {
  if (ctx.actor) await ctx.prisma.user.update({ where: { id: ctx.actor.userId }, data: { passwordHash: await hashPassword(CURRENT_PASSWORD) } });
}

const newUser = (ctx: Ctx, prefix: string) =>
  ctx.prisma.user.create({ data: { email: `${prefix}${ctx.n}@matrix.example`, name: '目标', role: 'LEADER', passwordHash: 'x' } });

const version = async (prisma: PrismaClient, id: number) => (await prisma.project.findUniqueOrThrow({ where: { id } })).version;

/** BJFT-06 (led by the institution demo user's bank) is where institution actions act. */
async function ownProject(ctx: Ctx) {
  return projectId(ctx.prisma, 'BJFT-06');
}

/**
 * A sandbox application in 申报, led by the same bank: where its public
 * statement may be edited. Made once, on first use, with the sandbox's lifecycle.
 */
async function applyingApplication(ctx: Ctx) {
  const existing = await ctx.prisma.project.findUnique({ where: { code: 'SB-TEST-01' }, select: { id: true } });
  if (existing) return existing.id;
  const lifecycle = await ctx.prisma.$transaction((tx) => upsertLifecycle(tx, SANDBOX));
  const program = await ctx.prisma.program.upsert({
    where: { code: 'SB-TEST' },
    create: { code: 'SB-TEST', name: '测试沙盒', nameEn: 'Test sandbox', region: 'test', lifecycleId: lifecycle.id },
    update: {},
  });
  const lead = (await ctx.prisma.institution.findUniqueOrThrow({ where: { name: '招商银行北京分行' }, select: { id: true } })).id;
  const applied = lifecycle.stages.get('APPLIED')!;
  const project = await ctx.prisma.project.create({
    data: {
      code: 'SB-TEST-01',
      name: '测试申报应用',
      programId: program.id,
      stageId: applied.id,
      reachedOrder: applied.sortOrder,
      approvedAt: new Date('2020-01-01'),
      institutions: { create: [{ institutionId: lead, role: 'LEAD' }] },
      stageChanges: { create: [{ toStageId: applied.id, effectiveDate: new Date('2020-01-01') }] },
    },
  });
  return project.id;
}

/** A milestone of the institution's own project, new on every call. */
async function ownMilestone(ctx: Ctx) {
  const id = await ownProject(ctx);
  const m = await ctx.prisma.milestone.create({ data: { projectId: id, title: `待修改 ${ctx.n}`, dueDate: new Date('2022-03-31') } });
  return { projectId: id, milestoneId: m.id, version: m.version };
}

/** A report of the institution's own project, in a quarter of its own (far ahead, so no submission takes it). */
async function ownReport(ctx: Ctx) {
  const id = await ownProject(ctx);
  const period = `${2100 + (ctx.n % 100)}-Q${1 + (Math.floor(ctx.n / 100) % 4)}`;
  const r = await ctx.prisma.progressReport.create({ data: { projectId: id, period, body: '待修改', authorId: ctx.actors.cmb.userId } });
  return { projectId: id, reportId: r.id, version: r.version, period };
}

/** An unread notice in the acting user's inbox (another user's when signed out), new on every call. */
async function ownNotice(ctx: Ctx) {
  const userId = ctx.actor?.userId ?? ctx.actors.regulator.userId;
  return ctx.prisma.notification.create({
    data: { userId, kind: 'COMMENT_ADDED', key: `matrix-${ctx.n}`, params: { code: 'BJFT-03', project: '矩阵测试' }, href: '/projects/BJFT-03' },
  });
}

/** A comment of the regulator's own on BJFT-03. */
async function ownComment(ctx: Ctx) {
  const c = await ctx.prisma.comment.create({
    data: { projectId: await projectId(ctx.prisma, 'BJFT-03'), authorId: ctx.actors.regulator.userId, body: '待修改' },
  });
  return { commentId: c.id, version: c.version };
}

/** BJFT-07's facts as the admin's edit form sends them, with a new name on every call. */
async function projectFacts(ctx: Ctx) {
  const p = await ctx.prisma.project.findUniqueOrThrow({
    where: { code: 'BJFT-07' },
    include: { institutions: true, technologies: true },
  });
  return {
    projectId: p.id,
    version: p.version,
    name: `更正后的名称 ${ctx.n}`,
    summary: p.summary,
    scenarios: p.scenarios,
    directionId: p.directionId ?? '',
    directionInferred: p.directionInferred,
    directionNote: p.directionNote ?? '',
    fieldId: p.fieldId ?? '',
    fieldInferred: p.fieldInferred,
    fieldNote: p.fieldNote ?? '',
    technologyIds: p.technologies.map((t) => t.technologyId),
    leadId: p.institutions.find((i) => i.role === 'LEAD')!.institutionId,
    participantIds: p.institutions.filter((i) => i.role === 'PARTICIPANT').map((i) => i.institutionId),
  };
}

/** Retires a placeholder project, or restores it when it is retired: every call succeeds. */
async function toggledProject(ctx: Ctx) {
  const p = await ctx.prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-40' } });
  return { projectId: p.id, version: p.version, retired: p.retiredAt ? 'false' : 'true' };
}

const newInstitution = (ctx: Ctx) => ctx.prisma.institution.create({ data: { name: `待更正机构 ${ctx.n}`, kind: 'BANK', sourceNote: '导入' } });
const newIndicator = (ctx: Ctx) =>
  ctx.prisma.indicator.create({
    data: { code: `MATRIX_${ctx.n}`, nameZh: `指标 ${ctx.n}`, nameEn: `Indicator ${ctx.n}`, unit: '个', kind: 'COUNT', aggregation: 'SUM' },
  });
const newTechnology = (ctx: Ctx) => ctx.prisma.technology.create({ data: { name: `技术 ${ctx.n}`, nameEn: `Technology ${ctx.n}` } });

/** Sections a template form sends: JSON text, a new question on every call so each edit makes a version. */
const sectionsJson = (n: number) =>
  JSON.stringify([
    { id: 'operations', kind: 'TEXT', label: `运行情况 ${n}`, labelEn: `Operations ${n}`, required: true, maxLength: 2000 },
    { id: 'users', kind: 'INDICATOR', indicatorCode: 'USERS', required: true },
  ]);

/** A return template of the pilot with its first version, new on every call. */
async function newTemplate(ctx: Ctx) {
  const program = await ctx.prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, select: { id: true } });
  return ctx.prisma.returnTemplate.create({
    data: {
      programId: program.id,
      code: `RM_${ctx.n}`,
      name: `矩阵模板 ${ctx.n}`,
      nameEn: `Matrix template ${ctx.n}`,
      versions: { create: { number: 1, sections: JSON.parse(sectionsJson(0)) as object[] } },
    },
  });
}

/** An incident on the institution's own BJFT-06 in `status`, new on every call. */
async function ownIncident(ctx: Ctx, status: 'OPEN' | 'RESOLVED') {
  const i = await ctx.prisma.incident.create({
    data: {
      projectId: await ownProject(ctx),
      category: 'OTHER',
      severity: 'GENERAL',
      status,
      occurredAt: new Date('2026-01-01T02:00:00Z'),
      reportedAt: new Date('2026-01-01T03:00:00Z'),
      description: `矩阵测试事件 ${ctx.n}`,
      reporterId: ctx.actors.cmb.userId,
    },
  });
  return { incidentId: i.id, version: i.version };
}

/** An open warning of a rule of its own on BJFT-06, new on every call. */
async function openWarning(ctx: Ctx) {
  const project = await ownProject(ctx);
  const { programId } = await ctx.prisma.project.findUniqueOrThrow({ where: { id: project }, select: { programId: true } });
  const rule = await ctx.prisma.monitoringRule.create({
    data: { programId, name: `矩阵规则 ${ctx.n}`, kind: 'INCIDENT_SEVERITY', incidentSeverity: 'CRITICAL', severity: 'GENERAL' },
  });
  const w = await ctx.prisma.warning.create({ data: { ruleId: rule.id, projectId: project, openKey: `${rule.id}:${project}`, value: 3 } });
  return { warningId: w.id, version: w.version };
}

export const ACTIONS: Record<string, Entry> = {
  ...ASSESSMENT_ACTIONS,
  'locale#setLocale': { capability: null, audited: false, fields: [], formOnly: true, input: async () => ({ locale: 'zh' }) },
  'projects#editProjectDetailsAction': {
    capability: 'project:edit',
    audited: true,
    fields: ['projectId', 'version', 'summary', 'scenarios'],
    input: async (ctx) => {
      const id = await ownProject(ctx);
      return { projectId: id, version: await version(ctx.prisma, id), summary: `简介 ${ctx.n}`, scenarios: '生活缴费' };
    },
  },
  'projects#proposeStageAction': {
    capability: 'stage:propose',
    audited: true,
    fields: ['projectId', 'version', 'toStage', 'effectiveDate', 'evidenceNote'],
    input: async (ctx) => {
      const id = await ownProject(ctx);
      await ctx.prisma.stageProposal.deleteMany({ where: { projectId: id, status: 'PENDING' } });
      return { projectId: id, version: await version(ctx.prisma, id), toStage: 'PROMOTION', effectiveDate: '2021-01-01', evidenceNote: '推广证明' };
    },
  },
  'projects#editStatementAction': {
    capability: 'project:edit',
    audited: true,
    fields: [
      'projectId',
      'version',
      'innovation',
      'service',
      'compliance',
      'techSecurity',
      'riskCompensation',
      'exitMechanism',
      'emergencyPlan',
      'riskNotice',
      'complaints',
    ],
    input: async (ctx) => {
      const id = await applyingApplication(ctx);
      return { projectId: id, version: await version(ctx.prisma, id), innovation: `创新说明 ${ctx.n}`, complaints: '客服热线' };
    },
  },
  'projects#addMilestoneAction': {
    capability: 'milestone:write',
    audited: true,
    fields: ['projectId', 'title', 'dueDate'],
    input: async (ctx) => ({ projectId: await ownProject(ctx), title: `里程碑 ${ctx.n}`, dueDate: '2022-06-30' }),
  },
  'projects#completeMilestoneAction': {
    capability: 'milestone:write',
    audited: true,
    fields: ['projectId', 'milestoneId', 'completedAt'],
    input: async (ctx) => {
      const id = await ownProject(ctx);
      const m = await ctx.prisma.milestone.create({ data: { projectId: id, title: `待完成 ${ctx.n}`, dueDate: new Date('2022-01-01') } });
      return { projectId: id, milestoneId: m.id, completedAt: '2022-01-15' };
    },
  },
  'projects#recordMetricAction': {
    capability: 'metric:record',
    audited: true,
    fields: ['projectId', 'indicatorCode', 'asOf', 'value', 'unit', 'qualifier', 'sourceNote', 'correctionNote'],
    input: async (ctx) => {
      const asOf = new Date(Date.UTC(2023, 0, 1 + ctx.n)).toISOString().slice(0, 10);
      return {
        projectId: await ownProject(ctx),
        indicatorCode: 'SCENARIOS',
        asOf,
        value: String(100 + ctx.n),
        unit: '个',
        sourceNote: '月报',
        correctionNote: '',
      };
    },
  },
  'projects#submitProgressReportAction': {
    capability: 'project:edit',
    audited: true,
    fields: ['projectId', 'period', 'body'],
    input: async (ctx) => ({
      projectId: await ownProject(ctx),
      period: `${2020 + (ctx.n % 5)}-Q${1 + (Math.floor(ctx.n / 5) % 4)}`,
      body: `本季度进展 ${ctx.n}`,
    }),
  },
  'projects#editMilestoneAction': {
    capability: 'milestone:write',
    audited: true,
    fields: ['projectId', 'milestoneId', 'version', 'title', 'dueDate'],
    input: async (ctx) => ({ ...(await ownMilestone(ctx)), title: `更正后的里程碑 ${ctx.n}`, dueDate: '2022-06-30' }),
  },
  'projects#setMilestoneRetiredAction': {
    capability: 'milestone:write',
    audited: true,
    fields: ['projectId', 'milestoneId', 'version', 'retired'],
    input: async (ctx) => ({ ...(await ownMilestone(ctx)), retired: 'true' }),
  },
  'projects#editProgressReportAction': {
    capability: 'project:edit',
    audited: true,
    fields: ['projectId', 'reportId', 'version', 'period', 'body'],
    input: async (ctx) => ({ ...(await ownReport(ctx)), body: `更正后的进展 ${ctx.n}` }),
  },
  'projects#setProgressReportRetiredAction': {
    capability: 'project:edit',
    audited: true,
    fields: ['projectId', 'reportId', 'version', 'retired'],
    input: async (ctx) => {
      const { projectId, reportId, version } = await ownReport(ctx);
      return { projectId, reportId, version, retired: 'true' };
    },
  },
  'proposals#decideProposalAction': {
    capability: 'stage:decide',
    audited: true,
    fields: ['proposalId', 'decision', 'note'],
    input: async (ctx) => {
      const id = await projectId(ctx.prisma, 'BJFT-02');
      const p = await ctx.prisma.stageProposal.create({
        data: {
          projectId: id,
          fromStageId: await stageIdOf(ctx.prisma, 'ONLINE'),
          toStageId: await stageIdOf(ctx.prisma, 'PROMOTION'),
          effectiveDate: new Date('2021-01-01'),
          evidenceNote: '证据',
          proposerId: ctx.actors.cmb.userId,
        },
      });
      return { proposalId: p.id, decision: 'REJECT', note: '材料不足' };
    },
  },
  'comments#addCommentAction': {
    capability: 'comment:write',
    audited: true,
    fields: ['projectId', 'body'],
    input: async (ctx) => ({ projectId: await projectId(ctx.prisma, 'BJFT-03'), body: `请补充数据口径 ${ctx.n}` }),
  },
  'comments#editCommentAction': {
    capability: 'comment:write',
    audited: true,
    fields: ['commentId', 'version', 'body'],
    input: async (ctx) => ({ ...(await ownComment(ctx)), body: `更正后的意见 ${ctx.n}` }),
  },
  'comments#setCommentRetiredAction': {
    capability: 'comment:write',
    audited: true,
    fields: ['commentId', 'version', 'retired'],
    input: async (ctx) => ({ ...(await ownComment(ctx)), retired: 'true' }),
  },
  'return-filing#saveReturnDraftAction': {
    capability: 'return:file',
    // A draft is not a filing: its submission is what the history records.
    audited: false,
    fields: ['projectId', 'scheduleId', 'period', 'version', 'answers'],
    success: { ok: true, message: 'SAVED', data: { version: 1 } },
    hostile: FILING_HOSTILE,
    input: async (ctx) => ({ ...(await freshFiling(ctx.prisma, await ownProject(ctx), ctx.n)), answers: JSON.stringify({ progress: `草稿 ${ctx.n}` }) }),
  },
  'return-filing#submitReturnAction': {
    capability: 'return:file',
    audited: true,
    fields: ['projectId', 'scheduleId', 'period', 'version', 'answers'],
    success: { ok: true, message: 'SAVED', data: { version: 1 } },
    hostile: FILING_HOSTILE,
    input: async (ctx) => ({
      ...(await freshFiling(ctx.prisma, await ownProject(ctx), ctx.n)),
      answers: JSON.stringify({ progress: `本月运行平稳 ${ctx.n}` }),
    }),
  },
  'return-filing#reviewReturnAction': {
    capability: 'return:review',
    audited: true,
    fields: ['returnId', 'version', 'decision', 'reviewNote', 'sectionComments'],
    hostile: REVIEW_HOSTILE,
    input: async (ctx) => ({
      ...(await submittedReturn(ctx.prisma, await projectId(ctx.prisma, 'BJFT-03'), ctx.actors.cmb.userId, ctx.n)),
      decision: 'RETURN',
      reviewNote: `请补充 ${ctx.n}`,
      sectionComments: JSON.stringify({ progress: '请说明业务量' }),
    }),
  },
  'corrections#editProjectAction': {
    capability: 'project:manage',
    audited: true,
    fields: [
      'projectId',
      'version',
      'name',
      'summary',
      'scenarios',
      'directionId',
      'directionInferred',
      'directionNote',
      'fieldId',
      'fieldInferred',
      'fieldNote',
      'technologyIds',
      'leadId',
      'participantIds',
    ],
    input: projectFacts,
  },
  'corrections#setProjectRetiredAction': {
    capability: 'project:manage',
    audited: true,
    fields: ['projectId', 'version', 'retired'],
    input: toggledProject,
  },
  'corrections#editInstitutionAction': {
    capability: 'project:manage',
    audited: true,
    fields: ['institutionId', 'version', 'name', 'kind', 'licensed', 'sourceNote'],
    hostile: { sourceNote: optionalText(2000) },
    input: async (ctx) => {
      const i = await newInstitution(ctx);
      return { institutionId: i.id, version: i.version, name: `更正后的机构 ${ctx.n}`, kind: 'TECH_COMPANY', licensed: 'no', sourceNote: '更正' };
    },
  },
  'corrections#setInstitutionRetiredAction': {
    capability: 'project:manage',
    audited: true,
    fields: ['institutionId', 'version', 'retired'],
    input: async (ctx) => {
      const i = await newInstitution(ctx);
      return { institutionId: i.id, version: i.version, retired: 'true' };
    },
  },
  'corrections#editIndicatorAction': {
    capability: 'catalogue:manage',
    audited: true,
    fields: ['indicatorId', 'version', 'nameZh', 'nameEn', 'unit'],
    input: async (ctx) => {
      const i = await newIndicator(ctx);
      return { indicatorId: i.id, version: i.version, nameZh: `更正后的指标 ${ctx.n}`, nameEn: i.nameEn, unit: '家' };
    },
  },
  'corrections#setIndicatorRetiredAction': {
    capability: 'catalogue:manage',
    audited: true,
    fields: ['indicatorId', 'version', 'retired'],
    input: async (ctx) => {
      const i = await newIndicator(ctx);
      return { indicatorId: i.id, version: i.version, retired: 'true' };
    },
  },
  'corrections#editTechnologyAction': {
    capability: 'catalogue:manage',
    audited: true,
    fields: ['technologyId', 'version', 'name', 'nameEn'],
    input: async (ctx) => {
      const t = await newTechnology(ctx);
      return { technologyId: t.id, version: t.version, name: `更正技术 ${ctx.n}`, nameEn: t.nameEn };
    },
  },
  'corrections#setTechnologyRetiredAction': {
    capability: 'catalogue:manage',
    audited: true,
    fields: ['technologyId', 'version', 'retired'],
    input: async (ctx) => {
      const t = await newTechnology(ctx);
      return { technologyId: t.id, version: t.version, retired: 'true' };
    },
  },
  'users#createUserAction': {
    capability: 'user:manage',
    audited: true,
    fields: ['email', 'name', 'role', 'institutionId', 'password'],
    input: async (ctx) => ({
      email: `user${ctx.n}@matrix.example`,
      name: `用户 ${ctx.n}`,
      role: 'LEADER',
      institutionId: '',
      password: 'long-enough-password',
    }),
  },
  'users#updateUserAction': {
    capability: 'user:manage',
    audited: true,
    fields: ['userId', 'role', 'institutionId'],
    input: async (ctx) => {
      const u = await ctx.prisma.user.create({ data: { email: `target${ctx.n}@matrix.example`, name: '目标', role: 'LEADER', passwordHash: 'x' } });
      return { userId: u.id, role: 'REGULATOR', institutionId: '', disabled: '' };
    },
  },
  'users#updateUserDetailsAction': {
    capability: 'user:manage',
    audited: true,
    fields: ['userId', 'version', 'name', 'email'],
    input: async (ctx) => {
      const u = await newUser(ctx, 'details');
      return { userId: u.id, version: u.version, name: `改名 ${ctx.n}`, email: `renamed${ctx.n}@matrix.example` };
    },
  },
  'users#resetPasswordAction': {
    capability: 'user:manage',
    audited: true,
    fields: ['userId'],
    schema: passwordResetSchema,
    success: { ok: true, message: 'SAVED', data: { temporaryPassword: expect.stringMatching(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/) } },
    input: async (ctx) => ({ userId: (await newUser(ctx, 'reset')).id }),
  },
  'account#changePasswordAction': {
    capability: 'signed-in',
    audited: true,
    fields: ['currentPassword', 'newPassword', 'confirmPassword'],
    input: async (ctx) => {
      await knownPassword(ctx);
      const fresh = `Quiet-Lantern-Harbour-${ctx.n}`;
      return { currentPassword: CURRENT_PASSWORD, newPassword: fresh, confirmPassword: fresh };
    },
  },
  'account#renameSelfAction': {
    capability: 'signed-in',
    audited: true,
    fields: ['version', 'name'],
    input: async (ctx) => {
      const current = ctx.actor ? await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } }) : null;
      return { version: current?.version ?? 1, name: `显示名称 ${ctx.n}` };
    },
  },
  'notifications#markNotificationReadAction': {
    capability: 'signed-in',
    audited: false,
    fields: ['notificationId'],
    schema: notificationReadSchema,
    input: async (ctx) => ({ notificationId: (await ownNotice(ctx)).id }),
  },
  'notifications#markAllNotificationsReadAction': {
    capability: 'signed-in',
    audited: false,
    fields: ['upTo'],
    schema: notificationsReadAllSchema,
    input: async (ctx) => ({ upTo: (await ownNotice(ctx)).id }),
  },
  'notifications#saveEmailPreferencesAction': {
    capability: 'signed-in',
    audited: true,
    fields: ['emailKinds'],
    schema: emailPreferencesSchema,
    input: async (ctx) => ({
      emailKinds: [...NOTIFICATION_KINDS.map((k) => `${k}:off`), ...NOTIFICATION_KINDS.filter((_, i) => (i + ctx.n) % 2 === 0).map((k) => `${k}:on`)],
    }),
  },
  'return-templates#createReturnTemplateAction': {
    capability: 'return:manage',
    audited: true,
    fields: ['programId', 'code', 'name', 'nameEn', 'sections'],
    input: async (ctx) => ({
      programId: (await ctx.prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' } })).id,
      code: `MATRIX_${ctx.n}`,
      name: `季度报告 ${ctx.n}`,
      nameEn: `Quarterly report ${ctx.n}`,
      sections: sectionsJson(ctx.n),
    }),
  },
  'return-templates#editReturnTemplateAction': {
    capability: 'return:manage',
    audited: true,
    fields: ['templateId', 'version', 'name', 'nameEn', 'sections'],
    input: async (ctx) => {
      const template = await newTemplate(ctx);
      return { templateId: template.id, version: template.version, name: template.name, nameEn: template.nameEn, sections: sectionsJson(ctx.n) };
    },
  },
  'return-templates#createReturnScheduleAction': {
    capability: 'return:manage',
    audited: true,
    fields: ['templateId', 'stageCodes', 'frequency', 'dueDays', 'startsOn', 'endsOn'],
    input: async (ctx) => ({
      templateId: (await newTemplate(ctx)).id,
      stageCodes: ['ONLINE', 'PROMOTION'],
      frequency: 'QUARTERLY',
      dueDays: '15',
      startsOn: '2026-01-01',
      endsOn: '',
    }),
  },
  'return-templates#editReturnScheduleAction': {
    capability: 'return:manage',
    audited: true,
    fields: ['scheduleId', 'version', 'stageCodes', 'frequency', 'dueDays', 'startsOn', 'endsOn'],
    input: async (ctx) => {
      const template = await newTemplate(ctx);
      const schedule = await ctx.prisma.returnSchedule.create({
        data: { templateId: template.id, stageCodes: ['ONLINE'], frequency: 'QUARTERLY', dueDays: 15, startsOn: new Date('2026-01-01') },
      });
      return {
        scheduleId: schedule.id,
        version: schedule.version,
        stageCodes: ['ONLINE', 'PROMOTION'],
        frequency: 'MONTHLY',
        dueDays: '10',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
      };
    },
  },
  'imports#previewImportAction': {
    capability: 'data:import',
    audited: false,
    fields: ['table', 'file', 'hash'],
    success: { ok: true, data: { status: 'READY', rows: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    input: async (ctx) => ({ table: 'institutions', file: institutionUpload(ctx.n).file }),
  },
  'imports#applyImportAction': {
    capability: 'data:import',
    audited: true,
    fields: ['table', 'file', 'hash'],
    success: WRITTEN_ONE,
    input: async (ctx) => ({ table: 'institutions', ...institutionUpload(ctx.n) }),
  },
  'imports#previewImportAction [metrics]': {
    capability: 'metric:import',
    audited: false,
    fields: ['table', 'file', 'hash'],
    success: { ok: true, data: { status: 'READY', rows: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    input: async (ctx) => ({ table: 'metrics', file: metricUpload(ctx.n).file }),
  },
  'imports#applyImportAction [metrics]': {
    capability: 'metric:import',
    audited: true,
    fields: ['table', 'file', 'hash'],
    success: WRITTEN_ONE,
    input: async (ctx) => ({ table: 'metrics', ...metricUpload(ctx.n) }),
  },
  'risk#reportIncidentAction': {
    capability: 'incident:report',
    audited: true,
    fields: ['projectId', 'category', 'severity', 'occurredAt', 'reportedAt', 'customersAffected', 'amountAffected', 'description', 'actionsTaken'],
    input: async (ctx) => ({
      projectId: await ownProject(ctx),
      category: 'DATA_SECURITY',
      severity: 'MAJOR',
      occurredAt: '2026-11-01T09:00',
      reportedAt: '2026-11-01T15:30',
      customersAffected: '12',
      amountAffected: '',
      description: `矩阵测试事件 ${ctx.n}`,
      actionsTaken: '',
    }),
    hostile: { actionsTaken: optionalText(2000) },
  },
  'risk#stepIncidentAction': {
    capability: 'incident:handle',
    audited: true,
    fields: ['incidentId', 'version', 'step', 'actionsTaken'],
    input: async (ctx) => ({ ...(await ownIncident(ctx, 'OPEN')), step: 'HANDLE', actionsTaken: '已启动应急预案' }),
  },
  'risk#decideIncidentAction': {
    capability: 'incident:decide',
    audited: true,
    fields: ['incidentId', 'version', 'step', 'note'],
    input: async (ctx) => ({ ...(await ownIncident(ctx, 'RESOLVED')), step: 'CLOSE', note: '同意销号' }),
  },
  'risk#createRuleAction': {
    capability: 'monitoring:manage',
    audited: true,
    fields: ['programId', 'name', 'kind', 'indicatorId', 'direction', 'limit', 'count', 'severity', 'projectCodes'],
    input: async (ctx) => ({
      programId: (await ctx.prisma.program.findUniqueOrThrow({ where: { code: 'BJ-FINTECH-PILOT' }, select: { id: true } })).id,
      name: `矩阵规则 ${ctx.n}`,
      kind: 'THRESHOLD',
      indicatorId: (await ctx.prisma.indicator.findUniqueOrThrow({ where: { code: 'USERS' }, select: { id: true } })).id,
      direction: 'ABOVE',
      limit: '1000000000',
      count: '',
      severity: 'MAJOR',
      projectCodes: 'BJFT-06',
    }),
  },
  'risk#handleWarningAction': {
    capability: 'monitoring:manage',
    audited: true,
    fields: ['warningId', 'version', 'step', 'note'],
    input: async (ctx) => ({ ...(await openWarning(ctx)), step: 'ACKNOWLEDGE', note: '已关注' }),
  },
};

/** GET route handlers under app/api (next-auth's own endpoints excepted), by path. */
export const ROUTES: Record<string, { capability: Capability | null; path: string; params?: Record<string, string> }> = {
  'api/health': { capability: null, path: '/api/health' },
  'api/assessments/ranking': { capability: 'assessment:read', path: '/api/assessments/ranking?program=BJ-FINTECH-PILOT&format=csv' },
  'api/audit': { capability: 'audit:read', path: '/api/audit?project=BJFT-02' },
  'api/filter-options/institutions': { capability: 'program:read', path: '/api/filter-options/institutions?programId=1&q=%E9%93%B6%E8%A1%8C' },
  'api/export/[table]': { capability: 'program:read', path: '/api/export/projects?format=csv', params: { table: 'projects' } },
  'api/export/[table] [metrics]': { capability: 'program:read', path: '/api/export/metrics?format=csv&indicator=USERS', params: { table: 'metrics' } },
  'api/export/[table] [audit]': { capability: 'audit:read', path: '/api/export/audit?format=csv&project=BJFT-02', params: { table: 'audit' } },
  'api/templates/[table]': { capability: 'program:read', path: '/api/templates/projects', params: { table: 'projects' } },
  'api/returns/export': { capability: 'program:read', path: '/api/returns/export?format=csv' },
  'api/templates/[table] [metrics]': { capability: 'program:read', path: '/api/templates/metrics', params: { table: 'metrics' } },
};

/** Every exported server action, as "file#export", found by reading app/actions. */
export async function discoverActions(): Promise<Map<string, (prev: unknown, input: unknown) => Promise<unknown>>> {
  const dir = path.resolve('app/actions');
  const found = new Map<string, (prev: unknown, input: unknown) => Promise<unknown>>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') found.set(`${file.replace(/\.ts$/, '')}#${name}`, value as (prev: unknown, input: unknown) => Promise<unknown>);
    }
  }
  return found;
}

/** Every route handler folder under app/api except next-auth's. */
export function discoverRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') out.push(path.relative('app', path.dirname(full)));
    }
  };
  walk(path.resolve('app/api'));
  return out.filter((r) => !r.startsWith('api/auth')).sort();
}
