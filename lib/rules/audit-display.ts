/**
 * An audit entry as people read it: one line per field, "label: before → after",
 * with labels in the reader's language and values as the pages show them
 * (indicator names, stage and role labels, dates as dates, figures with their
 * unit and qualifier, people and institutions by name). Internal ids and
 * versions are left out; the audit export keeps them beside these lines.
 * Pure: the translator and the names the entry refers to are passed in.
 */
import type { AuditAction, IndicatorKind } from '../generated/prisma/enums';
import type { Locale } from '../i18n/config';
import type { Translate } from '../i18n/translator';
import { formatDay, formatMoment } from './time';

export type { Translate };

type Named = { name: string; nameEn: string };

/** The names an entry's ids and codes stand for, looked up by the data layer. */
export type AuditLookups = {
  indicators: ReadonlyMap<string, { nameZh: string; nameEn: string; unit: string; kind: IndicatorKind }>;
  users: ReadonlyMap<number, string>;
  institutions: ReadonlyMap<number, string>;
  /** By code, and by id as `#<id>`. */
  fields: ReadonlyMap<string, Named>;
  directions: ReadonlyMap<string, Named>;
  /** Stages are each lifecycle's own: by `<projectId>:<code>` for an entry's project, and by code alone. */
  stages: ReadonlyMap<string, Named>;
};

export const emptyLookups = (): AuditLookups => ({
  indicators: new Map(),
  users: new Map(),
  institutions: new Map(),
  fields: new Map(),
  directions: new Map(),
  stages: new Map(),
});

export type AuditDisplayContext = { t: Translate; locale: Locale; lookups: AuditLookups };

/** One changed (or identifying) field: both sides as text; null where that side does not have the field. */
export type ChangeLine = { key: string; label: string; before: string | null; after: string | null };

type Snapshot = Record<string, unknown>;
type Kind =
  | 'text'
  | 'stages'
  | 'frequency'
  | 'returnStatus'
  | 'notificationKinds'
  | 'assessmentRound'
  | 'assessmentStatus'
  | 'moment'
  | 'list'
  | 'day'
  | 'stage'
  | 'status'
  | 'userRole'
  | 'institutionKind'
  | 'boolean'
  | 'indicator'
  | 'value'
  | 'institution'
  | 'field'
  | 'direction'
  | 'source'
  | 'coded'
  | 'deadlines';

/**
 * Every field an audit snapshot holds, in the order lines are shown. `identifies`:
 * shown even when unchanged, since it says which record changed (an indicator
 * and its date, a milestone's title). Fields not listed here and ids are hidden.
 */
const FIELDS: Record<string, { kind: Kind; identifies?: true; ns?: string }> = {
  code: { kind: 'text', identifies: true },
  name: { kind: 'text', identifies: true },
  email: { kind: 'text', identifies: true },
  title: { kind: 'text', identifies: true },
  period: { kind: 'text', identifies: true },
  indicator: { kind: 'indicator', identifies: true },
  asOf: { kind: 'day', identifies: true },
  status: { kind: 'status' },
  fromStage: { kind: 'stage', identifies: true },
  toStage: { kind: 'stage', identifies: true },
  stage: { kind: 'stage' },
  effectiveDate: { kind: 'day' },
  note: { kind: 'text' },
  evidenceNote: { kind: 'text' },
  direction: { kind: 'direction' },
  directionId: { kind: 'direction' },
  field: { kind: 'field' },
  fieldId: { kind: 'field' },
  summary: { kind: 'text' },
  scenarios: { kind: 'list' },
  value: { kind: 'value' },
  source: { kind: 'source' },
  sourceNote: { kind: 'text' },
  correctionNote: { kind: 'text' },
  dueDate: { kind: 'day' },
  completedAt: { kind: 'day' },
  role: { kind: 'userRole' },
  institutionId: { kind: 'institution' },
  kind: { kind: 'institutionKind' },
  licensed: { kind: 'boolean' },
  disabled: { kind: 'boolean' },
  mustChangePassword: { kind: 'boolean' },
  body: { kind: 'text' },
  file: { kind: 'text' },
  nameZh: { kind: 'text' },
  nameEn: { kind: 'text' },
  shortName: { kind: 'text' },
  kindInferred: { kind: 'boolean' },
  unit: { kind: 'text' },
  technologies: { kind: 'list' },
  institutions: { kind: 'list' },
  retiredAt: { kind: 'moment' },
  templateVersion: { kind: 'text' },
  frequency: { kind: 'frequency' },
  dueDays: { kind: 'text' },
  stageCodes: { kind: 'stages' },
  startsOn: { kind: 'day' },
  endsOn: { kind: 'day' },
  returnStatus: { kind: 'returnStatus' },
  submission: { kind: 'text' },
  reviewNote: { kind: 'text' },
  sections: { kind: 'list' },
  emailKinds: { kind: 'notificationKinds' },
  incidentStatus: { kind: 'coded', ns: 'risk.incidentStatus' },
  warningStatus: { kind: 'coded', ns: 'risk.warningStatus' },
  category: { kind: 'coded', ns: 'risk.category' },
  severity: { kind: 'coded', ns: 'risk.severity' },
  incidentSeverity: { kind: 'coded', ns: 'risk.severity' },
  ruleKind: { kind: 'coded', ns: 'risk.ruleKind' },
  ruleDirection: { kind: 'coded', ns: 'risk.direction' },
  occurredAt: { kind: 'moment' },
  reportedAt: { kind: 'moment' },
  customersAffected: { kind: 'text' },
  amountAffected: { kind: 'text' },
  description: { kind: 'text' },
  actionsTaken: { kind: 'text' },
  limit: { kind: 'text' },
  count: { kind: 'text' },
  projectCodes: { kind: 'text' },
  round: { kind: 'assessmentRound', identifies: true },
  assessmentStatus: { kind: 'assessmentStatus' },
  scores: { kind: 'text' },
  total: { kind: 'text' },
  scaleMax: { kind: 'text' },
  weights: { kind: 'text' },
  reviewer: { kind: 'text', identifies: true },
  feedbackCategory: { kind: 'coded', ns: 'feedback.category' },
  feedbackStatus: { kind: 'coded', ns: 'feedback.status' },
  answer: { kind: 'text' },
  feedbackSummary: { kind: 'text' },
  active: { kind: 'boolean' },
  deadlines: { kind: 'deadlines' },
  exportTable: { kind: 'coded', ns: 'transfer.tables' },
  format: { kind: 'text' },
  rowCount: { kind: 'text' },
  filters: { kind: 'text' },
};

/** The fields that have a label (`auditField.<key>` in both message files). */
export const AUDIT_FIELDS = Object.keys(FIELDS);

/** Where one entity's field has a name of its own: a user's `name` is 姓名, not 名称. */
const ENTITY_LABELS: Record<string, Record<string, string>> = { User: { name: 'userName' } };
/** Entities whose fields are named by a message namespace of their own: a public statement's sections. */
const ENTITY_NAMESPACES: Record<string, string> = { Statement: 'dossier.section' };

/** Internal: never a line of their own. */
const HIDDEN = new Set(['version', 'id', 'updatedAt', 'createdAt']);
/** Folded into the value line ("约1,325户") where the entry has a value; a line of their own otherwise (an indicator's unit). */
const FOLDED = new Set(['unit', 'qualifier']);

const asSnapshot = (v: unknown): Snapshot | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Snapshot) : null);

const exact = new Map<Locale, Intl.NumberFormat>();
/** Every digit of a figure: a history must show a change from 325,512 to 325,513. */
function exactNumber(value: number, locale: Locale) {
  let format = exact.get(locale);
  if (!format) exact.set(locale, (format = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 })));
  return format.format(value);
}

function label(ctx: AuditDisplayContext, namespace: string, code: unknown): string {
  const k = `${namespace}.${String(code)}`;
  return ctx.t.has(k) ? ctx.t(k) : String(code);
}

function named(map: ReadonlyMap<string, Named>, key: string, locale: Locale): string | null {
  const found = map.get(key);
  return found ? (locale === 'zh' ? found.name : found.nameEn) : null;
}

/** A figure with its unit and qualifier, as the pages write it: 约1,325户, 超过2,000台, 71.7%. */
function figure(value: number, side: Snapshot, ctx: AuditDisplayContext): string {
  const indicator = typeof side.indicator === 'string' ? ctx.lookups.indicators.get(side.indicator) : undefined;
  const unit = typeof side.unit === 'string' ? side.unit : (indicator?.unit ?? '');
  const qualifier = typeof side.qualifier === 'string' && ctx.t.has(`metric.${side.qualifier}`) ? side.qualifier : 'EXACT';
  // A rate reads 71.5% in both languages; other units are translated as the pages translate them.
  if (unit === '%') return ctx.t(`metric.${qualifier}`, { value: `${exactNumber(value, ctx.locale)}%`, unit: '' }).trim();
  const unitText = ctx.t.has(`unit.${unit}`) ? ctx.t(`unit.${unit}`) : unit;
  return ctx.t(`metric.${qualifier}`, { value: exactNumber(value, ctx.locale), unit: unitText }).trim();
}

function formatValue(kind: Kind, v: unknown, side: Snapshot, ctx: AuditDisplayContext, projectId?: number | null, ns = ''): string {
  const { t, locale, lookups } = ctx;
  if (v === null || v === undefined) return t('history.none');
  switch (kind) {
    case 'list':
      return Array.isArray(v) && v.length ? v.map(String).join(locale === 'zh' ? '、' : ', ') : t('history.blank');
    case 'day':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDay(new Date(`${v.slice(0, 10)}T00:00:00Z`)) : String(v);
    case 'stage':
      return named(lookups.stages, `${projectId ?? ''}:${String(v)}`, locale) ?? named(lookups.stages, String(v), locale) ?? String(v);
    case 'stages':
      return Array.isArray(v) && v.length
        ? v.map((code) => formatValue('stage', code, side, ctx, projectId)).join(locale === 'zh' ? '、' : ', ')
        : t('history.blank');
    case 'status':
      return label(ctx, 'proposalStatus', v);
    case 'frequency':
      return label(ctx, 'returnFrequency', v);
    case 'returnStatus':
      return label(ctx, 'returnStatus', v);
    case 'notificationKinds':
      return Array.isArray(v) && v.length ? v.map((kind) => label(ctx, 'notificationKind', kind)).join(locale === 'zh' ? '、' : ', ') : t('history.blank');
    case 'assessmentRound':
      return label(ctx, 'assessmentRound', v);
    case 'assessmentStatus':
      return label(ctx, 'assessmentStatus', v);
    case 'userRole':
      return label(ctx, 'userRole', v);
    case 'institutionKind':
      return label(ctx, 'institutionKind', v);
    case 'boolean':
      return t(v === true ? 'history.yes' : v === false ? 'history.no' : 'history.none');
    case 'source':
      return label(ctx, 'sourceKey', v);
    case 'indicator': {
      const indicator = lookups.indicators.get(String(v));
      return indicator ? (locale === 'zh' ? indicator.nameZh : indicator.nameEn) : String(v);
    }
    case 'value':
      return typeof v === 'number' ? figure(v, side, ctx) : String(v);
    case 'institution':
      return (typeof v === 'number' && lookups.institutions.get(v)) || t('history.unknown');
    case 'field':
    case 'direction': {
      const map = kind === 'field' ? lookups.fields : lookups.directions;
      return named(map, typeof v === 'number' ? `#${v}` : String(v), locale) ?? (typeof v === 'number' ? t('history.unknown') : String(v));
    }
    case 'moment':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? formatMoment(new Date(v)) : String(v);
    case 'coded':
      return label(ctx, ns, v);
    case 'deadlines': {
      // A program's report deadlines, hours per severity: 一般 24 小时、较大 12 小时…
      const hours = asSnapshot(v);
      if (!hours) return String(v);
      return Object.entries(hours)
        .map(([severity, h]) => t('risk.deadlineHours', { severity: label(ctx, 'risk.severity', severity), hours: String(h) }))
        .join(locale === 'zh' ? '、' : ', ');
    }
    case 'text':
      return String(v) === '' ? t('history.blank') : String(v);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A field's label: the entity's own name for it, else the audit field's, else the key itself. */
function fieldLabel(key: string, entityType: string | undefined, t: Translate): string {
  const own = ENTITY_LABELS[entityType ?? '']?.[key];
  const namespace = ENTITY_NAMESPACES[entityType ?? ''];
  const candidates = [namespace ? `${namespace}.${key}` : null, own ? `auditField.${own}` : null, `auditField.${key}`];
  const found = candidates.find((k): k is string => k !== null && t.has(k));
  return found ? t(found) : key;
}

/**
 * The lines of one entry: every field that changed as before → after, a field
 * only one side has as its value (unless it is empty), unchanged fields only
 * where they identify the record. Unknown fields show under their own name; ids and versions never show.
 */
export function describeAuditEntry(
  entry: { action: AuditAction; entityType?: string; projectId?: number | null; before: unknown; after: unknown },
  ctx: AuditDisplayContext,
): ChangeLine[] {
  const before = asSnapshot(entry.before);
  const after = asSnapshot(entry.after);
  const present = new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})]);
  const folded = (k: string) => FOLDED.has(k) && present.has('value');
  const known = Object.keys(FIELDS).filter((k) => present.has(k) && !folded(k));
  const unknown = [...present].filter((k) => !(k in FIELDS) && !HIDDEN.has(k) && !folded(k) && !/Id$/.test(k));
  const lines: ChangeLine[] = [];
  for (const key of [...known, ...unknown]) {
    const kind = FIELDS[key]?.kind ?? 'text';
    const has = (s: Snapshot | null): s is Snapshot => s !== null && key in s;
    // A figure also changes when only its qualifier or unit does.
    const changed = !has(before) || !has(after) || !same(before[key], after[key]) || (kind === 'value' && !same(before.qualifier, after.qualifier));
    if (!changed && !FIELDS[key]?.identifies) continue;
    // A field only one side has, left empty (a new value's blank correction note), says nothing.
    const side = has(after) ? after : before;
    if ((!has(before) || !has(after)) && isBlank(side?.[key])) continue;
    const text = (s: Snapshot | null) => (has(s) ? formatValue(kind, s[key], s, ctx, entry.projectId, FIELDS[key]?.ns) : null);
    const label = fieldLabel(key, entry.entityType, ctx.t);
    lines.push(changed ? { key, label, before: text(before), after: text(after) } : { key, label, before: null, after: text(after) });
  }
  return lines;
}

/** A line as one string: "领域: 智慧银行 → 民生服务", or "指标: 网站数" for a field one side has. */
export function lineText(line: ChangeLine): string {
  if (line.before !== null && line.after !== null) return `${line.label}: ${line.before} → ${line.after}`;
  return `${line.label}: ${line.after ?? line.before}`;
}

/**
 * What an entry is about, in words: the kind of record, and for a user or an
 * institution its name (a project is named by its code beside this).
 */
export function describeEntity(entry: { entityType: string; entityId: number; before: unknown; after: unknown }, ctx: AuditDisplayContext): string {
  const kind = ctx.t.has(`auditEntity.${entry.entityType}`) ? ctx.t(`auditEntity.${entry.entityType}`) : entry.entityType;
  const side = asSnapshot(entry.after) ?? asSnapshot(entry.before);
  const name =
    entry.entityType === 'User'
      ? (ctx.lookups.users.get(entry.entityId) ?? (typeof side?.name === 'string' ? side.name : null))
      : entry.entityType === 'Institution'
        ? (ctx.lookups.institutions.get(entry.entityId) ?? (typeof side?.name === 'string' ? side.name : null))
        : null;
  return name ? `${kind} ${name}` : kind;
}
