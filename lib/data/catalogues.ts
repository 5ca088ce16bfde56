import 'server-only';
/**
 * The catalogues projects and values point to: outcome indicators and
 * technologies. Administrators correct their names and retire them: a retired
 * entry keeps the values and projects it has, and cannot be chosen for new ones.
 */
import { can, type Actor } from '../rules/authz';
import { retiredWhere, type RetiredMode } from '../rules/retired';
import { db } from '../server/db';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import type { Tx } from './audit';
import { changes, conflictState, lockedEdit, retireOrRestore } from './locked-writes';
import type { IndicatorEditInput, TechnologyEditInput } from '../schemas/corrections';
import type { IndicatorRetireInput, TechnologyRetireInput } from '../schemas/retire';

function requireCatalogue(actor: Actor) {
  if (!can(actor, 'catalogue:manage')) throw new AppError('FORBIDDEN');
}

/** Both catalogues for the admin page, with how many values or projects use each entry. */
export async function listCatalogues(options: { actor: Actor; retired?: RetiredMode }) {
  requireCatalogue(options.actor);
  const where = retiredWhere(options.retired);
  const retiredBy = { select: { name: true } } as const;
  const [indicators, technologies] = await Promise.all([
    db.indicator.findMany({
      where,
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        unit: true,
        kind: true,
        version: true,
        retiredAt: true,
        retiredBy,
        _count: { select: { values: true } },
      },
    }),
    db.technology.findMany({
      where,
      orderBy: { name: 'asc' },
      select: { id: true, name: true, nameEn: true, sourced: true, version: true, retiredAt: true, retiredBy, _count: { select: { projects: true } } },
    }),
  ]);
  return { indicators, technologies };
}

export type CatalogueIndicator = Awaited<ReturnType<typeof listCatalogues>>['indicators'][number];
export type CatalogueTechnology = Awaited<ReturnType<typeof listCatalogues>>['technologies'][number];

const indicatorSelect = { id: true, code: true, nameZh: true, nameEn: true, unit: true, version: true, retiredAt: true } as const;
const technologySelect = { id: true, name: true, nameEn: true, version: true, retiredAt: true } as const;

async function findIndicator(tx: Tx, id: number) {
  const indicator = await tx.indicator.findUnique({ where: { id }, select: indicatorSelect });
  if (!indicator) throw new AppError('NOT_FOUND');
  return indicator;
}
async function findTechnology(tx: Tx, id: number) {
  const technology = await tx.technology.findUnique({ where: { id }, select: technologySelect });
  if (!technology) throw new AppError('NOT_FOUND');
  return technology;
}

const indicatorNow = (tx: Tx, id: number) => async () => {
  const i = await findIndicator(tx, id);
  return conflictState(i, { nameZh: i.nameZh, nameEn: i.nameEn, unit: i.unit });
};
const technologyNow = (tx: Tx, id: number) => async () => {
  const t = await findTechnology(tx, id);
  return conflictState(t, { name: t.name, nameEn: t.nameEn });
};

/** Corrects an indicator's names or unit (the unit is the one every value of it is read in). */
export async function editIndicator(options: { actor: Actor; input: IndicatorEditInput }) {
  const { actor, input } = options;
  requireCatalogue(actor);
  return db.$transaction(async (tx) => {
    const indicator = await findIndicator(tx, input.indicatorId);
    const { before, after } = changes(indicator, input, ['nameZh', 'nameEn', 'unit'] as const);
    return lockedEdit(tx, {
      actor,
      action: 'INDICATOR_EDIT',
      entityType: 'Indicator',
      entityId: indicator.id,
      projectId: null,
      stored: indicator,
      expected: input.version,
      reread: indicatorNow(tx, indicator.id),
      before: { indicator: indicator.code, ...before },
      after: Object.keys(after).length ? { indicator: indicator.code, ...after } : {},
      update: () =>
        tx.indicator.updateMany({
          where: { id: indicator.id, version: input.version },
          data: { nameZh: input.nameZh, nameEn: input.nameEn, unit: input.unit, version: { increment: 1 } },
        }),
    });
  });
}

/** Corrects a technology's names; a name another technology has is refused. */
export async function editTechnology(options: { actor: Actor; input: TechnologyEditInput }) {
  const { actor, input } = options;
  requireCatalogue(actor);
  try {
    return await db.$transaction(async (tx) => {
      const technology = await findTechnology(tx, input.technologyId);
      if (await tx.technology.count({ where: { name: input.name, id: { not: technology.id } } })) throw new InputError({ name: ['nameTaken'] });
      const { before, after } = changes(technology, input, ['name', 'nameEn'] as const);
      return lockedEdit(tx, {
        actor,
        action: 'TECHNOLOGY_EDIT',
        entityType: 'Technology',
        entityId: technology.id,
        projectId: null,
        stored: technology,
        expected: input.version,
        reread: technologyNow(tx, technology.id),
        before: { name: technology.name, ...before },
        after: Object.keys(after).length ? { name: input.name, ...after } : {},
        update: () =>
          tx.technology.updateMany({
            where: { id: technology.id, version: input.version },
            data: { name: input.name, nameEn: input.nameEn, version: { increment: 1 } },
          }),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ name: ['nameTaken'] });
    throw err;
  }
}

/** Retires or restores an indicator: its values stay, new ones are refused while it is retired. */
export async function setIndicatorRetired(options: { actor: Actor; input: IndicatorRetireInput }) {
  const { actor, input } = options;
  requireCatalogue(actor);
  return db.$transaction(async (tx) => {
    const indicator = await findIndicator(tx, input.indicatorId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'Indicator',
      entityId: indicator.id,
      projectId: null,
      stored: indicator,
      expected: input.version,
      retire: input.retired,
      label: { code: indicator.code, nameZh: indicator.nameZh },
      reread: indicatorNow(tx, indicator.id),
      update: (data) => tx.indicator.updateMany({ where: { id: indicator.id, version: input.version }, data }),
    });
  });
}

/** Retires or restores a technology: the projects that have it keep it, no new project may choose it. */
export async function setTechnologyRetired(options: { actor: Actor; input: TechnologyRetireInput }) {
  const { actor, input } = options;
  requireCatalogue(actor);
  return db.$transaction(async (tx) => {
    const technology = await findTechnology(tx, input.technologyId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'Technology',
      entityId: technology.id,
      projectId: null,
      stored: technology,
      expected: input.version,
      retire: input.retired,
      label: { name: technology.name },
      reread: technologyNow(tx, technology.id),
      update: (data) => tx.technology.updateMany({ where: { id: technology.id, version: input.version }, data }),
    });
  });
}
