/**
 * Where scoping and filtering meet: the one place that turns an actor and the
 * resolved filters into the set of projects a query may see, once as a Prisma
 * `where` (lists) and once as SQL (aggregates). Both say the same thing; the
 * integration tests hold them to it. Pure: no database.
 */
import { Prisma } from '../generated/prisma/client';
import { projectReadScope, projectReadScopeSql, type Actor } from './authz';
import type { ProjectFilters } from './filters';
import { retiredSql, retiredWhere } from './retired';
import { reachedSql, reachedWhere } from './stages';

/**
 * Filters whose codes and names have been looked up: ids only, and always a
 * program. `null` for a direction, field or technology is the 「未公开」 bucket:
 * the projects the record does not place there.
 */
export type FilterTargets = {
  programId: number;
  /** The current stage the `stage` filter names, and the path order the `reached` filter names. */
  stageId?: number;
  reachedOrder?: number;
  directionId?: number | null;
  fieldId?: number | null;
  technologyId?: number | null;
  institutionId?: number;
  /** Text typed in the institution filter: projects with an institution whose name or short name contains it. */
  institutionName?: string;
  filters: ProjectFilters;
};

/** `%`, `_` and `\` typed by a reader are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/** Projects with an institution whose name or short name (招行北分) contains `text`. */
function byInstitutionName(text: string): Prisma.ProjectWhereInput {
  const q = likePattern(text).slice(1, -1);
  const contains = { contains: q, mode: 'insensitive' } as const;
  return { institutions: { some: { institution: { OR: [{ name: contains }, { shortName: contains }] } } } };
}

/** The same in SQL, for the Project row `id`. */
const byInstitutionNameSql = (
  id: Prisma.Sql,
  text: string,
) => Prisma.sql`EXISTS (SELECT 1 FROM "ProjectInstitution" pi JOIN "Institution" i ON i.id = pi."institutionId"
    WHERE pi."projectId" = ${id} AND (i.name ILIKE ${likePattern(text)} OR i."shortName" ILIKE ${likePattern(text)}))`;

/** The projects `actor` may read that match `targets`, as a Prisma where. */
export function projectWhere(actor: Actor, targets: FilterTargets): Prisma.ProjectWhereInput {
  const { filters: f } = targets;
  // Retired projects are left out unless the view asks for them: every list, count and export at once.
  const and: Prisma.ProjectWhereInput[] = [projectReadScope(actor), { programId: targets.programId }, retiredWhere(f.retired)];
  if (targets.directionId !== undefined) and.push({ directionId: targets.directionId });
  if (targets.fieldId !== undefined) and.push({ fieldId: targets.fieldId });
  if (targets.stageId !== undefined) and.push({ stageId: targets.stageId });
  if (targets.reachedOrder !== undefined) and.push(reachedWhere({ sortOrder: targets.reachedOrder }));
  if (targets.technologyId === null) and.push({ technologies: { none: {} } });
  else if (targets.technologyId !== undefined) and.push({ technologies: { some: { technologyId: targets.technologyId } } });
  if (targets.institutionId) and.push({ institutions: { some: { institutionId: targets.institutionId } } });
  if (targets.institutionName) and.push(byInstitutionName(targets.institutionName));
  if (f.q) {
    // Prisma's `contains` escapes nothing itself, so pass the escaped pattern's core.
    const q = likePattern(f.q).slice(1, -1);
    and.push({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { code: { contains: q, mode: 'insensitive' } }, byInstitutionName(f.q)] });
  }
  if (f.placeholders === 'exclude') and.push({ isPlaceholder: false });
  return { AND: and };
}

/** The same set as SQL for hand-written statements; `alias` names the Project table in the query. */
export function projectFilterSql(actor: Actor, targets: FilterTargets, alias = 'p'): Prisma.Sql {
  const { filters: f } = targets;
  const p = (column: string) => Prisma.raw(`"${alias}"."${column}"`);
  const parts: Prisma.Sql[] = [projectReadScopeSql(actor, alias), Prisma.sql`${p('programId')} = ${targets.programId}`, retiredSql(f.retired, alias)];
  const isOrEquals = (column: string, id: number | null) => (id === null ? Prisma.sql`${p(column)} IS NULL` : Prisma.sql`${p(column)} = ${id}`);
  if (targets.directionId !== undefined) parts.push(isOrEquals('directionId', targets.directionId));
  if (targets.fieldId !== undefined) parts.push(isOrEquals('fieldId', targets.fieldId));
  if (targets.stageId !== undefined) parts.push(Prisma.sql`${p('stageId')} = ${targets.stageId}`);
  if (targets.reachedOrder !== undefined) parts.push(reachedSql({ sortOrder: targets.reachedOrder }, alias));
  if (targets.technologyId === null) parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "ProjectTechnology" pt WHERE pt."projectId" = ${p('id')})`);
  else if (targets.technologyId !== undefined) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProjectTechnology" pt WHERE pt."projectId" = ${p('id')} AND pt."technologyId" = ${targets.technologyId})`);
  }
  if (targets.institutionId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProjectInstitution" pi WHERE pi."projectId" = ${p('id')} AND pi."institutionId" = ${targets.institutionId})`);
  }
  if (targets.institutionName) parts.push(byInstitutionNameSql(p('id'), targets.institutionName));
  if (f.q) parts.push(Prisma.sql`(${p('name')} ILIKE ${likePattern(f.q)} OR ${p('code')} ILIKE ${likePattern(f.q)} OR ${byInstitutionNameSql(p('id'), f.q)})`);
  if (f.placeholders === 'exclude') parts.push(Prisma.sql`NOT ${p('isPlaceholder')}`);
  return Prisma.sql`(${Prisma.join(parts, ' AND ')})`;
}
