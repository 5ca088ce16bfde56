/**
 * Builds the production app when the build is missing or older than the source.
 * "Older" is decided by a hash of every input of the build, kept beside it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './process';

const INPUTS = ['app', 'components', 'lib', 'prisma/schema.prisma', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const IGNORED = new Set(['generated', 'node_modules', '.next']);
const STAMP = path.join('.next', 'source-hash');

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return;
  if (fs.statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) {
    if (!IGNORED.has(name)) yield* files(path.join(entry, name));
  }
}

export function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(input)) hash.update(file).update('\0').update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

export function buildIsCurrent(): boolean {
  return fs.existsSync(path.join('.next', 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sourceHash();
}

export async function buildIfStale(): Promise<'built' | 'current'> {
  if (buildIsCurrent()) return 'current';
  const hash = sourceHash();
  await run(process.execPath, [path.resolve('node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
  fs.writeFileSync(STAMP, hash);
  return 'built';
}
