/**
 * Hand-written read statements (Prisma.sql) run on node-postgres directly, on
 * the same pool as Prisma's adapter. Prisma's $queryRaw passes even raw SQL
 * through its query compiler (WASM), about a millisecond of CPU per statement
 * on these machines; the dashboard's aggregates are SQL already and gain
 * nothing from it. Rows come back as node-postgres parses them, with one
 * exception that keeps them equal to $queryRaw's: a `date` is the UTC midnight
 * of that day, whatever the server's time zone.
 */
import pg from 'pg';
import type { Prisma } from '../generated/prisma/client';
import { asDatabaseUnavailable } from './errors';
import { markDatabaseUnavailable } from './unavailable-status';

export type SqlRunner = <T>(query: Prisma.Sql) => Promise<T[]>;

const DATE_OID = 1082;
const parseDate = (value: string) => new Date(`${value}T00:00:00Z`);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary' ? parseDate : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function sqlRunner(pool: pg.Pool): SqlRunner {
  return async <T>(query: Prisma.Sql) => {
    try {
      const result = await pool.query({ text: query.text, values: query.values, types });
      return result.rows as T[];
    } catch (err) {
      const unavailable = asDatabaseUnavailable(err);
      if (unavailable) markDatabaseUnavailable();
      throw unavailable ?? err;
    }
  };
}
