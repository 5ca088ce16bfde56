/** The production build served by `next start` on a port, for the benchmarks; the answer stops it. */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';

export async function startNext(databaseUrl: string, port: number): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  for (let i = 0; i < 150 && !/Ready in/.test(log); i++) await new Promise((r) => setTimeout(r, 200));
  if (!/Ready in/.test(log)) throw new Error(`next start did not come up:\n${log}`);
  return () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One `name=value` line, numbers to two decimals. */
export const out = (name: string, value: number | string) => console.log(`${name}=${typeof value === 'number' ? Math.round(value * 100) / 100 : value}`);
