import { describe, expect, it } from 'vitest';
import { asDatabaseUnavailable, DatabaseUnavailableError } from '@/lib/errors';

describe('database-unavailable errors', () => {
  it('recognises the adapter saying the server is unreachable, and names what to check', () => {
    const err = asDatabaseUnavailable({
      code: 'P1001',
      meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 } } },
    });
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err?.message).toContain('DatabaseNotReachable at 127.0.0.1:1');
    expect(err?.message).toContain('DATABASE_URL');
    expect(err?.digest).toBe('DATABASE_UNAVAILABLE');
    expect(err?.stack).not.toMatch(/\n\s+at /);
  });

  it('leaves ordinary query errors alone', () => {
    expect(asDatabaseUnavailable({ code: 'P2002', meta: { target: ['code'] } })).toBeNull();
    expect(asDatabaseUnavailable(new Error('boom'))).toBeNull();
    expect(asDatabaseUnavailable(null)).toBeNull();
  });
});
