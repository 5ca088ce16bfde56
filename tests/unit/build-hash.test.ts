import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInputs, ignoreMatcher, sourceHash } from '@/scripts/lib/build';

// A small stand-in for a checkout, made afresh for each test.
const TREE: Record<string, string> = {
  '.gitignore': 'node_modules/\n.next/\n.data/\nlib/generated/\n*.tsbuildinfo\nnext-env.d.ts\n.env*\n',
  'package.json': '{"name":"fake"}',
  'proxy.ts': 'export function proxy() {}\n',
  'app/page.tsx': 'export default function Page() { return null; }\n',
  'lib/format.ts': 'export const x = 1;\n',
  'lib/generated/prisma/client.ts': 'generated\n',
  'tests/unit/format.test.ts': 'test\n',
  'scripts/start.ts': 'start\n',
  'seeds/index.ts': 'seed\n',
  'prisma/schema.prisma': 'model A { id Int @id }\n',
  'prisma/migrations/1_init/migration.sql': 'CREATE TABLE a();\n',
  'README.md': '# fake\n',
  'node_modules/next/index.js': 'next\n',
  '.next/BUILD_ID': 'abc\n',
  '.data/postgres/PG_VERSION': '17\n',
  'tsconfig.tsbuildinfo': '{}',
};

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-hash-'));
  for (const [file, content] of Object.entries(TREE)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, content: string) => {
  fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};

describe('the source hash that decides whether the build is stale', () => {
  it('reads the app, proxy.ts and the schema, and leaves out tests, scripts, seeds, docs, migrations, outputs and ignored files', () => {
    expect(buildInputs(root)).toEqual(['app/page.tsx', 'lib/format.ts', 'package.json', 'prisma/schema.prisma', 'proxy.ts']);
  });

  it('changes when proxy.ts changes', () => {
    const before = sourceHash(root);
    write('proxy.ts', 'export function proxy() { return 1; }\n');
    expect(sourceHash(root)).not.toBe(before);
  });

  it('changes when a new top-level file appears (instrumentation.ts), or a file is renamed', () => {
    const before = sourceHash(root);
    write('instrumentation.ts', 'export function register() {}\n');
    const added = sourceHash(root);
    expect(added).not.toBe(before);
    fs.renameSync(path.join(root, 'lib/format.ts'), path.join(root, 'lib/formats.ts'));
    expect(sourceHash(root)).not.toBe(added);
  });

  it('changes when an environment file appears, though git ignores it', () => {
    const before = sourceHash(root);
    write('.env.production', 'NEXT_PUBLIC_NAME=pilot\n');
    expect(sourceHash(root)).not.toBe(before);
  });

  it('stays the same when only files the build does not read change', () => {
    const before = sourceHash(root);
    write('tests/unit/format.test.ts', 'changed\n');
    write('scripts/start.ts', 'changed\n');
    write('seeds/index.ts', 'changed\n');
    write('README.md', 'changed\n');
    write('prisma/migrations/2_more/migration.sql', 'ALTER TABLE a ADD b int;\n');
    write('node_modules/next/index.js', 'changed\n');
    write('.next/BUILD_ID', 'def\n');
    write('.data/postgres/postmaster.pid', '1\n');
    write('lib/generated/prisma/client.ts', 'regenerated\n');
    write('tsconfig.tsbuildinfo', '{"changed":true}');
    expect(sourceHash(root)).toBe(before);
  });

  it('does not depend on where the checkout is', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'build-hash-copy-'));
    try {
      fs.cpSync(root, copy, { recursive: true });
      expect(sourceHash(copy)).toBe(sourceHash(root));
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('works without a .gitignore (a downloaded archive), still skipping outputs and dependencies', () => {
    fs.rmSync(path.join(root, '.gitignore'));
    expect(buildInputs(root)).not.toContainEqual(expect.stringMatching(/^(node_modules|\.next|\.data|lib\/generated)\//));
  });
});

describe('gitignore patterns', () => {
  const ignored = ignoreMatcher(['node_modules/', '/build', 'lib/generated/', '*.log', 'a?c', '# comment', '!keep.log']);
  it('match folders only when written with a slash, anywhere unless anchored', () => {
    expect(ignored('node_modules', true)).toBe(true);
    expect(ignored('app/node_modules', true)).toBe(true);
    expect(ignored('node_modules', false)).toBe(false);
    expect(ignored('build', true)).toBe(true);
    expect(ignored('app/build', true)).toBe(false);
    expect(ignored('lib/generated', true)).toBe(true);
    expect(ignored('app/lib/generated', true)).toBe(false);
    expect(ignored('logs/server.log', false)).toBe(true);
    expect(ignored('abc', false)).toBe(true);
    expect(ignored('a/c', false)).toBe(false);
  });
});
