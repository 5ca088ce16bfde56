/** Sign-in throttling: per account and per address, in PostgreSQL, shared by every instance. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authorizeCredentials } from '@/lib/server/auth';
import { hashPassword } from '@/lib/server/passwords';
import { accountKey, addressKey, clientAddress, isThrottled, LOCK_MS, recordFailure } from '@/lib/data/throttle';
import { resetDatabase, testClient } from '../support/db';

const prisma = testClient();
const PASSWORD = 'correct-horse-battery';

beforeAll(async () => {
  await resetDatabase(prisma);
  await prisma.user.create({ data: { email: 'alice@bank.example', name: 'Alice', role: 'LEADER', passwordHash: await hashPassword(PASSWORD) } });
  await prisma.user.create({ data: { email: 'bob@bank.example', name: 'Bob', role: 'LEADER', passwordHash: await hashPassword(PASSWORD) } });
});
beforeEach(() => prisma.signInThrottle.deleteMany());
afterAll(() => prisma.$disconnect());

const from = (ip: string) => ({ headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } });
const attempt = (email: string, password: string, ip: string) => authorizeCredentials({ email, password }, from(ip));

describe('sign-in throttle', () => {
  it('locks an account after 5 failures, even for the right password, from any address', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt('alice@bank.example', 'wrong', `198.51.100.${i}`)).toBeNull();
    await expect(attempt('alice@bank.example', PASSWORD, '203.0.113.9')).rejects.toThrow('THROTTLED');
    expect(await attempt('bob@bank.example', PASSWORD, '203.0.113.9')).toMatchObject({ email: 'bob@bank.example' });
  });

  it('locks an address after 5 failures across accounts', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt(`nobody${i}@bank.example`, 'wrong', '192.0.2.7')).toBeNull();
    await expect(attempt('bob@bank.example', PASSWORD, '192.0.2.7')).rejects.toThrow('THROTTLED');
    expect(await attempt('bob@bank.example', PASSWORD, '192.0.2.8')).not.toBeNull();
  });

  it('four failures do not lock, and a success clears the account count', async () => {
    for (let i = 0; i < 4; i++) await attempt('alice@bank.example', 'wrong', `198.51.100.${i}`);
    expect(await attempt('alice@bank.example', PASSWORD, '198.51.100.50')).not.toBeNull();
    for (let i = 0; i < 4; i++) await attempt('alice@bank.example', 'wrong', `198.51.100.${i}`);
    expect(await attempt('alice@bank.example', PASSWORD, '198.51.100.51')).not.toBeNull();
  });

  it('a lock ends after 15 minutes, and failures older than the window start a new count', async () => {
    const t0 = new Date('2026-01-01T08:00:00Z');
    const key = accountKey('carol@bank.example');
    for (let i = 0; i < 5; i++) await recordFailure([key], new Date(t0.getTime() + i * 1000));
    expect(await isThrottled([key], new Date(t0.getTime() + 10_000))).toBe(true);
    expect(await isThrottled([key], new Date(t0.getTime() + 4000 + LOCK_MS + 1))).toBe(false);
    const later = new Date(t0.getTime() + 60 * 60 * 1000);
    await recordFailure([key], later);
    expect(await prisma.signInThrottle.findUniqueOrThrow({ where: { key } })).toMatchObject({ failures: 1, windowStart: later });
  });

  it('counts concurrent failures exactly (several instances share the table)', async () => {
    const key = addressKey('198.18.0.1');
    await Promise.all(Array.from({ length: 12 }, () => recordFailure([key])));
    expect((await prisma.signInThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(12);
  });

  it('reads the client address from the proxy headers', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.1, 10.0.0.2' })).toBe('203.0.113.1');
    expect(clientAddress({ 'x-real-ip': '203.0.113.2' })).toBe('203.0.113.2');
    expect(clientAddress({})).toBe('unknown');
  });
});
