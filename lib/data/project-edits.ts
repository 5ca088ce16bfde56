import 'server-only';
import { can, projectEditScope, type Actor, type Capability } from '../rules/authz';
import { snapshot, writeAudit, type Tx } from './audit';
import { db } from '../server/db';
import { AppError, ConflictError } from '../server/errors';
import { changedFields, markEdited, PROJECT_FIELDS } from '../rules/provenance';
import type { ProjectDetailsInput } from '../schemas/project';
import { formatMoment } from '../rules/time';

/**
 * The project as the actor may change it, or NOT_FOUND: an unknown id and a
 * project the actor may not edit look the same, so nothing leaks its existence.
 */
export async function findEditableProject(tx: Tx, actor: Actor, projectId: number) {
  const project = await tx.project.findFirst({
    where: { AND: [{ id: projectId }, projectEditScope(actor)] },
    select: {
      id: true,
      code: true,
      version: true,
      programId: true,
      stageId: true,
      reachedOrder: true,
      stage: { select: { code: true } },
      summary: true,
      scenarios: true,
      approvedAt: true,
      editedFields: true,
      updatedAt: true,
    },
  });
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

export type EditableProject = Awaited<ReturnType<typeof findEditableProject>>;

export type FieldErrors = Record<string, string[]>;

/**
 * For a form the schema refused: runs the data layer's own checks (reads only)
 * on a project the actor may edit, so the answer lists every problem at once.
 * Another project finds nothing: the form's messages stand as they are, and
 * nothing says whether the project exists.
 */
export async function checkEditableProject(
  actor: Actor,
  capability: Capability,
  projectId: number | undefined,
  check: (tx: Tx, project: EditableProject) => Promise<FieldErrors> | FieldErrors,
): Promise<FieldErrors> {
  if (projectId === undefined || !can(actor, capability)) return {};
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, projectId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    return project ? check(tx, project) : {};
  });
}

/** Field messages gathered one at a time; `errors` is empty when nothing was found. */
export function problemList() {
  const errors: FieldErrors = {};
  return { errors, add: (field: string, code: string) => void (errors[field] ??= []).push(code) };
}

/**
 * Takes the next version of the project, or CONFLICT when someone else took it
 * first. The WHERE names the version read and the edit scope again, so a
 * concurrent writer in another transaction cannot be overwritten.
 */
export async function bumpVersion(
  tx: Tx,
  actor: Actor,
  project: EditableProject,
  expected: number,
  data: { summary?: string; scenarios?: string[]; editedFields?: string[] } = {},
) {
  if (project.version !== expected) throw new ConflictError(currentState(project));
  const { count } = await tx.project.updateMany({
    where: { AND: [{ id: project.id, version: expected }, projectEditScope(actor)] },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await findEditableProject(tx, actor, project.id);
    throw new ConflictError(currentState(now));
  }
}

const currentState = (p: EditableProject) => ({
  version: p.version,
  summary: p.summary,
  scenarios: p.scenarios,
  stage: p.stage.code,
  // Shown beside the user's edit after a conflict: a time on Beijing's clock, as everywhere.
  updatedAt: formatMoment(p.updatedAt),
});

/** Which of the given projects the actor may change (for showing or hiding the edit forms). */
export async function canEditProject(options: { actor: Actor; projectId: number }): Promise<boolean> {
  return (await db.project.count({ where: { AND: [{ id: options.projectId }, projectEditScope(options.actor)] } })) > 0;
}

/** The version a form must send back with an edit. */
export async function getProjectVersion(options: { actor: Actor; projectId: number }): Promise<number | null> {
  const p = await db.project.findFirst({ where: { AND: [{ id: options.projectId }, projectEditScope(options.actor)] }, select: { version: true } });
  return p?.version ?? null;
}

/**
 * Edits the summary and scenarios of a project the actor's institution leads;
 * a changed one is marked as edited in the portal (no longer the source's words).
 */
export async function editProjectDetails(options: { actor: Actor; input: ProjectDetailsInput }) {
  const { actor, input } = options;
  return db.$transaction(async (tx) => {
    const project = await findEditableProject(tx, actor, input.projectId);
    const changed = changedFields(['summary', 'scenarios'] as const, project, input);
    const editedFields = markEdited(PROJECT_FIELDS, project.editedFields, changed);
    await bumpVersion(tx, actor, project, input.version, { summary: input.summary, scenarios: input.scenarios, editedFields });
    await writeAudit(tx, {
      actor,
      action: 'PROJECT_EDIT',
      entityType: 'Project',
      entityId: project.id,
      projectId: project.id,
      before: snapshot({ summary: project.summary, scenarios: project.scenarios, version: project.version }),
      after: snapshot({ summary: input.summary, scenarios: input.scenarios, version: project.version + 1 }),
    });
    return { version: project.version + 1 };
  });
}
