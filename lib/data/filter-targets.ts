import 'server-only';
import { mayOpenProgram, projectReadScope, type Actor } from '../rules/authz';
import { db, sql } from '../server/db';
import { Prisma } from '../generated/prisma/client';
import { UNDISCLOSED, type FilterNotice, type ProjectFilters } from '../rules/filters';
import { likePattern, type FilterTargets } from '../rules/project-filter';
import { retiredSql } from '../rules/retired';
import { pathOf, stageByCode, stagesInOrder, type Lifecycle } from '../rules/stages';
import { getDirectionLabel } from './programs';
import { getProgramLifecycle } from './lifecycles';

export type ProgramSummary = {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  isSynthetic: boolean;
  directionLabel: string | null;
  directionLabelEn: string | null;
};

export type ResolvedFilters = { program: ProgramSummary; lifecycle: Lifecycle; targets: FilterTargets; notices: FilterNotice[] };

const programSql = Prisma.sql`SELECT id, code, name, "nameEn", "isSynthetic", "directionLabel", "directionLabelEn" FROM "Program"`;

/**
 * Looks up what the filters name (program, direction, field, technology,
 * institution) and drops, with a notice, whatever does not exist there. Null
 * when there is no program at all. The lookups run side by side, one each.
 * It needs no actor: an id names a thing, and whether the actor may read what
 * it names is decided by the queries that use the targets. So pages run it
 * beside the session read rather than after it.
 */
export async function resolveFilters(options: {
  filters: ProjectFilters;
  notices?: FilterNotice[];
  /** Whose view: without a program named, the first program they may read. May be a promise, so pages start this beside the session read. */
  actor?: Actor | Promise<Actor>;
}): Promise<ResolvedFilters | null> {
  const filters: ProjectFilters = { ...options.filters };
  const notices = [...(options.notices ?? [])];
  const unknown = (key: keyof ProjectFilters, value: unknown) => {
    notices.push({ key, value: String(value), values: [String(value)], reason: 'unknown' });
    delete filters[key];
  };

  // The program named, else the first real one. Hand-written (lib/server/sql.ts): every filtered page waits for it.
  const [named] = filters.program ? await sql<ProgramSummary>(Prisma.sql`${programSql} WHERE code = ${filters.program}`) : [];
  if (filters.program && !named) unknown('program', filters.program);
  const actor = await options.actor;
  const program = named ?? (await defaultProgram(actor));
  // A program the actor has not been granted is not there for them: the page answers 404, as for an unknown project.
  if (!program || (actor && !mayOpenProgram(actor, program.id))) return null;

  const tech = filters.tech;
  const isNamed = (code: string | undefined) => code !== undefined && code !== UNDISCLOSED;
  const [lifecycle, direction, field, technology, institution] = await Promise.all([
    getProgramLifecycle(program.id),
    isNamed(filters.direction)
      ? db.direction.findUnique({ where: { programId_code: { programId: program.id, code: filters.direction! } }, select: { id: true } })
      : null,
    isNamed(filters.field)
      ? db.field.findFirst({ where: { code: filters.field, direction: { programId: program.id } }, select: { id: true, directionId: true } })
      : null,
    tech === undefined || tech === UNDISCLOSED
      ? null
      : db.technology.findFirst({
          where: typeof tech === 'number' ? { id: tech } : { OR: [{ name: tech }, { nameEn: { equals: tech, mode: 'insensitive' } }] },
          select: { id: true },
        }),
    typeof filters.institution === 'number' ? db.institution.findUnique({ where: { id: filters.institution }, select: { id: true } }) : null,
  ]);
  if (isNamed(filters.direction) && !direction) unknown('direction', filters.direction);
  if (isNamed(filters.field) && !field) unknown('field', filters.field);
  if (tech !== undefined && tech !== UNDISCLOSED && !technology) unknown('tech', tech);
  // The 「未公开」 bucket of each: null, where an id names a known one.
  const target = (value: unknown, found: { id: number } | null) => (value === UNDISCLOSED ? null : found?.id);
  if (typeof filters.institution === 'number' && !institution) unknown('institution', filters.institution);
  // Stages are the program's own: a code of another lifecycle names nothing here.
  const stage = filters.stage ? stageByCode(lifecycle, filters.stage) : undefined;
  if (filters.stage && !stage) unknown('stage', filters.stage);
  const reached = filters.reached ? pathOf(lifecycle).find((s) => s.code === filters.reached) : undefined;
  if (filters.reached && !reached) unknown('reached', filters.reached);

  return {
    program,
    lifecycle,
    notices: await withNames(notices, program.id, lifecycle),
    targets: {
      programId: program.id,
      stageId: stage?.id,
      reachedOrder: reached?.sortOrder,
      directionId: target(filters.direction, direction),
      fieldId: target(filters.field, field),
      technologyId: target(filters.tech, technology),
      institutionId: institution?.id,
      // Typed, not taken from the suggestions: a name search, never a refusal.
      institutionName: typeof filters.institution === 'string' ? filters.institution : undefined,
      filters,
    },
  };
}

/** The first real program the actor may read (any real one when no actor is given). */
async function defaultProgram(actor: Actor | undefined): Promise<ProgramSummary | undefined> {
  const granted = actor && actor.role !== 'INSTITUTION' && actor.programs !== 'ALL' ? actor.programs : null;
  const scope = granted ? (granted.length ? Prisma.sql`AND id IN (${Prisma.join(granted)})` : Prisma.sql`AND FALSE`) : Prisma.empty;
  const [program] = await sql<ProgramSummary>(Prisma.sql`${programSql} WHERE NOT "isSynthetic" ${scope} ORDER BY id LIMIT 1`);
  return program;
}

/**
 * The names of the catalogue values a notice mentions (a direction given twice
 * names two that exist), so the page can say them in words. An unknown or
 * malformed value names nothing. Institutions are not named: which exist is not
 * for every reader to learn.
 */
async function withNames(notices: FilterNotice[], programId: number, lifecycle: Lifecycle): Promise<FilterNotice[]> {
  const repeated = (key: string) => notices.filter((n) => n.key === key && n.reason === 'repeated').flatMap((n) => n.values);
  const [codes, fieldCodes, techs] = [repeated('direction'), repeated('field'), repeated('tech')];
  // Stages are named by the program's lifecycle (a repeated stage, or reached).
  const stageNamed = (n: FilterNotice) =>
    n.reason === 'repeated' && (n.key === 'stage' || n.key === 'reached')
      ? { ...n, names: n.values.map((v) => stageByCode(lifecycle, v.toUpperCase()) ?? null) }
      : n;
  if (codes.length + fieldCodes.length + techs.length === 0) return notices.map(stageNamed);
  const named = { code: true, name: true, nameEn: true } as const;
  const [directions, fields, technologies] = await Promise.all([
    db.direction.findMany({ where: { programId, code: { in: codes } }, select: named }),
    db.field.findMany({ where: { direction: { programId }, code: { in: fieldCodes } }, select: named }),
    db.technology.findMany({
      where: { OR: [{ name: { in: techs } }, { id: { in: techs.filter((t) => /^\d{1,9}$/.test(t)).map(Number) } }] },
      select: { id: true, name: true, nameEn: true },
    }),
  ]);
  const lookup: Record<string, (v: string) => { name: string; nameEn: string } | undefined> = {
    direction: (v) => directions.find((d) => d.code === v.toUpperCase()),
    field: (v) => fields.find((f) => f.code === v.toUpperCase()),
    tech: (v) => technologies.find((t) => t.name === v || String(t.id) === v),
  };
  return notices.map((n) => (n.reason === 'repeated' && lookup[n.key] ? { ...n, names: n.values.map((v) => lookup[n.key](v) ?? null) } : stageNamed(n)));
}

/** The institutions a filter may name: those in the program's projects that the actor may read. */
const filterableInstitutions = (actor: Actor, programId: number) => ({
  retiredAt: null,
  projects: { some: { project: { AND: [projectReadScope(actor), { programId }] } } },
});

type Named = { code: string; name: string; nameEn: string };
export type FilterDirection = Named & { fields: Named[] };

/**
 * What the filter form offers: the program's directions and fields, the
 * technologies, and the name of the institution the filters name (if the actor
 * may see it). Institutions are not listed: a program can have thousands, so
 * the form searches them by name (searchFilterInstitutions).
 * The two lists are hand-written reads (lib/server/sql.ts): the form is on the
 * dashboard and every list page, and through Prisma they cost three statements.
 */
export async function getFilterOptions(options: { actor: Actor; programId: number; institutionId?: number | string }) {
  const [directions, technologies, institution, lifecycle, directionLabel] = await Promise.all([
    sql<FilterDirection>(Prisma.sql`
      SELECT d.code, d.name, d."nameEn",
        coalesce(json_agg(json_build_object('code', f.code, 'name', f.name, 'nameEn', f."nameEn") ORDER BY f."sortOrder")
          FILTER (WHERE f.id IS NOT NULL), '[]') AS fields
      FROM "Direction" d LEFT JOIN "Field" f ON f."directionId" = d.id
      WHERE d."programId" = ${options.programId}
      GROUP BY d.id
      ORDER BY d."sortOrder"`),
    // The catalogue is shared between programs; a program's form offers what its projects use, and no retired
    // technology (a link that names one still resolves).
    sql<{ id: number; name: string; nameEn: string }>(Prisma.sql`
      SELECT t.id, t.name, t."nameEn" FROM "Technology" t
      WHERE EXISTS (SELECT 1 FROM "ProjectTechnology" pt JOIN "Project" p ON p.id = pt."projectId" WHERE pt."technologyId" = t.id AND p."programId" = ${options.programId})
        AND ${retiredSql('exclude', 't')}
      ORDER BY t.name`),
    typeof options.institutionId === 'number'
      ? db.institution.findFirst({
          where: { id: options.institutionId, ...filterableInstitutions(options.actor, options.programId) },
          select: { id: true, name: true },
        })
      : null,
    getProgramLifecycle(options.programId),
    getDirectionLabel(options.programId),
  ]);
  return { directions, directionLabel, technologies, institution, stages: stagesInOrder(lifecycle), path: pathOf(lifecycle) };
}

export type FilterOptions = Awaited<ReturnType<typeof getFilterOptions>>;

export const INSTITUTION_SEARCH_LIMIT = 20;

/** Institutions of the program whose name or short name contains `q`, for the filter form's institution field; real ones first. */
export async function searchFilterInstitutions(options: { actor: Actor; programId: number; q: string }) {
  const q = likePattern(options.q).slice(1, -1);
  return db.institution.findMany({
    where: {
      OR: [{ name: { contains: q, mode: 'insensitive' } }, { shortName: { contains: q, mode: 'insensitive' } }],
      ...filterableInstitutions(options.actor, options.programId),
    },
    orderBy: [{ isPlaceholder: 'asc' }, { name: 'asc' }],
    take: INSTITUTION_SEARCH_LIMIT,
    select: { id: true, name: true },
  });
}
