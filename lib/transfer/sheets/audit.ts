/** The audit sheet: export only (the trail is written by the portal, never imported). */
import type { Prisma } from '../../generated/prisma/client';
import { formatMoment } from '../../rules/time';
import type { Column } from '../tabular/columns';

export const auditSheetSelect = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  projectId: true,
  before: true,
  after: true,
  actor: { select: { name: true, email: true, role: true } },
} satisfies Prisma.AuditEntrySelect;

export type AuditSheetRow = Prisma.AuditEntryGetPayload<{ select: typeof auditSheetSelect }> & { projectCode: string | null };

const json = (v: Prisma.JsonValue) => (v === null ? '' : JSON.stringify(v));

export const auditColumns: Column<AuditSheetRow>[] = [
  { key: 'id', zh: '记录编号', en: 'Entry', value: (e) => e.id },
  { key: 'createdAt', zh: '时间（北京时间）', en: 'Time (UTC+8)', value: (e) => formatMoment(e.createdAt, { seconds: true }) },
  { key: 'actorName', zh: '操作人', en: 'User', value: (e) => e.actor.name },
  { key: 'actorEmail', zh: '操作人邮箱', en: 'User email', value: (e) => e.actor.email },
  { key: 'actorRole', zh: '操作人角色', en: 'Role', value: (e) => e.actor.role },
  { key: 'action', zh: '操作', en: 'Action', value: (e) => e.action },
  { key: 'projectCode', zh: '项目编号', en: 'Project code', value: (e) => e.projectCode ?? '' },
  { key: 'entityType', zh: '对象类型', en: 'Entity type', value: (e) => e.entityType },
  { key: 'entityId', zh: '对象编号', en: 'Entity id', value: (e) => e.entityId },
  { key: 'before', zh: '修改前', en: 'Before', value: (e) => json(e.before) },
  { key: 'after', zh: '修改后', en: 'After', value: (e) => json(e.after) },
];
