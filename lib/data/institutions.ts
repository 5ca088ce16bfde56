import 'server-only';
import { z } from 'zod';
import { can, projectReadScope, type Actor } from '../rules/authz';
import { db, sql } from '../server/db';
import { stageBadgeSelect } from './lifecycles';
import { Prisma } from '../generated/prisma/client';
import type { InstitutionKind } from '../generated/prisma/enums';
import { projectFilterSql, type FilterTargets } from '../rules/project-filter';
import { referenceMode, retiredSql, retiredWhere } from '../rules/retired';

export type InstitutionListRow = {
  id: number;
  name: string;
  kind: InstitutionKind | null;
  kindInferred: boolean;
  licensed: boolean | null;
  isPlaceholder: boolean;
  retiredAt: Date | null;
  led: number;
  joined: number;
};

/**
 * Institutions taking part in the projects the actor may read that match the
 * filters, with how many they lead and join. The institutions the record does
 * not name come back as one counted bucket, never as rows of their own.
 */
export async function listInstitutions(options: { actor: Actor; targets: FilterTargets }) {
  const rows = await sql<InstitutionListRow>(Prisma.sql`
    SELECT i.id, i.name, i.kind, i."kindInferred", i.licensed, i."isPlaceholder", i."retiredAt",
      count(*) FILTER (WHERE pi.role = 'LEAD')::int AS led,
      count(*) FILTER (WHERE pi.role = 'PARTICIPANT')::int AS joined
    FROM "Institution" i
      JOIN "ProjectInstitution" pi ON pi."institutionId" = i.id
      JOIN "Project" p ON p.id = pi."projectId"
    WHERE ${projectFilterSql(options.actor, options.targets, 'p')} AND ${retiredSql(referenceMode(options.targets.filters.retired), 'i')}
    GROUP BY i.id, i.name, i.kind, i."kindInferred", i.licensed, i."isPlaceholder", i."retiredAt"
    ORDER BY i."isPlaceholder", led DESC, i.name`);
  const undisclosed = rows.filter((r) => r.isPlaceholder);
  return {
    rows: rows.filter((r) => !r.isPlaceholder),
    undisclosed: { institutions: undisclosed.length, led: undisclosed.reduce((n, r) => n + r.led, 0), joined: undisclosed.reduce((n, r) => n + r.joined, 0) },
  };
}

export const institutionIdSchema = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647));

/**
 * One institution with the (active) projects it leads or joins that the actor
 * may read. Null for a malformed id, an unknown one, or one the actor shares no
 * project with; administrators, who correct institutions, find every one.
 */
export async function getInstitution(options: { actor: Actor; id: string }) {
  const id = institutionIdSchema.safeParse(options.id);
  if (!id.success) return null;
  const scope = projectReadScope(options.actor);
  const everyone = can(options.actor, 'project:manage') || options.actor.institutionId === id.data;
  const institution = await db.institution.findFirst({
    where: { id: id.data, OR: [{ projects: { some: { project: scope } } }, ...(everyone ? [{}] : [])] },
    select: {
      id: true,
      name: true,
      shortName: true,
      kind: true,
      kindInferred: true,
      licensed: true,
      isPlaceholder: true,
      sourceNote: true,
      editedFields: true,
      retiredAt: true,
      retiredBy: { select: { name: true } },
      projects: {
        where: { project: { AND: [scope, retiredWhere()] } },
        orderBy: [{ role: 'asc' }, { project: { code: 'asc' } }],
        select: {
          role: true,
          project: {
            select: {
              code: true,
              name: true,
              stage: stageBadgeSelect,
              isPlaceholder: true,
              directionInferred: true,
              fieldInferred: true,
              direction: { select: { code: true } },
              field: { select: { name: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
  return institution;
}

export type InstitutionDetail = NonNullable<Awaited<ReturnType<typeof getInstitution>>>;
