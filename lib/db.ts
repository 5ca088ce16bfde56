import 'server-only';
import { asDatabaseUnavailable } from './errors';
import { createPrismaClient } from './prisma';

function createDb() {
  // The client connects on first use, so building the app needs no database. Without
  // DATABASE_URL it tries PostgreSQL's defaults, and a failure names what to check.
  // A database that is down surfaces as one recognisable error, not a driver stack trace.
  return createPrismaClient(process.env.DATABASE_URL ?? '').$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (err) {
          throw asDatabaseUnavailable(err) ?? err;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createDb>;

// One client per server process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createDb();
if (process.env.NODE_ENV !== 'production') globalForDb.db = db;

/** A round trip to PostgreSQL, for the health check. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/** The client inside `db.$transaction(async (tx) => …)`: data-layer steps that must share a transaction take it. */
export type DbTransaction = Parameters<Extract<Parameters<Db['$transaction']>[0], (...args: never[]) => unknown>>[0];
