/**
 * The one place a Prisma client is made: the app (lib/db.ts), the seed CLI,
 * tests and benchmarks all call this. Queries run through the query compiler
 * (WASM) and node-postgres; no native engine is involved.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type { PrismaClient };

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) }) });
}

/** DATABASE_URL, or a clear failure for command-line tools that cannot run without it. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: it must name the PostgreSQL database to use.');
  return url;
}
