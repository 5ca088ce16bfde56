/**
 * The public register under load (`npm run bench -- public`): the production
 * build on a database holding the seeded record, 32 connections against
 * /public and against a static file served by the same server, in alternating
 * rounds so a slow spell on the machine moves both alike. Prints
 *   public_rps     mean requests per second of GET /public
 *   static_rps     mean requests per second of GET /public/bench-static.txt (public/public/, a file under the register's path, so the proxy lets it through)
 *   public_ratio   public_rps / static_rps (the target is at least 0.8)
 */
import { createPrismaClient } from '../../lib/server/prisma';
import { seedDatabase } from '../../seeds/index';
import { recreateDatabase, withDatabase } from './postgres';
import { out, startNext } from './next-server';
import { prisma as prismaCli } from './prisma-cli';
import { throughput } from './throughput';

const CONNECTIONS = 32;
const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 5);

export async function benchPublic(server: string, port: number) {
  const url = withDatabase(server, 'portal_bench_public');
  await recreateDatabase(url);
  await prismaCli(['migrate', 'deploy'], url);
  const client = createPrismaClient(url);
  try {
    await seedDatabase(client, () => undefined);
  } finally {
    await client.$disconnect();
  }
  const stop = await startNext(url, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    // The first request renders the page and caches it; every later one is served from the cache.
    const first = await fetch(`${base}/public`);
    if (first.status !== 200 || !(await first.text()).includes('data-project="BJFT-01"')) throw new Error('GET /public did not answer the register');
    const [pub, stat]: number[][] = [[], []];
    // A first round of each warms both paths up (the JIT, the page cache); it is not counted.
    for (let i = 0; i <= ROUNDS; i++) {
      for (const [path, into] of [
        ['/public', pub],
        ['/public/bench-static.txt', stat],
      ] as const) {
        const r = await throughput(`${base}${path}`, { connections: CONNECTIONS, seconds: SECONDS });
        if (r.errors > 0) throw new Error(`${path}: ${r.errors} errors under load`);
        if (i > 0) into.push(r.rps);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    out('public_rps', mean(pub));
    out('static_rps', mean(stat));
    out('public_ratio', mean(pub) / mean(stat));
  } finally {
    await stop();
  }
}
