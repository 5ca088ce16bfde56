/** A second production server for tests that need a different environment (e.g. a dead database). */
import { spawn, type ChildProcess } from 'node:child_process';

export type TestServer = { url: string; output: () => string; stop: () => Promise<void> };

export async function startServer(port: number, env: Record<string, string>): Promise<TestServer> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
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
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
