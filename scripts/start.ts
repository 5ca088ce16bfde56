/**
 * `npm start`: everything a newcomer needs to see the portal.
 * - With DATABASE_URL: uses that PostgreSQL and starts nothing else.
 * - Without: starts an embedded PostgreSQL 17 (data in .data/, kept between runs).
 * Then applies migrations, seeds the Beijing pilot into an empty database,
 * builds the app if the build is missing or stale, starts the notice queue
 * (scripts/lib/notice-queue.ts) and serves the production build.
 * An empty database also gets the demo accounts (README), except in production.
 * Ctrl-C stops the web server and the embedded database cleanly.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { createPrismaClient } from '../lib/server/prisma';
import { checkEnv, describeEnvProblems, type ServerEnv } from '../lib/server/env';
import { seedDatabase } from '../seeds/index';
import { buildIfStale } from './lib/build';
import { describeFailure } from './lib/failure';
import { createDatabaseIfMissing, startEmbeddedPostgres, type PostgresServer } from './lib/postgres';
import { prisma } from './lib/prisma-cli';

const log = (message: string) => console.log(`[start] ${message}`);

/** The environment, checked before anything starts; every problem is listed at once. */
function checkedEnv(): ServerEnv {
  const result = checkEnv(process.env);
  if (result.ok) return result.env;
  console.error(`[start] ${describeEnvProblems(result.problems)}`);
  process.exit(1);
}

/** NEXTAUTH_SECRET signs sessions; without one, a random secret is made once and kept in .data/. */
function authSecret(given: string | undefined): string {
  if (given) return given;
  const file = path.resolve('.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function seedIfEmpty(url: string) {
  const client = createPrismaClient(url);
  try {
    if ((await client.program.count()) > 0) return log('database already holds data: not seeding');
    log('empty database: seeding the Beijing pilot');
    await seedDatabase(client, log);
  } finally {
    await client.$disconnect();
  }
}

/**
 * The notice queue runs in this process, beside the web server. Its data
 * modules are the web server's own; `server-only` guards nothing here, so a
 * resolve hook makes it an empty module. A queue that cannot start is logged
 * and the portal serves without time-based notices.
 */
async function startQueue(databaseUrl: string, baseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  register('./lib/outside-next.mjs', import.meta.url);
  try {
    const { startNoticeQueue } = await import('./lib/notice-queue');
    return await startNoticeQueue({ databaseUrl, baseUrl, log });
  } catch (err) {
    log(`the notice queue did not start, serving without time-based notices: ${describeFailure(err)}`);
    return undefined;
  }
}

async function main() {
  const env = checkedEnv();
  const port = String(env.PORT);
  let embedded: PostgresServer | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const pgPort = env.EMBEDDED_PG_PORT;
    log(`no DATABASE_URL: starting the embedded PostgreSQL on port ${pgPort} (data in .data/postgres)`);
    embedded = await startEmbeddedPostgres({
      dir: path.resolve('.data', 'postgres'),
      port: pgPort,
      portSetting: 'EMBEDDED_PG_PORT',
      log: path.resolve('.data', 'postgres.log'),
    });
    databaseUrl = embedded.url('pilot');
    await createDatabaseIfMissing(databaseUrl);
  }

  let stopping = false;
  let queue: { stop(): Promise<void> } | undefined;
  const stopDatabase = async () => {
    if (queue) {
      log('stopping the notice queue');
      await queue.stop().catch((err: unknown) => log(`notice queue did not stop cleanly: ${describeFailure(err)}`));
      queue = undefined;
    }
    if (embedded) {
      log('stopping the embedded PostgreSQL');
      await embedded.stop();
      embedded = undefined;
    }
  };
  const interrupt = async () => {
    if (stopping) return;
    stopping = true;
    await stopDatabase();
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  try {
    await prisma(['migrate', 'deploy'], databaseUrl);
    await seedIfEmpty(databaseUrl);
    log((await buildIfStale()) === 'built' ? 'built the app' : 'the build is current');
  } catch (err) {
    await stopDatabase();
    throw err;
  }
  process.removeListener('SIGINT', interrupt);
  process.removeListener('SIGTERM', interrupt);
  queue = await startQueue(databaseUrl, env.NEXTAUTH_URL ?? `http://localhost:${port}`);

  const server = spawn(process.execPath, [path.resolve('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: authSecret(env.NEXTAUTH_SECRET),
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
  });
  log(`serving http://localhost:${port}`);
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the web server`);
    server.kill('SIGTERM');
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.on('exit', async (code) => {
    await stopDatabase();
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

main().catch((err) => {
  console.error(`[start] failed: ${describeFailure(err)}`);
  process.exit(1);
});
