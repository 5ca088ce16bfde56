import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { DatabaseUnavailableError } from '@/lib/server/errors';
import { createPool } from '@/lib/server/prisma';
import { sqlRunner } from '@/lib/server/sql';
import { testClient } from '../support/db';

const prisma = testClient();
const pool = createPool(process.env.TEST_DATABASE_URL!);
const run = sqlRunner(pool);

afterAll(async () => {
  await prisma.$disconnect();
  await pool.end();
});

/** A port on this machine where nothing listens. */
async function deadPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('hand-written reads on node-postgres', () => {
  it('return the same rows as Prisma $queryRaw, a date as that day’s UTC midnight', async () => {
    // Dates around a time-zone boundary: a server in Beijing must still read 2020-01-01 as 2020-01-01.
    const statement = Prisma.sql`
      SELECT n::int AS n, ('2020-01-01'::date + n) AS day, (n % 2 = 0) AS even, (n / 4.0)::float8 AS quarter,
        'LIVE'::"StageMeaning" AS stage, ${'名称'}::text AS name, NULL::date AS never
      FROM generate_series(0, 3) AS n ORDER BY n`;
    const direct = await run<Record<string, unknown>>(statement);
    expect(direct).toEqual(await prisma.$queryRaw<Record<string, unknown>[]>(statement));
    expect((direct[0].day as Date).toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(direct[3]).toMatchObject({ n: 3, even: false, quarter: 0.75, stage: 'LIVE', name: '名称', never: null });
  });

  it('turn an unreachable server into the one database-unavailable error', async () => {
    const port = await deadPort();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.port = String(port);
    const deadPool = createPool(url.toString());
    try {
      const failure = await sqlRunner(deadPool)(Prisma.sql`SELECT 1`).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect((failure as Error).message).toContain(`ECONNREFUSED at 127.0.0.1:${port}`);
    } finally {
      await deadPool.end();
    }
  });

  it('let a query error through as it is', async () => {
    await expect(run(Prisma.sql`SELECT 1 / 0`)).rejects.toMatchObject({ code: '22012' });
  });
});
