/** After signing in, only a path on the portal itself is followed. */
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/rules/callback-url';

const ORIGIN = 'https://portal.example';

describe('the sign-in callback', () => {
  const hostile = [
    '/\\evil.example/x',
    '\\\\evil.example/x',
    '/\\/evil.example',
    '/\t/evil.example/x',
    '/\n/evil.example',
    '\t//evil.example',
    '//evil.example',
    '//evil.example/projects',
    '///evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    'https://evil.example',
    'https://evil.example/projects',
    'http://portal.example/projects',
    'https://portal.example.evil.example/',
    'https://portal.example@evil.example/',
    'https://user:pass@portal.example/projects',
    'HTTPS://EVIL.EXAMPLE',
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:someone@evil.example',
    '',
    'x'.repeat(3000),
  ];
  for (const target of hostile) {
    it(`sends ${JSON.stringify(target.slice(0, 60))} home`, () => {
      expect(safeCallbackPath(target, ORIGIN)).toBe('/');
    });
  }

  it('sends anything that is not a string home', () => {
    for (const target of [undefined, null, 42, ['/projects', '//evil.example'], { href: '/projects' }]) expect(safeCallbackPath(target, ORIGIN)).toBe('/');
  });

  it('keeps paths on the portal, with their query and fragment', () => {
    expect(safeCallbackPath('/projects', ORIGIN)).toBe('/projects');
    expect(safeCallbackPath('/projects?stage=ONLINE&page=2#list', ORIGIN)).toBe('/projects?stage=ONLINE&page=2#list');
    expect(safeCallbackPath('/projects/BJFT-03', ORIGIN)).toBe('/projects/BJFT-03');
    expect(safeCallbackPath('https://portal.example/audit?project=BJFT-02', ORIGIN)).toBe('/audit?project=BJFT-02');
    expect(safeCallbackPath('projects', ORIGIN)).toBe('/projects');
    // An encoded backslash stays encoded: a path on the portal, not a separator.
    expect(safeCallbackPath('/%5Cevil.example/x', ORIGIN)).toBe('/%5Cevil.example/x');
  });

  it('every answer, read by a browser on the portal, stays on the portal', () => {
    const samples = [...['/projects', '/a/../b', '/%2F%2Fevil.example', '/?next=//evil.example', '/#//evil.example'], '/\\evil.example', '//evil.example'];
    for (const target of samples) {
      const path = safeCallbackPath(target, ORIGIN);
      expect(new URL(path, ORIGIN).origin, target).toBe(ORIGIN);
      expect(path.startsWith('/') && !path.startsWith('//'), target).toBe(true);
    }
  });
});
