import 'server-only';
import { programReadScope, type Actor } from '../rules/authz';
import type { Locale } from '../i18n/config';
import { db } from '../server/db';
import { memoByValue } from '../server/memo';

/**
 * The programs an actor may read, real ones first in the order they were set
 * up: a regulator or leader the programs granted (or all), an institution user
 * the programs its institution takes part in. Synthetic benchmark programs are
 * listed only when named in the URL, never offered.
 */
export async function listPrograms(options: { actor: Actor }) {
  const { actor } = options;
  const scope =
    actor.role === 'INSTITUTION' ? { projects: { some: { institutions: { some: { institutionId: actor.institutionId ?? -1 } } } } } : programReadScope(actor);
  return db.program.findMany({
    where: { AND: [scope, { isSynthetic: false }] },
    orderBy: { id: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true },
  });
}

export type ProgramChoice = Awaited<ReturnType<typeof listPrograms>>[number];

/**
 * What a program calls its top grouping, in both languages: the pilot's 方向
 * (null: the default word), the sandbox's 类别. Charts, filters and tables say it.
 */
export const getDirectionLabel = memoByValue('direction-label', async (programId: number) => {
  const p = await db.program.findUnique({ where: { id: programId }, select: { directionLabel: true, directionLabelEn: true } });
  return p?.directionLabel && p.directionLabelEn ? { zh: p.directionLabel, en: p.directionLabelEn } : null;
});

/** The grouping's word for a program in a locale, `fallback` (the messages' 方向 / Direction) when it has none of its own. */
export async function directionWord(programId: number, locale: Locale, fallback: string) {
  const label = await getDirectionLabel(programId);
  return label ? label[locale] : fallback;
}
