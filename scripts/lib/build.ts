/**
 * Builds the production app when the build is missing or older than the source.
 * "Older" is decided by a hash of every file the build may read, kept beside it.
 * Which files those are is decided by exclusion: everything in the checkout
 * except what git ignores and what the build is known not to read, so a new
 * file (a new top-level module such as proxy.ts) counts by default. The tree is
 * walked directly: a downloaded archive has no git.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './process';

/** Ignored even without a .gitignore: outputs, dependencies and local data. */
const ALWAYS_IGNORED = ['.git', 'node_modules/', '.next/', '.data/', 'lib/generated/', 'test-results/', 'playwright-report/'];

/** Files the build does not read: tests, scripts, seeds, docs, tooling configuration, migrations. */
const NOT_BUILD_INPUTS = [
  '/tests/',
  '/scripts/',
  '/seeds/',
  '/docs/',
  '/.ci/',
  '/.github/',
  '.vscode/',
  '.idea/',
  'prisma/migrations/',
  '/prisma/migration-adapter.ts',
  '/prisma/engine-placeholder.txt',
  '/prisma.config.ts',
  '/playwright.config.ts',
  '/vitest.config.ts',
  '/eslint.config.mjs',
  '.prettierrc*',
  '.prettierignore',
  '.gitignore',
  '*.md',
];

/** Ignored by git but read by `next build`: environment files (NEXT_PUBLIC_ values are built in). */
const READ_THOUGH_IGNORED = /^\.env(\..+)?$/;

const STAMP = path.join('.next', 'source-hash');

/**
 * A gitignore-style pattern as a test on a '/'-separated relative path:
 * `name/` matches folders only, a pattern with a slash (other than a trailing
 * one) is anchored at the root, `*` and `?` stay within one path segment.
 * Negations (`!`) are not supported and are skipped.
 */
export function ignoreMatcher(patterns: string[]): (relative: string, isDir: boolean) => boolean {
  const rules = patterns
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const dirOnly = line.endsWith('/');
      const body = line.replace(/\/+$/, '');
      const anchored = body.includes('/');
      const source = body
        .replace(/^\//, '')
        .split(/(\*\*|\*|\?)/)
        .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return { dirOnly, anchored, regex: new RegExp(`^${source}$`) };
    });
  return (relative, isDir) => rules.some((rule) => (!rule.dirOnly || isDir) && rule.regex.test(rule.anchored ? relative : path.posix.basename(relative)));
}

function gitignorePatterns(root: string): string[] {
  const file = path.join(root, '.gitignore');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\r?\n/) : [];
}

/** Every file the build may read, as sorted '/'-separated paths relative to root. */
export function buildInputs(root: string): string[] {
  const ignored = ignoreMatcher([...ALWAYS_IGNORED, ...gitignorePatterns(root)]);
  const notInput = ignoreMatcher(NOT_BUILD_INPUTS);
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (notInput(child, isDir)) continue;
      if (ignored(child, isDir) && !(relative === '' && READ_THOUGH_IGNORED.test(entry.name))) continue;
      if (isDir) walk(child);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

export function sourceHash(root = process.cwd()): string {
  const hash = crypto.createHash('sha256');
  for (const file of buildInputs(root)) {
    const full = path.join(root, file);
    const content = fs.lstatSync(full).isSymbolicLink() ? fs.readlinkSync(full) : fs.readFileSync(full);
    hash.update(file).update('\0').update(content).update('\0');
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
