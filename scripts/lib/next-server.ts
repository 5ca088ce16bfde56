/**
 * A production server of the current build on a port of its own, for tests
 * that need a different environment (a dead database, a second instance), for
 * the load test and the benchmarks. The caller's environment is passed on,
 * `env` on top.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';

export type TestServer = { url: string; output: () => string; stop: () => Promise<void> };

export async function startServer(port: number, env: Record<string, string>): Promise<TestServer> {
  return started(
    spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
      env: { ...process.env, NODE_ENV: 'production', ...env },
    }),
    port,
    30_000,
  );
}

/**
 * An instance as `npm start` runs one on a database of its own (DATABASE_URL):
 * migrations, the notice queue beside the web server, the production build.
 */
export async function startInstance(port: number, env: Record<string, string>): Promise<TestServer> {
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
  return started(spawn(process.execPath, [tsx, path.resolve('scripts/start.ts')], { env: { ...process.env, ...env, PORT: String(port) } }), port, 90_000);
}

async function started(child: ChildProcess, port: number, timeoutMs: number): Promise<TestServer> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !/Ready in/.test(output) && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
  if (!/Ready in/.test(output)) {
    child.kill('SIGTERM');
    throw new Error(`server on ${port} did not start:\n${output}`);
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** For the benchmarks: the build on `databaseUrl` with a secret of its own; the answer stops it. */
export async function startNext(databaseUrl: string, port: number): Promise<() => Promise<void>> {
  const server = await startServer(port, {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  });
  return server.stop;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One `name=value` line, numbers to two decimals. */
export const out = (name: string, value: number | string) => console.log(`${name}=${typeof value === 'number' ? Math.round(value * 100) / 100 : value}`);
