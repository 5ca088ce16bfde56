import 'server-only';
/**
 * Administrators correct institutions (name, kind, licence, source note) and
 * retire them. A corrected field is marked as edited in the portal, and a kind
 * read from the name (「推断」) stops being labelled so once someone sets it. A
 * retired institution stays on the projects it was on and joins no new one.
 */
import { can, type Actor } from '../rules/authz';
import { INSTITUTION_FIELDS, markEdited } from '../rules/provenance';
import { retiredWhere, type RetiredMode } from '../rules/retired';
import { db } from '../server/db';
import { AppError, InputError, isUniqueViolation } from '../server/errors';
import type { Tx } from './audit';
import { changes, conflictState, lockedEdit, retireOrRestore } from './locked-writes';
import type { InstitutionEditInput } from '../schemas/corrections';
import type { InstitutionRetireInput } from '../schemas/retire';

function requireManager(actor: Actor) {
  if (!can(actor, 'project:manage')) throw new AppError('FORBIDDEN');
}

/** Every institution, those in no project included, for the administrators' list. */
export async function listAllInstitutions(options: { actor: Actor; retired?: RetiredMode }) {
  requireManager(options.actor);
  return db.institution.findMany({
    where: retiredWhere(options.retired),
    orderBy: [{ isPlaceholder: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      kind: true,
      kindInferred: true,
      isPlaceholder: true,
      retiredAt: true,
      editedFields: true,
      _count: { select: { projects: true } },
    },
  });
}

export type AdminInstitutionRow = Awaited<ReturnType<typeof listAllInstitutions>>[number];

const select = {
  id: true,
  name: true,
  kind: true,
  kindInferred: true,
  licensed: true,
  sourceNote: true,
  editedFields: true,
  version: true,
  retiredAt: true,
} as const;

async function findInstitution(tx: Tx, id: number) {
  const institution = await tx.institution.findUnique({ where: { id }, select });
  if (!institution) throw new AppError('NOT_FOUND');
  return institution;
}

const institutionNow = (tx: Tx, id: number) => async () => {
  const i = await findInstitution(tx, id);
  return conflictState(i, { name: i.name, kind: i.kind, licensed: i.licensed, sourceNote: i.sourceNote });
};

/** The version the admin's form must send back, or null for anyone else. */
export async function getInstitutionVersion(options: { actor: Actor; institutionId: number }) {
  if (!can(options.actor, 'project:manage')) return null;
  return (await db.institution.findUnique({ where: { id: options.institutionId }, select: { version: true } }))?.version ?? null;
}

/** Corrects an institution; a name another institution has is refused. */
export async function editInstitution(options: { actor: Actor; input: InstitutionEditInput }) {
  const { actor, input } = options;
  requireManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const institution = await findInstitution(tx, input.institutionId);
      if (await tx.institution.count({ where: { name: input.name, id: { not: institution.id } } })) throw new InputError({ name: ['nameTaken'] });
      const submitted = { ...input, sourceNote: input.sourceNote || null };
      const { changed, before, after } = changes(institution, submitted, INSTITUTION_FIELDS);
      const kindInferred = changed.includes('kind') ? false : institution.kindInferred;
      return lockedEdit(tx, {
        actor,
        action: 'INSTITUTION_EDIT',
        entityType: 'Institution',
        entityId: institution.id,
        projectId: null,
        stored: institution,
        expected: input.version,
        reread: institutionNow(tx, institution.id),
        before: { name: institution.name, ...before, ...(changed.includes('kind') && { kindInferred: institution.kindInferred }) },
        after: changed.length ? { name: input.name, ...after, ...(changed.includes('kind') && { kindInferred }) } : {},
        update: () =>
          tx.institution.updateMany({
            where: { id: institution.id, version: input.version },
            data: {
              name: input.name,
              kind: input.kind,
              kindInferred,
              licensed: input.licensed,
              sourceNote: submitted.sourceNote,
              editedFields: markEdited(INSTITUTION_FIELDS, institution.editedFields, changed),
              version: { increment: 1 },
            },
          }),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new InputError({ name: ['nameTaken'] });
    throw err;
  }
}

/** Retires or restores an institution: it stays on its projects' pages, and out of counts, lists and exports while retired. */
export async function setInstitutionRetired(options: { actor: Actor; input: InstitutionRetireInput }) {
  const { actor, input } = options;
  requireManager(actor);
  return db.$transaction(async (tx) => {
    const institution = await findInstitution(tx, input.institutionId);
    return retireOrRestore(tx, {
      actor,
      entityType: 'Institution',
      entityId: institution.id,
      projectId: null,
      stored: institution,
      expected: input.version,
      retire: input.retired,
      label: { name: institution.name },
      reread: institutionNow(tx, institution.id),
      update: (data) => tx.institution.updateMany({ where: { id: institution.id, version: input.version }, data }),
    });
  });
}
