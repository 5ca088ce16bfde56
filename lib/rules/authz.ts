/**
 * Who may do what: one permission map, failing closed, and the project scope
 * every data-layer query applies. Pure: no database, no request.
 */
import { Prisma } from '../generated/prisma/client';
import type { Role } from '../generated/prisma/enums';

export type { Role };

/** The signed-in user as the data layer sees it, re-read from the database on every request. */
export type Actor = {
  userId: number;
  role: Role;
  /** Set for INSTITUTION users: the one institution they act for. */
  institutionId: number | null;
  name: string;
  /**
   * The programs a regulator, leader or administrator reads and decides in:
   * all, or the ids granted. An institution user reads its institution's
   * projects in any program, so for it this is ALL and the institution scopes.
   */
  programs: 'ALL' | number[];
  /**
   * An administrator reset the password: until the user picks a new one they
   * hold no capability at all (only changing their own password is open).
   */
  mustChangePassword?: boolean;
};

/** Whether the actor may read every project of the program (so its published totals may stand beside the counts). */
export function readsWholeProgram(actor: Actor, programId: number): boolean {
  if (!can(actor, 'project:read') || actor.role === 'INSTITUTION') return false;
  return actor.programs === 'ALL' || actor.programs.includes(programId);
}

/** Whether the actor may open a program's views at all (an institution user any: its institution scopes what it sees). */
export function mayOpenProgram(actor: Actor, programId: number): boolean {
  return can(actor, 'program:read') && (actor.programs === 'ALL' || actor.programs.includes(programId));
}

/** The programs whose projects the actor may read, as a `where` on Program (every program for an institution user, which its institution scopes). */
export function programReadScope(actor: Actor): Prisma.ProgramWhereInput {
  if (!can(actor, 'program:read')) return { id: { in: [] } };
  return actor.programs === 'ALL' ? {} : { id: { in: actor.programs } };
}

export const CAPABILITIES = [
  'program:read',
  'project:read',
  'project:edit',
  /** An administrator's corrections: any project's facts, institutions; retiring and restoring them. */
  'project:manage',
  'stage:propose',
  'stage:decide',
  'milestone:write',
  'metric:record',
  'comment:write',
  'audit:read',
  'user:manage',
  'catalogue:manage',
  'data:import',
  'metric:import',
  /** Return templates and their schedules: what a program's projects must report, and when. */
  'return:manage',
  /** The lead institution's drafts and submissions of its projects' returns. */
  'return:file',
  /** A regulator's decision on a submitted return: accept, or send back for revision. */
  'return:review',
  /** Report an incident: an institution on a project it leads, a regulator on any project it reads. */
  'incident:report',
  /** The lead institution takes up and resolves its project's incidents. */
  'incident:handle',
  /** A regulator signs an incident off or sends it back. */
  'incident:decide',
  /** A regulator defines monitoring rules and handles their warnings. */
  'monitoring:manage',
  /** Reading assessments and the ranking (a reviewer: only the projects assigned to it). */
  'assessment:read',
  /** Scoring one's own round: the lead institution's self-assessment, the regulator's, an expert's. */
  'assessment:score',
  /** The rubric, reviewers' assignments and the confirmation of an assessment. */
  'assessment:manage',
  /** A regulator moderates the public's feedback on an application in notice: summary, handled, hidden; reads contacts. */
  'feedback:moderate',
  /** The lead institution answers the public's complaints about its application. */
  'feedback:answer',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * INSTITUTION users read every project their institution leads or joins, and
 * change only those it leads: a participant's view is read-only.
 */
export const PERMISSIONS: Record<Role, readonly Capability[]> = {
  ADMIN: [
    'program:read',
    'project:read',
    'project:manage',
    'audit:read',
    'user:manage',
    'catalogue:manage',
    'data:import',
    'metric:import',
    'return:manage',
    'assessment:read',
  ],
  REGULATOR: [
    'program:read',
    'project:read',
    'stage:decide',
    'comment:write',
    'audit:read',
    'return:manage',
    'return:review',
    'incident:report',
    'incident:decide',
    'monitoring:manage',
    'assessment:read',
    'assessment:score',
    'assessment:manage',
    'feedback:moderate',
  ],
  INSTITUTION: [
    'program:read',
    'project:read',
    'project:edit',
    'stage:propose',
    'milestone:write',
    'metric:record',
    'metric:import',
    'return:file',
    'incident:report',
    'incident:handle',
    'assessment:read',
    'assessment:score',
    'feedback:answer',
  ],
  LEADER: ['program:read', 'project:read', 'assessment:read'],
  /** Outside experts: no project pages at all, only the assessments of the projects assigned to them. */
  REVIEWER: ['assessment:read', 'assessment:score'],
};

export function can(actor: Actor | null, capability: Capability): boolean {
  if (!actor || actor.mustChangePassword) return false;
  return PERMISSIONS[actor.role]?.includes(capability) ?? false;
}

const NOTHING: Prisma.ProjectWhereInput = { id: { in: [] } };

/** The projects an actor may read, as a `where` to AND into every project query. */
export function projectReadScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!can(actor, 'project:read')) return NOTHING;
  if (actor.role !== 'INSTITUTION') return actor.programs === 'ALL' ? {} : { programId: { in: actor.programs } };
  if (actor.institutionId === null) return NOTHING;
  return { institutions: { some: { institutionId: actor.institutionId } } };
}

/** The projects an actor may change: an institution's own led projects that are not retired, nothing for anyone else. */
export function projectEditScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!can(actor, 'project:edit') || actor.institutionId === null) return NOTHING;
  return { retiredAt: null, institutions: { some: { institutionId: actor.institutionId, role: 'LEAD' } } };
}

/** The projects an actor may report an incident on: an institution's own led projects, any project a regulator reads. */
export function incidentReportScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!can(actor, 'incident:report')) return NOTHING;
  return actor.role === 'INSTITUTION' ? projectEditScope(actor) : projectReadScope(actor);
}

/** The projects an administrator may correct, retire and restore: those of the programs it reads; nothing for anyone else. */
export function projectManageScope(actor: Actor): Prisma.ProjectWhereInput {
  return can(actor, 'project:manage') ? projectReadScope(actor) : NOTHING;
}

/**
 * The projects an actor may import metric values for: an institution's own led
 * projects (as for recording one value), every project for an administrator
 * loading data, nothing for anyone else.
 */
export function metricImportScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!can(actor, 'metric:import')) return NOTHING;
  return actor.role === 'INSTITUTION' ? projectEditScope(actor) : projectReadScope(actor);
}

/** The institutions an actor may read: all, or for an institution user those in its projects. */
export function institutionReadScope(actor: Actor): Prisma.InstitutionWhereInput {
  if (!can(actor, 'program:read')) return { id: { in: [] } };
  if (actor.role !== 'INSTITUTION' && actor.programs === 'ALL') return {};
  return { projects: { some: { project: projectReadScope(actor) } } };
}

/** The read scope as SQL, for hand-written aggregate statements. `alias` names the Project table. */
export function projectReadScopeSql(actor: Actor, alias = 'p'): Prisma.Sql {
  const id = Prisma.raw(`"${alias}".id`);
  if (!can(actor, 'project:read')) return Prisma.sql`FALSE`;
  if (actor.role !== 'INSTITUTION') {
    if (actor.programs === 'ALL') return Prisma.sql`TRUE`;
    return actor.programs.length ? Prisma.sql`${Prisma.raw(`"${alias}"."programId"`)} IN (${Prisma.join(actor.programs)})` : Prisma.sql`FALSE`;
  }
  if (actor.institutionId === null) return Prisma.sql`FALSE`;
  return Prisma.sql`${id} IN (SELECT "projectId" FROM "ProjectInstitution" WHERE "institutionId" = ${actor.institutionId})`;
}

/** The projects whose assessment an actor may read: a reviewer's assigned ones, else the read scope. */
export function assessmentReadScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!can(actor, 'assessment:read')) return NOTHING;
  if (actor.role === 'REVIEWER') return { retiredAt: null, reviewers: { some: { userId: actor.userId } } };
  return projectReadScope(actor);
}

/**
 * The projects an actor may score: the lead institution its own (self-assessment),
 * a regulator those of its programs, a reviewer those assigned to it.
 */
export function assessmentScoreScope(actor: Actor): Prisma.ProjectWhereInput {
  if (!can(actor, 'assessment:score')) return NOTHING;
  if (actor.role === 'INSTITUTION') return projectEditScope(actor);
  return { retiredAt: null, ...assessmentReadScope(actor) };
}

/** The projects whose rubric, reviewers and confirmation an actor may manage: a regulator's programs. */
export function assessmentManageScope(actor: Actor): Prisma.ProjectWhereInput {
  return can(actor, 'assessment:manage') ? { retiredAt: null, ...projectReadScope(actor) } : NOTHING;
}
