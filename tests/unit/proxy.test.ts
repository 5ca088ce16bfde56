/**
 * proxy.ts, called as Next.js calls it: what it refuses with a 4xx and a
 * message, the forwarded headers it passes on, and the headers it adds.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION_BODY_LIMIT_BYTES, HSTS, proxy } from '@/proxy';

afterEach(() => vi.unstubAllEnvs());

const PORTAL = 'http://127.0.0.1:3610';
const SESSION = 'next-auth.session-token=opaque';

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${PORTAL}${path}`, { method: init.method ?? 'GET', headers: { host: '127.0.0.1:3610', ...init.headers } });
}
const action = (headers: Record<string, string>) => request('/import', { method: 'POST', headers: { 'next-action': 'a1b2', cookie: SESSION, ...headers } });
/** The request headers the proxy hands on to Next.js (x-middleware-request-*). */
const passedOn = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe('refusals', () => {
  it('answers a body over the server-action limit with 413 and a message, in the reader’s language', async () => {
    const res = proxy(action({ 'content-length': String(ACTION_BODY_LIMIT_BYTES + 1), origin: PORTAL }));
    expect(res.status).toBe(413);
    expect(await res.text()).toBe('上传内容超过 6 MB，已拒绝。导入文件不得超过 5 MB。');
    const en = proxy(action({ 'content-length': String(7 * 1024 * 1024), cookie: `${SESSION}; NEXT_LOCALE=en` }));
    expect(await en.text()).toBe('The upload is larger than 6 MB and was refused. Import files may be at most 5 MB.');
    expect(proxy(action({ 'content-length': String(ACTION_BODY_LIMIT_BYTES), origin: PORTAL })).status).toBe(200);
  });

  it('keeps the limit next.config.js gives server actions', async () => {
    const nextConfig = ((await import(/* @vite-ignore */ pathToFileURL(path.resolve('next.config.js')).href)) as { default: NextConfig }).default;
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${ACTION_BODY_LIMIT_BYTES / 1024 / 1024}mb`);
  });

  it('answers a POST from another site with 403 and a message', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null', 'not a url']) {
      const res = proxy(action({ origin }));
      expect(res.status, origin).toBe(403);
      expect(await res.text()).toBe('已拒绝：该请求来自其他网站。');
    }
    expect(proxy(action({ origin: PORTAL })).status).toBe(200);
    // A hand-made request without Origin carries no browser's cookies unasked; Next.js lets it through too.
    expect(proxy(action({})).status).toBe(200);
    // Reading is not refused: a link from another site may open a page.
    expect(proxy(request('/projects', { headers: { origin: 'https://evil.example', cookie: SESSION } })).status).toBe(200);
  });

  it('served directly, a forged X-Forwarded-Host does not make a foreign Origin pass', () => {
    vi.stubEnv('TRUST_PROXY_HOPS', '0');
    const res = proxy(action({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }));
    expect(res.status).toBe(403);
    const ok = proxy(action({ origin: PORTAL, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }));
    expect(ok.status).toBe(200);
    // What Next.js's own server-action check then compares with is the Host, not the forged value.
    expect(passedOn(ok, 'x-forwarded-host')).toBe('127.0.0.1:3610');
    expect(passedOn(ok, 'x-forwarded-proto')).toBe('http');
  });

  it('behind a trusted proxy, its X-Forwarded-Host is the portal’s host', () => {
    vi.stubEnv('TRUST_PROXY_HOPS', '1');
    const behind = (headers: Record<string, string>) => action({ host: '10.0.0.5:3000', ...headers });
    const ok = proxy(behind({ origin: 'https://portal.example', 'x-forwarded-host': 'portal.example', 'x-forwarded-proto': 'https' }));
    expect(ok.status).toBe(200);
    expect(passedOn(ok, 'x-forwarded-host')).toBe('portal.example');
    expect(passedOn(ok, 'x-forwarded-proto')).toBe('https');
    // The client's own entry before the proxy's is not trusted.
    expect(proxy(behind({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example, portal.example' })).status).toBe(403);
  });
});

describe('signed-out visitors', () => {
  it('are sent from a page to the sign-in page, with the page to come back to', () => {
    const res = proxy(request('/projects?stage=ONLINE'));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!).searchParams.get('callbackUrl')).toBe('/projects?stage=ONLINE');
  });

  it('reach the sign-in page, the auth API and the health check, and API routes answer them with 401 themselves', () => {
    for (const path of ['/signin', '/signin?callbackUrl=/x', '/api/auth/csrf', '/api/health', '/api/export/projects', '/api/audit']) {
      expect(proxy(request(path)).headers.get('location'), path).toBeNull();
    }
    expect(proxy(request('/signinx')).status).toBe(307);
  });

  it('reach the public register, its feed, JSON and feedback, the sitemap and robots.txt, and nothing else that looks like them', () => {
    for (const path of [
      '/public',
      '/public/en',
      '/public/projects/BJSB-01',
      '/public/feed.xml',
      '/public/data/BJ-FINTECH-PILOT.json',
      '/sitemap.xml',
      '/robots.txt',
    ]) {
      expect(proxy(request(path)).headers.get('location'), path).toBeNull();
    }
    expect(proxy(request('/public/feedback', { method: 'POST', headers: { origin: PORTAL } })).headers.get('location')).toBeNull();
    for (const path of ['/publicity', '/public-notes', '/sitemap.xml.bak', '/robots.txt/x', '/dashboard', '/projects/BJSB-01']) {
      expect(proxy(request(path)).status, path).toBe(307);
    }
    // A feedback post from another site is refused like any other.
    expect(proxy(request('/public/feedback', { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('response headers', () => {
  it('mark every answer to a signed-in request no-store, and leave public ones alone', () => {
    for (const path of ['/', '/projects', '/api/audit', '/api/export/projects?format=csv', '/api/auth/session', '/signin']) {
      expect(proxy(request(path, { headers: { cookie: SESSION } })).headers.get('cache-control'), path).toBe('no-store');
    }
    expect(proxy(request('/projects', { headers: { cookie: '__Secure-next-auth.session-token.0=a' } })).headers.get('cache-control')).toBe('no-store');
    expect(proxy(request('/api/health')).headers.get('cache-control')).toBeNull();
  });

  it('send HSTS only when the portal is served over https', () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://127.0.0.1:3610');
    expect(proxy(request('/signin')).headers.get('strict-transport-security')).toBeNull();
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example');
    expect(proxy(request('/signin')).headers.get('strict-transport-security')).toBe(HSTS);
    expect(proxy(request('/projects')).headers.get('strict-transport-security')).toBe(HSTS);
  });
});
