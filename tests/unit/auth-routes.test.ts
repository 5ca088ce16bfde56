/** next-auth's endpoints answer a client's mistakes with a 4xx and a message, not a 500. */
import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/auth/[...nextauth]/route';

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
  headers: async () => new Headers(),
}));

const get = (path: string, nextauth: string[]) => GET(new Request(`http://portal.test/api/auth/${path}`), { params: Promise.resolve({ nextauth }) });

describe('the auth API', () => {
  it('answers a GET of the credentials callback 405, saying sign-in is a POST', async () => {
    const res = await get('callback/credentials', ['callback', 'credentials']);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ error: 'METHOD_NOT_ALLOWED', message: '登录须在登录页面以 POST 方式提交。' });
  });

  it('answers its error page 400 with the code named, whatever code a visitor types', async () => {
    const res = await get('error?error=Configuration', ['error']);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'AUTH_ERROR',
      code: 'Configuration',
      message: '登录失败（Configuration）。请打开登录页面重试；如仍失败，请联系管理员。',
      signIn: '/signin',
    });
    for (const code of ['AccessDenied', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '']) {
      const other = await get(`error?error=${code}`, ['error']);
      expect(other.status).toBe(400);
      expect(JSON.stringify(await other.json())).not.toContain('<script>');
    }
  });
});
