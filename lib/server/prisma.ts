/**
 * The one place a Prisma client is made: the app (lib/server/db.ts), the seed CLI,
 * tests and benchmarks all call this. Queries run through the query compiler
 * (WASM) and node-postgres; no native engine is involved.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type { PrismaClient };

const poolConfig = (url: string): pg.PoolConfig => ({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });

/**
 * A node-postgres pool; it connects on first use. An idle connection that the
 * server drops is discarded by the pool; without a listener its error would
 * end the process.
 */
export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool(poolConfig(url));
  pool.on('error', (err) => console.error(`An idle database connection failed and was dropped: ${err.message}`));
  return pool;
}

/**
 * A client on its own pool (closed by $disconnect), or on a pool the caller
 * shares with other readers (lib/server/sql.ts) and closes itself.
 */
export function createPrismaClient(source: string | pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(typeof source === 'string' ? poolConfig(source) : source) });
}

/** DATABASE_URL, or a clear failure for command-line tools that cannot run without it. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: it must name the PostgreSQL database to use.');
  return url;
}
