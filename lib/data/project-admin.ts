import 'server-only';
/**
 * Administrators correct a project's facts (name, summary, scenarios,
 * direction, field and their inference labels, technologies, institutions and
 * their roles; never the stage, which moves only through stage proposals) and
 * retire or restore it. A corrected field is marked as edited in the portal
 * (lib/rules/provenance.ts) and its old value stays in the audit entry.
 */
import { can, projectManageScope, type Actor } from '../rules/authz';
import { labelAfter, markEdited, PROJECT_FIELDS, type ProjectField } from '../rules/provenance';
import { db } from '../server/db';
import { AppError, InputError } from '../server/errors';
import type { Tx } from './audit';
import { conflictState, lockedEdit, retireOrRestore } from './locked-writes';
import { problemList } from './project-edits';
import { projectFacts, readableFacts, writeMemberships, type ProjectFacts } from './project-facts';
import { acceptedFields } from '../schemas/fields';
import { projectEditSchema, type ProjectEditInput } from '../schemas/corrections';
import type { ProjectRetireInput } from '../schemas/retire';

/** The project as an administrator may correct it, or NOT_FOUND for anyone else and for an unknown id. */
async function findManagedProject(tx: Tx, actor: Actor, projectId: number) {
  const project = await tx.project.findFirst({ where: { AND: [{ id: projectId }, projectManageScope(actor)] }, select: { id: true } });
  if (!project) throw new AppError('NOT_FOUND');
  return projectFacts(tx, project.id);
}

const projectNow = (tx: Tx, id: number) => async () => {
  const p = await projectFacts(tx, id);
  return conflictState(p, { name: p.name, summary: p.summary, scenarios: p.scenarios });
};

/**
 * What the input may not say, given the project and the database: a direction
 * or field of another program, a field outside the direction, an unknown or
 * retired technology or institution that the project does not have yet.
 */
async function factProblems(tx: Tx, project: ProjectFacts, input: Partial<ProjectEditInput>) {
  const { errors, add } = problemList();
  const [direction, field] = await Promise.all([
    input.directionId ? tx.direction.findFirst({ where: { id: input.directionId, programId: project.programId }, select: { id: true } }) : null,
    input.fieldId ? tx.field.findFirst({ where: { id: input.fieldId, direction: { programId: project.programId } }, select: { directionId: true } }) : null,
  ]);
  if (input.directionId && !direction) add('directionId', 'unknownDirection');
  if (input.fieldId && !field) add('fieldId', 'unknownField');
  if (field && input.directionId && direction && field.directionId !== input.directionId) add('fieldId', 'fieldNotInDirection');
  const has = { technologies: new Set(project.technologyIds), institutions: new Set(project.members.map((m) => m.institutionId)) };
  if (input.technologyIds?.length) {
    const found = await tx.technology.findMany({ where: { id: { in: input.technologyIds } }, select: { id: true, retiredAt: true } });
    if (found.length !== input.technologyIds.length) add('technologyIds', 'unknownTechnology');
    else if (found.some((t) => t.retiredAt && !has.technologies.has(t.id))) add('technologyIds', 'retiredTechnology');
  }
  const members: ['leadId' | 'participantIds', number[]][] = [
    ['leadId', input.leadId ? [input.leadId] : []],
    ['participantIds', input.participantIds ?? []],
  ];
  if (input.leadId && input.participantIds?.includes(input.leadId)) add('participantIds', 'leadAlsoParticipant');
  for (const [key, ids] of members) {
    if (!ids.length) continue;
    const found = await tx.institution.findMany({ where: { id: { in: ids } }, select: { id: true, retiredAt: true } });
    if (found.length !== ids.length) add(key, 'unknownInstitution');
    else if (found.some((i) => i.retiredAt && !has.institutions.has(i.id))) add(key, 'retiredInstitution');
  }
  return { errors, directionId: input.fieldId && field ? (input.directionId ?? field.directionId) : (input.directionId ?? null) };
}

/** What editProject would refuse among the fields the schema accepted (for a refused form). */
export async function projectEditProblems(options: { actor: Actor; raw: Record<string, unknown> }) {
  const input = acceptedFields(projectEditSchema, options.raw);
  const { projectId } = input;
  if (projectId === undefined || !can(options.actor, 'project:manage')) return {};
  return db.$transaction(async (tx) => {
    const project = await findManagedProject(tx, options.actor, projectId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    return project ? (await factProblems(tx, project, input)).errors : {};
  });
}

/** Corrects a project's facts; the stage stays as it is. */
export async function editProject(options: { actor: Actor; input: ProjectEditInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findManagedProject(tx, actor, input.projectId);
    const { errors, directionId } = await factProblems(tx, project, input);
    if (Object.keys(errors).length) throw new InputError(errors);
    const labels = {
      direction: labelAfter(directionId !== project.directionId, project.directionLabel, { inferred: input.directionInferred, note: input.directionNote }),
      field: labelAfter(input.fieldId !== project.fieldId, project.fieldLabel, { inferred: input.fieldInferred, note: input.fieldNote }),
    };
    const members = [
      { institutionId: input.leadId, role: 'LEAD' as const },
      ...input.participantIds.map((institutionId) => ({ institutionId, role: 'PARTICIPANT' as const })),
    ];
    const [before, after] = await readableFacts(tx, project, {
      name: input.name,
      summary: input.summary,
      scenarios: input.scenarios,
      directionId,
      directionLabel: labels.direction,
      fieldId: input.fieldId,
      fieldLabel: labels.field,
      technologyIds: input.technologyIds,
      members,
    });
    const changed = Object.keys(after) as ProjectField[];
    const result = await lockedEdit(tx, {
      actor,
      action: 'PROJECT_EDIT',
      entityType: 'Project',
      entityId: project.id,
      projectId: project.id,
      stored: project,
      expected: input.version,
      reread: projectNow(tx, project.id),
      before,
      after,
      update: () =>
        tx.project.updateMany({
          where: { id: project.id, version: input.version },
          data: {
            name: input.name,
            summary: input.summary,
            scenarios: input.scenarios,
            directionId,
            directionInferred: labels.direction.inferred,
            directionNote: labels.direction.note,
            fieldId: input.fieldId,
            fieldInferred: labels.field.inferred,
            fieldNote: labels.field.note,
            editedFields: markEdited(PROJECT_FIELDS, project.editedFields, changed),
            version: { increment: 1 },
          },
        }),
    });
    if (changed.includes('technologies')) {
      await tx.projectTechnology.deleteMany({ where: { projectId: project.id, technologyId: { notIn: input.technologyIds } } });
      const added = input.technologyIds.filter((id) => !project.technologyIds.includes(id));
      await tx.projectTechnology.createMany({ data: added.map((technologyId) => ({ projectId: project.id, technologyId })) });
    }
    if (changed.includes('institutions')) await writeMemberships(tx, project, members);
    return result;
  });
}

/** Retires or restores a project: retired, it leaves every count, list, chart and export at once (lib/rules/project-filter.ts). */
export async function setProjectRetired(options: { actor: Actor; input: ProjectRetireInput }) {
  const { actor, input } = options;
  if (!can(actor, 'project:manage')) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const project = await findManagedProject(tx, actor, input.projectId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'Project',
      entityId: project.id,
      projectId: project.id,
      stored: project,
      expected: input.version,
      retire: input.retired,
      label: { code: project.code, name: project.name },
      reread: projectNow(tx, project.id),
      update: (data) => tx.project.updateMany({ where: { id: project.id, version: input.version }, data }),
    });
  });
}

/** What the admin's edit form needs: the version, and the program's directions and fields, technologies and institutions to choose from. */
export async function getProjectEditor(options: { actor: Actor; projectId: number }) {
  if (!can(options.actor, 'project:manage')) return null;
  const project = await db.project.findFirst({
    where: { AND: [{ id: options.projectId }, projectManageScope(options.actor)] },
    select: {
      version: true,
      programId: true,
      technologies: { select: { technologyId: true } },
      institutions: { select: { institutionId: true } },
    },
  });
  if (!project) return null;
  const linked = { technologies: project.technologies.map((t) => t.technologyId), institutions: project.institutions.map((i) => i.institutionId) };
  // Retired entries are offered only where the project has them already (it may keep them).
  const [directions, technologies, institutions] = await Promise.all([
    db.direction.findMany({
      where: { programId: project.programId },
      orderBy: { sortOrder: 'asc' },
      select: {
        id: true,
        code: true,
        name: true,
        nameEn: true,
        fields: { orderBy: { sortOrder: 'asc' }, select: { id: true, code: true, name: true, nameEn: true } },
      },
    }),
    db.technology.findMany({
      where: { OR: [{ retiredAt: null }, { id: { in: linked.technologies } }] },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, nameEn: true, retiredAt: true },
    }),
    db.institution.findMany({
      where: { OR: [{ retiredAt: null }, { id: { in: linked.institutions } }] },
      orderBy: [{ isPlaceholder: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, retiredAt: true },
    }),
  ]);
  return { version: project.version, directions, technologies, institutions };
}

export type ProjectEditor = NonNullable<Awaited<ReturnType<typeof getProjectEditor>>>;
