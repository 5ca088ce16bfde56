import { describe, expect, it } from 'vitest';
import { asDatabaseUnavailable, DatabaseUnavailableError, isUniqueViolation } from '@/lib/server/errors';

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

  it('recognises what node-postgres throws when the server is away or refuses the connection', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 5 });
    expect(asDatabaseUnavailable(refused)?.message).toContain('ECONNREFUSED at 127.0.0.1:5');
    for (const code of ['08006', '28P01', '3D000', '53300', '57P01']) {
      expect(asDatabaseUnavailable(Object.assign(new Error('refused'), { code }))?.message).toContain(`PostgreSQL ${code}`);
    }
    expect(asDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('leaves ordinary query errors alone', () => {
    expect(asDatabaseUnavailable({ code: 'P2002', meta: { target: ['code'] } })).toBeNull();
    // A unique violation, a syntax error and a division by zero are the query's fault, not the connection's.
    for (const code of ['23505', '42601', '22012']) expect(asDatabaseUnavailable(Object.assign(new Error('query'), { code }))).toBeNull();
    expect(asDatabaseUnavailable(new Error('boom'))).toBeNull();
    expect(asDatabaseUnavailable(null)).toBeNull();
  });
});

describe('unique violations', () => {
  it('are recognised from Prisma and from node-postgres, and nothing else is one', () => {
    expect(isUniqueViolation({ code: 'P2002', meta: { target: ['email'] } })).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(true);
    for (const other of [{ code: 'P2025' }, Object.assign(new Error('x'), { code: '23503' }), new Error('P2002'), null, 'P2002']) {
      expect(isUniqueViolation(other)).toBe(false);
    }
  });
});
