// The start path of `npm start` and `npm test`: the real embedded PostgreSQL on a
// data folder of its own under .data/ and a free port, started, stopped and
// started again on the kept folder (as root in CI, where the server runs as the
// `postgres` system user).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type PostgresServer } from '@/scripts/lib/postgres';

const dir = path.resolve('.data', `start-path-test-${process.pid}`);
const passwordFile = `${dir}-password`;
const logFile = `${dir}.log`;
const running: PostgresServer[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function start(): Promise<PostgresServer> {
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), portSetting: 'TEST_PG_PORT', log: logFile });
  running.push(server);
  return server;
}

async function stop(server: PostgresServer) {
  await server.stop();
  running.splice(running.indexOf(server), 1);
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const withPassword = (url: string, password: string) => Object.assign(new URL(url), { password }).toString();

afterAll(async () => {
  for (const server of running) await server.stop();
  for (const file of [dir, passwordFile, logFile]) fs.rmSync(file, { recursive: true, force: true });
});

describe('the embedded PostgreSQL on a kept data folder', () => {
  it('starts, stops and starts again healthy, the data folder staying 0700', async () => {
    const first = await start();
    expect(await selectOne(first.url('postgres'))).toBe(1);
    await stop(first);
    expect([0o700, 0o750]).toContain(mode(dir));

    const second = await start();
    expect(await selectOne(second.url('postgres'))).toBe(1);
    expect([0o700, 0o750]).toContain(mode(dir));
    await stop(second);
  });

  it('keeps a random password beside the data folder, readable by its owner only', async () => {
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(mode(passwordFile)).toBe(0o600);
    const server = await start();
    expect(new URL(server.url('postgres')).password).toBe(password);
    await expect(selectOne(withPassword(server.url('postgres'), 'postgres'))).rejects.toThrow(/password authentication failed/);
    await stop(server);
  });

  it('starts a data folder left by earlier versions (mode 0701, fixed password, no password file) and repairs both', async () => {
    const server = await start();
    const client = new pg.Client({ connectionString: server.url('postgres') });
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD 'postgres'`);
    await client.end();
    await stop(server);
    fs.chmodSync(dir, 0o701);
    fs.rmSync(passwordFile);

    const repaired = await start();
    expect(mode(dir)).toBe(0o700);
    expect(await selectOne(repaired.url('postgres'))).toBe(1);
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    expect(password).not.toBe('postgres');
    expect(new URL(repaired.url('postgres')).password).toBe(password);
    await expect(selectOne(withPassword(repaired.url('postgres'), 'postgres'))).rejects.toThrow(/password authentication failed/);
    await stop(repaired);
  });

  it('says why a second server on the same data folder cannot start, quoting PostgreSQL', async () => {
    const server = await start();
    const failure = await start().then(
      () => new Error('the second server started'),
      (err: unknown) => err as Error,
    );
    expect(failure.message).toContain('another PostgreSQL server');
    expect(failure.message).toContain('lock file "postmaster.pid" already exists');
    expect(failure.message).not.toMatch(/undefined/);
    expect(await selectOne(server.url('postgres'))).toBe(1);
    await stop(server);
  });
});
