import 'server-only';
import { asDatabaseUnavailable } from './errors';
import type pg from 'pg';
import { createPool, createPrismaClient } from './prisma';
import { sqlRunner } from './sql';
import { markDatabaseUnavailable } from './unavailable-status';
import { Prisma } from '../generated/prisma/client';

function createDb(pool: pg.Pool) {
  // The pool connects on first use, so building the app needs no database. Without
  // DATABASE_URL it tries PostgreSQL's defaults, and a failure names what to check.
  // A database that is down surfaces as one recognisable error, not a driver stack trace.
  return createPrismaClient(pool).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (err) {
          const unavailable = asDatabaseUnavailable(err);
          if (unavailable) markDatabaseUnavailable();
          throw unavailable ?? err;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createDb>;

// One pool and one client per server process (kept across hot reloads in development).
const globalForDb = globalThis as unknown as { pool?: pg.Pool; db?: Db };

const pool = globalForDb.pool ?? createPool(process.env.DATABASE_URL ?? '');
export const db: Db = globalForDb.db ?? createDb(pool);
if (process.env.NODE_ENV !== 'production') Object.assign(globalForDb, { pool, db });

/** Hand-written read statements on the same pool, without Prisma's query compiler (lib/server/sql.ts). */
export const sql = sqlRunner(pool);

/** Statements of the job queue's client (pg-boss), on the same pool: the app queues jobs without a connection pool of its own. */
export const queueSql = (text: string, values: unknown[] = []) => pool.query(text, values);

/** A round trip to PostgreSQL, for the health check. */
export async function pingDatabase(): Promise<void> {
  await sql(Prisma.sql`SELECT 1`);
}

/** The client inside `db.$transaction(async (tx) => …)`: data-layer steps that must share a transaction take it. */
export type DbTransaction = Parameters<Extract<Parameters<Db['$transaction']>[0], (...args: never[]) => unknown>>[0];
