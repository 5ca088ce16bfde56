/**
 * The audit sheet: export only (the trail is written by the portal, never
 * imported). Each change in words beside the raw snapshots and ids, which stay
 * in the file for auditors.
 */
import type { Prisma } from '../../generated/prisma/client';
import { describeAuditEntry, describeEntity, lineText, type AuditLookups } from '../../rules/audit-display';
import { formatMoment } from '../../rules/time';
import { labelOf } from '../labels';
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

/** A row of the sheet: the entry, its project's code, and the names its snapshots refer to. */
export type AuditSheetRow = Prisma.AuditEntryGetPayload<{ select: typeof auditSheetSelect }> & { projectCode: string | null; names: AuditLookups };

const json = (v: Prisma.JsonValue) => (v === null ? '' : JSON.stringify(v));

export const auditColumns: Column<AuditSheetRow>[] = [
  { key: 'id', zh: '记录编号', en: 'Entry', value: (e) => e.id },
  { key: 'createdAt', zh: '时间（北京时间）', en: 'Time (Beijing, UTC+8)', value: (e) => formatMoment(e.createdAt, { seconds: true }) },
  { key: 'actorName', zh: '操作人', en: 'User', value: (e, c) => e.actor?.name ?? (c.locale === 'zh' ? '公众' : 'Public') },
  { key: 'actorEmail', zh: '操作人邮箱', en: 'User email', value: (e) => e.actor?.email ?? '' },
  { key: 'actorRole', zh: '操作人角色', en: 'Role', value: (e, c) => (e.actor ? labelOf('userRole', e.actor.role, c.locale) : '') },
  { key: 'actorRoleCode', zh: '操作人角色代码', en: 'Role code', value: (e) => e.actor?.role ?? '', machine: true },
  { key: 'action', zh: '操作', en: 'Action', value: (e, c) => labelOf('auditAction', e.action, c.locale) },
  { key: 'actionCode', zh: '操作代码', en: 'Action code', value: (e) => e.action, machine: true },
  { key: 'projectCode', zh: '项目编号', en: 'Project code', value: (e) => e.projectCode ?? '' },
  { key: 'entity', zh: '对象', en: 'Record', value: (e, c) => describeEntity(e, { ...c, lookups: e.names }) },
  { key: 'entityType', zh: '对象类型代码', en: 'Entity type', value: (e) => e.entityType },
  { key: 'entityId', zh: '对象编号', en: 'Entity id', value: (e) => e.entityId },
  {
    key: 'changes',
    zh: '修改内容',
    en: 'Change',
    value: (e, c) =>
      describeAuditEntry(e, { ...c, lookups: e.names })
        .map(lineText)
        .join('\n'),
  },
  { key: 'before', zh: '修改前（原始记录）', en: 'Before (raw)', value: (e) => json(e.before) },
  { key: 'after', zh: '修改后（原始记录）', en: 'After (raw)', value: (e) => json(e.after) },
];
