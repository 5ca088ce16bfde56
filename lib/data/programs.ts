import 'server-only';
import { projectReadScopeSql, type Actor } from '../rules/authz';
import { db } from '../server/db';
import type { PublishedFigureKey } from '../generated/prisma/enums';

export const KPI_KEYS = ['PROJECTS', 'INSTITUTIONS', 'DIRECTIONS', 'FIELDS', 'ONLINE', 'PROMOTION'] as const satisfies readonly PublishedFigureKey[];
export type KpiKey = (typeof KPI_KEYS)[number];

export type Kpi = {
  key: KpiKey;
  value: number;
  published: { value: number; asOf: Date; source: string } | null;
};

type CountsRow = Record<Lowercase<KpiKey>, number>;

/** The default program: the first real (non-synthetic) one. */
export async function getDefaultProgram() {
  return db.program.findFirst({
    where: { isSynthetic: false },
    orderBy: { id: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true, region: true, startDate: true },
  });
}

/**
 * Headline figures computed from the database in one SQL statement, each beside
 * the latest figure the program has published for it.
 * "Online" counts every project that has gone online (上线运行), including those
 * in promotion or completed after going online; "promotion" likewise.
 */
export async function getProgramKpis(options: { actor: Actor; programId: number }): Promise<Kpi[]> {
  const { programId } = options;
  const scope = projectReadScopeSql(options.actor, 'p');
  const [counts] = await db.$queryRaw<CountsRow[]>`
    WITH visible AS (SELECT p.* FROM "Project" p WHERE p."programId" = ${programId} AND ${scope})
    SELECT
      (SELECT count(*) FROM visible)::int AS projects,
      (SELECT count(DISTINCT pi."institutionId") FROM "ProjectInstitution" pi JOIN visible v ON v.id = pi."projectId")::int AS institutions,
      (SELECT count(*) FROM "Direction" WHERE "programId" = ${programId})::int AS directions,
      (SELECT count(*) FROM "Field" f JOIN "Direction" d ON d.id = f."directionId" WHERE d."programId" = ${programId})::int AS fields,
      (SELECT count(*) FROM visible
         WHERE stage IN ('ONLINE', 'PROMOTION') OR (stage = 'COMPLETED' AND "onlineAt" IS NOT NULL))::int AS online,
      (SELECT count(*) FROM visible
         WHERE stage = 'PROMOTION' OR (stage = 'COMPLETED' AND "promotionAt" IS NOT NULL))::int AS promotion`;
  const published = await db.publishedFigure.findMany({
    where: { programId },
    orderBy: { asOf: 'desc' },
    distinct: ['key'],
    select: { key: true, value: true, asOf: true, source: true },
  });
  const publishedByKey = new Map(published.map((p) => [p.key, p]));
  return KPI_KEYS.map((key) => {
    const p = publishedByKey.get(key);
    return {
      key,
      value: counts[key.toLowerCase() as Lowercase<KpiKey>],
      published: p ? { value: p.value, asOf: p.asOf, source: p.source } : null,
    };
  });
}
