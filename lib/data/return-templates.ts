import 'server-only';
/**
 * Return templates and their schedules: what a program's projects must report,
 * and when. A template's sections live in versions that are never updated: a
 * change of sections makes a new version, and returns already filed keep the
 * one they were filed on. Regulators and administrators write them, each write
 * under optimistic locking with its audit entry in the same transaction; anyone
 * who may open the program reads them (the board lists them).
 */
import { can, mayOpenProgram, type Actor } from '../rules/authz';
import { isDeepStrictEqual } from 'node:util';
import { db } from '../server/db';
import { AppError, ConflictError, InputError, isUniqueViolation } from '../server/errors';
import { returnSectionsSchema, type ReturnSection } from '../schemas/returns';
import type { ReturnScheduleCreateInput, ReturnScheduleEditInput, ReturnTemplateCreateInput, ReturnTemplateEditInput } from '../schemas/return-templates';
import { snapshot, writeAudit, type Tx } from './audit';

/** A version's sections as stored (written through the template schema, read back through it). */
export const sectionsOf = (stored: unknown): ReturnSection[] => returnSectionsSchema.parse(stored);

const sectionLabels = (sections: ReturnSection[], indicatorNames: Map<string, string>) =>
  sections.map((s) => (s.kind === 'INDICATOR' ? (indicatorNames.get(s.indicatorCode) ?? s.indicatorCode) : s.label));

/** The templates of a program with their latest version and schedules (what the board and the template list show). */
export async function listProgramTemplates(options: { actor: Actor; programId: number }) {
  const { actor, programId } = options;
  if (!mayOpenProgram(actor, programId)) return [];
  const templates = await db.returnTemplate.findMany({
    where: { programId, retiredAt: null },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, sections: true } },
      schedules: {
        where: { retiredAt: null },
        orderBy: { id: 'asc' },
        select: { id: true, frequency: true, dueDays: true, stageCodes: true, startsOn: true, endsOn: true },
      },
    },
  });
  return templates.map(({ versions, ...t }) => ({ ...t, latest: versions[0]?.number ?? 0, sectionCount: sectionsOf(versions[0]?.sections ?? []).length }));
}
export type ProgramTemplate = Awaited<ReturnType<typeof listProgramTemplates>>[number];

/** One template for its editing page: every version (newest first) and its schedules; NOT_FOUND outside the actor's programs. */
export async function getTemplate(options: { actor: Actor; templateId: number }) {
  const { actor, templateId } = options;
  if (!can(actor, 'return:manage')) throw new AppError('NOT_FOUND');
  const template = await db.returnTemplate.findUnique({
    where: { id: templateId },
    select: {
      id: true,
      programId: true,
      code: true,
      name: true,
      nameEn: true,
      version: true,
      program: { select: { code: true, name: true, nameEn: true } },
      versions: { orderBy: { number: 'desc' }, select: { number: true, sections: true, createdAt: true, createdBy: { select: { name: true } } } },
      schedules: { where: { retiredAt: null }, orderBy: { id: 'asc' } },
      _count: { select: { returns: true } },
    },
  });
  if (!template || !mayOpenProgram(actor, template.programId)) throw new AppError('NOT_FOUND');
  return { ...template, versions: template.versions.map((v) => ({ ...v, sections: sectionsOf(v.sections) })) };
}
export type TemplateDetail = Awaited<ReturnType<typeof getTemplate>>;

/** The catalogue's indicators a template may ask for (not retired), with their units, for the sections editor. */
export async function listReturnIndicators(options: { actor: Actor }) {
  if (!can(options.actor, 'return:manage')) return [];
  return db.indicator.findMany({
    where: { retiredAt: null },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { code: true, nameZh: true, nameEn: true, unit: true },
  });
}
export type ReturnIndicator = Awaited<ReturnType<typeof listReturnIndicators>>[number];

function requireManage(actor: Actor, programId: number) {
  // Outside the actor's programs a template is not there at all: NOT_FOUND, as for an unknown id.
  if (!can(actor, 'return:manage')) throw new AppError('FORBIDDEN');
  if (!mayOpenProgram(actor, programId)) throw new AppError('NOT_FOUND');
}

/** The sections' indicators must be in the catalogue and not retired; their names, for the history. */
async function checkIndicators(tx: Tx, sections: ReturnSection[]): Promise<Map<string, string>> {
  const codes = sections.flatMap((s) => (s.kind === 'INDICATOR' ? [s.indicatorCode] : []));
  const found = await tx.indicator.findMany({ where: { code: { in: codes }, retiredAt: null }, select: { code: true, nameZh: true } });
  if (found.length !== new Set(codes).size) throw new InputError({ sections: ['unknownIndicator'] });
  return new Map(found.map((i) => [i.code, i.nameZh]));
}

/** The names of the sections' indicators, retired ones too (an earlier version's, for the history). */
async function indicatorNames(tx: Tx, sections: ReturnSection[]): Promise<Map<string, string>> {
  const codes = sections.flatMap((s) => (s.kind === 'INDICATOR' ? [s.indicatorCode] : []));
  const found = await tx.indicator.findMany({ where: { code: { in: codes } }, select: { code: true, nameZh: true } });
  return new Map(found.map((i) => [i.code, i.nameZh]));
}

/** Creates a template with its first version. */
export async function createTemplate(options: { actor: Actor; input: ReturnTemplateCreateInput }) {
  const { actor, input } = options;
  requireManage(actor, input.programId);
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.program.count({ where: { id: input.programId } }))) throw new AppError('NOT_FOUND');
      const names = await checkIndicators(tx, input.sections);
      const template = await tx.returnTemplate.create({
        data: {
          programId: input.programId,
          code: input.code,
          name: input.name,
          nameEn: input.nameEn,
          versions: { create: { number: 1, sections: input.sections, createdById: actor.userId } },
        },
      });
      await writeAudit(tx, {
        actor,
        action: 'RETURN_TEMPLATE_SAVE',
        entityType: 'ReturnTemplate',
        entityId: template.id,
        after: snapshot({ name: input.name, templateVersion: 1, sections: sectionLabels(input.sections, names) }),
      });
      return { id: template.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ code: ['codeTaken'] });
    throw err;
  }
}

/** Renames a template or changes its sections (a new version); returns filed earlier keep their version. */
export async function editTemplate(options: { actor: Actor; input: ReturnTemplateEditInput }) {
  const { actor, input } = options;
  return db.$transaction(async (tx) => {
    const stored = await tx.returnTemplate.findUnique({
      where: { id: input.templateId },
      select: { id: true, programId: true, name: true, nameEn: true, version: true, versions: { orderBy: { number: 'desc' }, take: 1 } },
    });
    if (!stored) throw new AppError('NOT_FOUND');
    requireManage(actor, stored.programId);
    const latest = stored.versions[0];
    const current = () => snapshot({ name: stored.name, nameEn: stored.nameEn, sections: JSON.stringify(latest?.sections ?? []), version: stored.version });
    if (stored.version !== input.version) throw new ConflictError(current());
    const names = await checkIndicators(tx, input.sections);
    const previous = sectionsOf(latest?.sections ?? []);
    const sectionsChanged = !isDeepStrictEqual(previous, input.sections);
    const renamed = stored.name !== input.name || stored.nameEn !== input.nameEn;
    if (!sectionsChanged && !renamed) return { version: stored.version };
    const { count } = await tx.returnTemplate.updateMany({
      where: { id: stored.id, version: input.version },
      data: { name: input.name, nameEn: input.nameEn, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError(current());
    const number = (latest?.number ?? 0) + (sectionsChanged ? 1 : 0);
    if (sectionsChanged)
      await tx.returnTemplateVersion.create({ data: { templateId: stored.id, number, sections: input.sections, createdById: actor.userId } });
    const previousNames = await indicatorNames(tx, previous);
    await writeAudit(tx, {
      actor,
      action: 'RETURN_TEMPLATE_SAVE',
      entityType: 'ReturnTemplate',
      entityId: stored.id,
      before: snapshot({ name: stored.name, templateVersion: latest?.number ?? 0, sections: sectionLabels(previous, previousNames) }),
      after: snapshot({ name: input.name, templateVersion: number, sections: sectionLabels(input.sections, names) }),
    });
    return { version: stored.version + 1 };
  });
}

/** The stage codes must be stages of the program's lifecycle. */
async function checkStages(tx: Tx, programId: number, codes: string[]) {
  const found = await tx.lifecycleStage.count({ where: { code: { in: codes }, lifecycle: { programs: { some: { id: programId } } } } });
  if (found !== codes.length) throw new InputError({ stageCodes: ['invalid'] });
}

const scheduleSnapshot = (s: { frequency: string; dueDays: number; stageCodes: string[]; startsOn: Date; endsOn: Date | null }) =>
  snapshot({ frequency: s.frequency, dueDays: s.dueDays, stageCodes: s.stageCodes, startsOn: s.startsOn, endsOn: s.endsOn });

/** Applies a template to the program's projects in the chosen stages, with a period and a due rule. */
export async function createSchedule(options: { actor: Actor; input: ReturnScheduleCreateInput }) {
  const { actor, input } = options;
  return db.$transaction(async (tx) => {
    const template = await tx.returnTemplate.findUnique({ where: { id: input.templateId }, select: { id: true, programId: true, retiredAt: true } });
    if (!template) throw new AppError('NOT_FOUND');
    requireManage(actor, template.programId);
    await checkStages(tx, template.programId, input.stageCodes);
    const { templateId, ...fields } = input;
    const schedule = await tx.returnSchedule.create({ data: { templateId, ...fields } });
    await writeAudit(tx, { actor, action: 'RETURN_SCHEDULE_SAVE', entityType: 'ReturnSchedule', entityId: schedule.id, after: scheduleSnapshot(fields) });
    return { id: schedule.id };
  });
}

/** Changes a schedule (its stages, period, due rule or dates); what was filed stays as filed. */
export async function editSchedule(options: { actor: Actor; input: ReturnScheduleEditInput }) {
  const { actor, input } = options;
  return db.$transaction(async (tx) => {
    const stored = await tx.returnSchedule.findUnique({ where: { id: input.scheduleId }, include: { template: { select: { programId: true } } } });
    if (!stored || stored.retiredAt) throw new AppError('NOT_FOUND');
    requireManage(actor, stored.template.programId);
    const current = () => ({ ...scheduleSnapshot(stored), version: stored.version });
    if (stored.version !== input.version) throw new ConflictError(current());
    await checkStages(tx, stored.template.programId, input.stageCodes);
    const { scheduleId, version, ...fields } = input;
    const before = scheduleSnapshot(stored);
    const after = scheduleSnapshot(fields);
    if (isDeepStrictEqual(before, after)) return { version: stored.version };
    const { count } = await tx.returnSchedule.updateMany({ where: { id: scheduleId, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError(current());
    await writeAudit(tx, { actor, action: 'RETURN_SCHEDULE_SAVE', entityType: 'ReturnSchedule', entityId: scheduleId, before, after });
    return { version: stored.version + 1 };
  });
}
