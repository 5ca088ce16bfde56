/**
 * Against the production server: client mistakes get a 4xx with a message,
 * signed-in answers are never cached, and forwarded headers are only believed
 * from trusted proxies (the sign-in throttle's address, the action origin check).
 */
import pg from 'pg';
import { expect, test } from './support/fixtures';
import { startServer } from './support/server';

const SECOND_PORT = Number(process.env.E2E_DEAD_DB_PORT ?? 3199);

/** Failures the sign-in throttle holds for an address. */
async function addressFailures(address: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ failures: number }>(`SELECT failures FROM "SignInThrottle" WHERE key = $1`, [`address:${address}`]);
    return rows[0]?.failures ?? 0;
  } finally {
    await client.end();
  }
}

/** One failed sign-in with the given extra headers, straight to the auth API. */
async function failedSignIn(base: string, headers: Record<string, string>) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = new URLSearchParams({ csrfToken, email: `nobody-${Date.now()}@pilot.example`, password: 'wrong', json: 'true' });
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  expect(res.status).toBe(401);
}

test.describe('client mistakes get a 4xx and a message', () => {
  test('an upload over the server-action limit: 413', async ({ page, baseURL }) => {
    const res = await page.request.post('/import', {
      headers: { 'next-action': '00'.repeat(21), origin: baseURL!, 'content-type': 'multipart/form-data; boundary=----x' },
      data: Buffer.alloc(7 * 1024 * 1024, 'a'),
    });
    expect(res.status()).toBe(413);
    expect(await res.text()).toBe('上传内容超过 6 MB，已拒绝。导入文件不得超过 5 MB。');
  });

  test('a server action posted from another site: 403, also when it names that site in X-Forwarded-Host', async ({ page }) => {
    const forged: Record<string, string>[] = [{}, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }];
    for (const headers of forged) {
      const res = await page.request.post('/projects/BJFT-02', {
        headers: { 'next-action': '00'.repeat(21), origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8', ...headers },
        data: '[]',
      });
      expect(res.status()).toBe(403);
      expect(await res.text()).toBe('已拒绝：该请求来自其他网站。');
    }
  });

  test('a GET of the credentials callback: 405; the auth error page: 400', async ({ request }) => {
    const callback = await request.get('/api/auth/callback/credentials');
    expect(callback.status()).toBe(405);
    expect(await callback.json()).toEqual({ error: 'METHOD_NOT_ALLOWED', message: '登录须在登录页面以 POST 方式提交。' });
    const error = await request.get('/api/auth/error?error=Configuration');
    expect(error.status()).toBe(400);
    expect(await error.json()).toMatchObject({ error: 'AUTH_ERROR', code: 'Configuration', message: expect.stringContaining('登录失败') });
  });
});

test('every signed-in answer is Cache-Control: no-store', async ({ page }) => {
  const routes = [
    '/',
    '/dashboard',
    '/projects',
    '/projects/BJFT-03',
    '/institutions',
    '/metrics',
    '/leadership',
    '/audit',
    '/proposals',
    '/account',
    '/account/password',
    '/api/audit',
    '/api/filter-options/institutions?programId=1&q=%E9%93%B6%E8%A1%8C',
    '/api/export/projects?format=csv',
    '/api/export/metrics?format=xlsx',
    '/api/templates/metrics',
    '/api/export/nothing',
  ];
  for (const path of routes) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(path === '/api/export/nothing' ? 404 : 200);
    expect(res.headers()['cache-control'], path).toBe('no-store');
  }
});

test.describe('forwarded headers', () => {
  test.use({ role: null });

  test('served directly, a sign-in failure counts against the peer address, not a forged X-Forwarded-For', async ({ baseURL }) => {
    const before = await addressFailures('127.0.0.1');
    await failedSignIn(baseURL!, { 'x-forwarded-for': '203.0.113.66', 'x-portal-peer-address': '203.0.113.67' });
    expect(await addressFailures('127.0.0.1')).toBe(before + 1);
    expect(await addressFailures('203.0.113.66')).toBe(0);
    expect(await addressFailures('203.0.113.67')).toBe(0);
  });

  test('behind one trusted proxy, the right-most X-Forwarded-For entry counts, not the forged ones before it', async () => {
    const server = await startServer(SECOND_PORT, {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXTAUTH_URL: `http://127.0.0.1:${SECOND_PORT}`,
      TRUST_PROXY_HOPS: '1',
    });
    try {
      await failedSignIn(server.url, { 'x-forwarded-for': '6.6.6.6, 198.51.100.77' });
      expect(await addressFailures('198.51.100.77')).toBe(1);
      expect(await addressFailures('6.6.6.6')).toBe(0);
    } finally {
      await server.stop();
    }
  });

  test('over https (NEXTAUTH_URL), answers carry HSTS and the auth cookies are Secure; over http, neither', async ({ request }) => {
    const plain = await request.get('/api/auth/csrf');
    expect(plain.headers()['strict-transport-security']).toBeUndefined();
    expect(plain.headers()['set-cookie']).not.toMatch(/Secure/);
    const server = await startServer(SECOND_PORT, { DATABASE_URL: process.env.E2E_DATABASE_URL ?? '', NEXTAUTH_URL: 'https://portal.example' });
    try {
      const res = await fetch(`${server.url}/api/auth/csrf`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.getSetCookie().join('\n')).toMatch(/^__Host-next-auth\.csrf-token=.*; Secure/m);
      expect((await fetch(`${server.url}/signin`)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await server.stop();
    }
  });
});
