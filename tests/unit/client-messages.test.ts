import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES } from '@/lib/i18n/config';
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
