import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, SHARED_CLIENT_NAMESPACES } from '@/lib/i18n/config';
import zh from '@/lib/i18n/messages/zh.json';

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(file);
    else if (/\.tsx?$/.test(entry.name)) yield file;
  }
}

const clientModules = ['app', 'components'].flatMap((dir) => [...sources(dir)]).filter((f) => /^['"]use client['"]/.test(fs.readFileSync(f, 'utf8')));

describe('messages sent to the browser', () => {
  it('hold every namespace a client component translates with', () => {
    expect(clientModules.length).toBeGreaterThan(0);
    for (const file of clientModules) {
      const source = fs.readFileSync(file, 'utf8');
      expect(source, `${file} must name its namespace`).not.toMatch(/useTranslations\(\s*\)/);
      for (const [, namespace] of source.matchAll(/useTranslations\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        expect(CLIENT_NAMESPACES, `${file} reads '${namespace}'`).toContain(namespace.split('.')[0]);
      }
    }
  });

  it('name namespaces that exist', () => {
    for (const ns of CLIENT_NAMESPACES) expect(Object.keys(zh)).toContain(ns);
  });
});

/** The module an import names, when it is one of ours (`@/…` or relative), else null. */
function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : null;
  if (!base) return null;
  return ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => base + ext).find((f) => fs.existsSync(f)) ?? null;
}

/** Every namespace the client components reachable from a module read. */
function clientNamespacesReached(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  if (/^['"]use client['"]/.test(source)) {
    for (const [, ns] of source.matchAll(/useTranslations\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(ns.split('.')[0]);
  }
  for (const [, spec] of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
    const target = resolveImport(file, spec);
    if (target) for (const ns of clientNamespacesReached(target, seen)) found.add(ns);
  }
  return found;
}

describe('messages only some pages send', () => {
  const routes = [...sources('app')].filter((f) => /\/(page|layout|error|not-found)\.tsx$/.test(f));

  it('are wrapped around the client components of each page that reads them', () => {
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.flatMap((file) => {
      const needed = [...clientNamespacesReached(file)].filter((ns) => !(SHARED_CLIENT_NAMESPACES as readonly string[]).includes(ns));
      const source = fs.readFileSync(file, 'utf8');
      const wrapped = [...source.matchAll(/<ClientMessages namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) =>
        [...m[1].matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1]),
      );
      return needed.filter((ns) => !wrapped.includes(ns)).map((ns) => `${file} needs <ClientMessages namespaces={['${ns}']}>`);
    });
    expect(missing).toEqual([]);
  });

  it('leave the import form’s messages out of the dashboard', () => {
    expect([...clientNamespacesReached('app/dashboard/page.tsx')].filter((ns) => !(SHARED_CLIENT_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
    expect(clientNamespacesReached('app/import/page.tsx')).toContain('transfer');
  });
});
