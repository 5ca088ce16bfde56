/**
 * A production server of the current build on a port of its own, for tests
 * that need a different environment (a dead database, a second instance) and
 * for the load test. The caller's environment is passed on, `env` on top.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type TestServer = { url: string; output: () => string; stop: () => Promise<void> };

export async function startServer(port: number, env: Record<string, string>): Promise<TestServer> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !/Ready in/.test(output); i++) await new Promise((r) => setTimeout(r, 200));
  if (!/Ready in/.test(output)) throw new Error(`server on ${port} did not start:\n${output}`);
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
