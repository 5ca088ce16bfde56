import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installUnavailableStatus, markDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/server/unavailable-status';

/** A server whose handler fails with 500, after a database call failed or not, later in the request (as a page's render does). */
let server: http.Server;
let base = '';
beforeAll(async () => {
  installUnavailableStatus();
  server = http.createServer((req, res) => {
    setTimeout(async () => {
      await Promise.resolve();
      if (req.url === '/db-down') markDatabaseUnavailable();
      res.statusCode = req.url === '/ok' ? 200 : 500;
      res.end('body');
    }, 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a failed page while the database is unavailable', () => {
  it('answers 503 with Retry-After instead of 500', async () => {
    const res = await fetch(`${base}/db-down`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await res.text()).toBe('body');
  });

  it('leaves any other 500, and every success, as it was, also for requests beside a marked one', async () => {
    const [other, marked, ok] = await Promise.all([fetch(`${base}/bug`), fetch(`${base}/db-down`), fetch(`${base}/ok`)]);
    expect(other.status).toBe(500);
    expect(other.headers.get('retry-after')).toBeNull();
    expect(marked.status).toBe(503);
    expect(ok.status).toBe(200);
  });

  it('does nothing outside a request', () => {
    expect(() => markDatabaseUnavailable()).not.toThrow();
  });
});
