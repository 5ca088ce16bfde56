/** The one wrapper of route handlers: who may call, how each failure is answered, and no caching. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Actor } from '@/lib/rules/authz';
import { AppError, DatabaseUnavailableError, type ErrorCode } from '@/lib/server/errors';
import { RETRY_AFTER_SECONDS, route } from '@/lib/server/route';
import { actAs } from '../support/session-mock';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
const locale = { value: 'zh' };
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => ({ value: locale.value }) }) }));

const leader: Actor = { userId: 7, role: 'LEADER', institutionId: null, name: 'Leader', programs: 'ALL' };
const call = (handler: Parameters<typeof route>[0], options?: Parameters<typeof route>[1]) =>
  route(handler, options)(new Request('http://portal.test/api/thing?x=1'), { params: Promise.resolve({}) });

beforeEach(() => {
  actAs(leader);
  locale.value = 'zh';
});
afterEach(() => vi.restoreAllMocks());

describe('route()', () => {
  it('hands the handler the actor and the params, and marks its answer no-store', async () => {
    const handler = vi.fn(async ({ actor }: { actor: Actor }) => Response.json({ who: actor.userId }, { headers: { 'Cache-Control': 'public, max-age=600' } }));
    const res = await call(handler);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ who: 7 });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a signed-out request 401 and a refused capability 403, as JSON with a message, without running the handler', async () => {
    const handler = vi.fn(async () => Response.json({ secret: true }));
    actAs(null);
    const signedOut = await call(handler);
    expect([signedOut.status, await signedOut.json()]).toEqual([401, { error: 'UNAUTHENTICATED', message: '请先登录：尚未登录或会话已结束。' }]);
    expect(signedOut.headers.get('cache-control')).toBe('no-store');
    actAs(leader);
    locale.value = 'en';
    const refused = await call(handler, { capability: 'audit:read' });
    expect([refused.status, await refused.json()]).toEqual([403, { error: 'FORBIDDEN', message: 'You may not read this.' }]);
    expect(handler).not.toHaveBeenCalled();
  });

  const mapped: [ErrorCode, number][] = [
    ['NOT_FOUND', 404],
    ['FORBIDDEN', 403],
    ['INVALID_INPUT', 400],
    ['CONFLICT', 409],
    ['UNAUTHENTICATED', 401],
  ];
  for (const [code, status] of mapped) {
    it(`maps AppError ${code} to ${status}`, async () => {
      const res = await call(async () => {
        throw new AppError(code);
      });
      expect(res.status).toBe(status);
      expect((await res.json()).error).toBe(code);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  }

  it('maps input the schema refuses to 400', async () => {
    const res = await call(async () => Response.json(z.object({ id: z.number() }).parse({ id: 'x' })));
    expect([res.status, (await res.json()).error]).toEqual([400, 'INVALID_INPUT']);
  });

  it('maps an unreachable database to 503 with Retry-After, logging what to check', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await call(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 1 });
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await res.json()).toEqual({ error: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法访问，请稍后重试。' });
    expect(String(log.mock.calls[0][0])).toContain('Check that PostgreSQL is running');
    const again = await call(async () => {
      throw new DatabaseUnavailableError('test');
    });
    expect(again.status).toBe(503);
  });

  it('answers anything else 500 with a generic message, and logs the error with its stack', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = new TypeError('cannot read properties of undefined (secret detail)');
    const res = await call(async () => {
      throw boom;
    });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: 'UNEXPECTED', message: '发生意外错误，已记录。' });
    expect(JSON.stringify(body)).not.toContain('secret detail');
    expect(log).toHaveBeenCalledWith('GET /api/thing failed:', boom);
    expect(boom.stack).toMatch(/\n\s+at /);
  });
});
