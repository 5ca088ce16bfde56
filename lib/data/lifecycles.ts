import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Lifecycle, Stage } from '../rules/stages';
import { sql } from '../server/db';
import { memoByValue } from '../server/memo';

/**
 * Programs' lifecycles (their stages are data, lib/rules/stages.ts). Every view
 * needs its program's, so the read is one hand-written statement (lib/server/sql.ts),
 * made once per request.
 */
const lifecycleSql = Prisma.sql`
  SELECT l.id, l.code, l.name, l."nameEn", l."hasStatement",
    json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'nameEn', s."nameEn", 'sortOrder', s."sortOrder",
      'meaning', s.meaning, 'onPath', s."onPath", 'requiresApproval', s."requiresApproval", 'kpiKey', s."kpiKey",
      'statementOpen', s."statementOpen", 'requiresAssessment', s."requiresAssessment") ORDER BY s."sortOrder") AS stages
  FROM "Lifecycle" l JOIN "LifecycleStage" s ON s."lifecycleId" = l.id`;

/** The lifecycle a program follows. */
export const getProgramLifecycle = memoByValue('lifecycle', async (programId: number): Promise<Lifecycle> => {
  const [lifecycle] = await sql<Lifecycle>(
    Prisma.sql`${lifecycleSql} WHERE l.id = (SELECT "lifecycleId" FROM "Program" WHERE id = ${programId}) GROUP BY l.id`,
  );
  if (!lifecycle) throw new Error(`Program ${programId} has no lifecycle`);
  return lifecycle;
});

/** Every lifecycle, for views across programs. */
export const listLifecycles = memoByValue('lifecycles', () => sql<Lifecycle>(Prisma.sql`${lifecycleSql} GROUP BY l.id ORDER BY l.id`));

export type { Lifecycle, Stage };

/** What a page shows of a project's stage (its badge): select it as a relation with this. */
export const stageBadgeSelect = { select: { code: true, name: true, nameEn: true, meaning: true, sortOrder: true } } as const;

/** A lifecycle as lib/rules/stages.ts takes it, selected through Prisma (for reads inside a transaction). */
export const lifecycleSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  hasStatement: true,
  stages: {
    orderBy: { sortOrder: 'asc' },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      sortOrder: true,
      meaning: true,
      onPath: true,
      requiresApproval: true,
      kpiKey: true,
      statementOpen: true,
      requiresAssessment: true,
    },
  },
} as const;
