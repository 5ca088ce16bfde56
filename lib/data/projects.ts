import 'server-only';
import { projectReadScope, type Actor } from '../rules/authz';
import { db } from '../server/db';
import { sortKeyOf, type Sort, type SortKey } from '../rules/filters';
import type { Prisma } from '../generated/prisma/client';
import { projectWhere, type FilterTargets } from '../rules/project-filter';
import { retiredWhere, type RetiredMode } from '../rules/retired';

import { stageBadgeSelect } from './lifecycles';
import { projectCodeSchema } from '../rules/project-code';

export const PAGE_SIZE = 50;

const ORDER: Record<SortKey, (d: Prisma.SortOrder) => Prisma.ProjectOrderByWithRelationInput[]> = {
  code: () => [],
  name: (d) => [{ name: d }],
  stage: (d) => [{ stage: { sortOrder: d } }],
  // Projects the record does not place sort after the placed ones ascending (PostgreSQL's nulls last).
  field: (d) => [{ direction: { sortOrder: d } }, { field: { sortOrder: d } }],
  approved: (d) => [{ approvedAt: d }],
};

function orderBy(sort: Sort = 'code'): Prisma.ProjectOrderByWithRelationInput[] {
  const d: Prisma.SortOrder = sort.startsWith('-') ? 'desc' : 'asc';
  // The code breaks ties, so pages never overlap or skip a row.
  return [...ORDER[sortKeyOf(sort)](d), { code: d }];
}

/**
 * One page of the projects the actor may read that match the filters, sorted in
 * SQL, with the total that matches. A page past the end shows the last page.
 */
export async function listProjects(options: { actor: Actor; targets: FilterTargets; pageSize?: number }) {
  const where = projectWhere(options.actor, options.targets);
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const total = await db.project.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(options.targets.filters.page ?? 1, pageCount);
  const rows = await db.project.findMany({
    where,
    orderBy: orderBy(options.targets.filters.sort),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      code: true,
      name: true,
      stage: stageBadgeSelect,
      isPlaceholder: true,
      retiredAt: true,
      directionInferred: true,
      directionNote: true,
      fieldInferred: true,
      fieldNote: true,
      direction: { select: { code: true } },
      field: { select: { code: true, name: true, nameEn: true } },
      institutions: {
        where: { role: 'LEAD' },
        select: { institution: { select: { id: true, name: true, isPlaceholder: true } } },
      },
    },
  });
  return {
    total,
    page,
    pageCount,
    pageSize,
    rows: rows.map(({ institutions, ...p }) => ({ ...p, lead: institutions[0]?.institution ?? null })),
  };
}

export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>['rows'][number];

/**
 * One project with everything its page shows, or null for an unknown or
 * malformed code, and for a project the actor may not read: the two are
 * indistinguishable on purpose. A retired project is found (its page says it is
 * retired); its retired milestones only when `retired` asks for them.
 */
export async function getProject(options: { actor: Actor; code: string; retired?: RetiredMode }) {
  const code = projectCodeSchema.safeParse(options.code);
  if (!code.success) return null;
  const project = await db.project.findFirst({
    where: { AND: [{ code: code.data }, projectReadScope(options.actor)] },
    select: {
      id: true,
      code: true,
      name: true,
      summary: true,
      stage: stageBadgeSelect,
      scenarios: true,
      isPlaceholder: true,
      directionInferred: true,
      directionNote: true,
      fieldInferred: true,
      fieldNote: true,
      stageInferred: true,
      stageNote: true,
      sourceNote: true,
      editedFields: true,
      retiredAt: true,
      retiredBy: { select: { name: true } },
      approvedAt: true,
      programId: true,
      stageId: true,
      program: { select: { code: true, name: true, nameEn: true, directionLabel: true, directionLabelEn: true } },
      direction: { select: { code: true, name: true, nameEn: true } },
      field: { select: { code: true, name: true, nameEn: true } },
      institutions: {
        orderBy: [{ role: 'asc' }, { institution: { name: 'asc' } }],
        select: {
          role: true,
          roleInferred: true,
          roleNote: true,
          institution: {
            select: { id: true, name: true, shortName: true, kind: true, kindInferred: true, licensed: true, isPlaceholder: true, retiredAt: true },
          },
        },
      },
      technologies: { orderBy: { technology: { name: 'asc' } }, select: { technology: { select: { name: true, nameEn: true, retiredAt: true } } } },
      stageChanges: {
        orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          toStageId: true,
          toStage: stageBadgeSelect,
          effectiveDate: true,
          datePrecision: true,
          notBefore: true,
          dateInferred: true,
          note: true,
        },
      },
      milestones: {
        where: retiredWhere(options.retired),
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
        select: { id: true, title: true, dueDate: true, completedAt: true, version: true, retiredAt: true },
      },
      metricValues: {
        orderBy: [{ indicator: { sortOrder: 'asc' } }, { asOf: 'asc' }],
        select: {
          id: true,
          asOf: true,
          value: true,
          qualifier: true,
          source: true,
          sourceNote: true,
          indicator: { select: { code: true, nameZh: true, nameEn: true, unit: true, kind: true, retiredAt: true } },
        },
      },
    },
  });
  if (!project) return null;
  return {
    ...project,
    metricValues: project.metricValues.map((m) => ({ ...m, value: m.value.toNumber() })),
  };
}

export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProject>>>;
