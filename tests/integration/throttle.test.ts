/** Sign-in throttling: per account and per address, in PostgreSQL, shared by every instance. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizeCredentials } from '@/lib/server/auth';
import { hashPassword } from '@/lib/server/passwords';
import { ACCOUNT_MAX_FAILURES, accountKey, ADDRESS_MAX_FAILURES, addressKey, isThrottled, LOCK_MS, recordFailure } from '@/lib/data/throttle';
import { PEER_ADDRESS_HEADER } from '@/lib/server/client-address';
import { resetDatabase, testClient } from '../support/db';

const prisma = testClient();
const PASSWORD = 'correct-horse-battery';

beforeAll(async () => {
  await resetDatabase(prisma);
  await prisma.user.create({ data: { email: 'alice@bank.example', name: 'Alice', role: 'LEADER', passwordHash: await hashPassword(PASSWORD) } });
  await prisma.user.create({ data: { email: 'bob@bank.example', name: 'Bob', role: 'LEADER', passwordHash: await hashPassword(PASSWORD) } });
});
beforeEach(() => prisma.signInThrottle.deleteMany());
afterEach(() => vi.unstubAllEnvs());
afterAll(() => prisma.$disconnect());

/** A request as the server hands it over: the peer address in its own header (set from the socket), plus any client headers. */
const from = (ip: string, headers: Record<string, string> = {}) => ({ headers: { [PEER_ADDRESS_HEADER]: ip, ...headers } });
const attempt = (email: string, password: string, ip: string, headers?: Record<string, string>) => authorizeCredentials({ email, password }, from(ip, headers));
const addressFailures = async (address: string) => (await prisma.signInThrottle.findUnique({ where: { key: addressKey(address) } }))?.failures ?? 0;

describe('sign-in throttle', () => {
  it('locks an account after 5 failures, even for the right password, from any address', async () => {
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) expect(await attempt('alice@bank.example', 'wrong', `198.51.100.${i}`)).toBeNull();
    await expect(attempt('alice@bank.example', PASSWORD, '203.0.113.9')).rejects.toThrow('THROTTLED');
    expect(await attempt('bob@bank.example', PASSWORD, '203.0.113.9')).toMatchObject({ email: 'bob@bank.example' });
  });

  it(`locks an address after ${ADDRESS_MAX_FAILURES} failures across accounts, not after one person's typos`, async () => {
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) expect(await attempt('alice@bank.example', 'typo', '192.0.2.7')).toBeNull();
    expect(await attempt('bob@bank.example', PASSWORD, '192.0.2.7')).not.toBeNull();
    for (let i = ACCOUNT_MAX_FAILURES; i < ADDRESS_MAX_FAILURES; i++) await recordFailure([addressKey('192.0.2.7')]);
    await expect(attempt('bob@bank.example', PASSWORD, '192.0.2.7')).rejects.toThrow('THROTTLED');
    expect(await attempt('bob@bank.example', PASSWORD, '192.0.2.8')).not.toBeNull();
  });

  it('served directly (TRUST_PROXY_HOPS=0), a forged X-Forwarded-For changes nothing: the peer address is counted', async () => {
    vi.stubEnv('TRUST_PROXY_HOPS', '0');
    for (let i = 0; i < 3; i++) await attempt(`nobody${i}@bank.example`, 'wrong', '192.0.2.9', { 'x-forwarded-for': `203.0.113.${i}` });
    expect(await addressFailures('192.0.2.9')).toBe(3);
    expect(await prisma.signInThrottle.count({ where: { key: { startsWith: 'address:203.0.113.' } } })).toBe(0);
    await recordFailure(Array.from({ length: ADDRESS_MAX_FAILURES - 3 }, () => addressKey('192.0.2.9')));
    await expect(attempt('bob@bank.example', PASSWORD, '192.0.2.9', { 'x-forwarded-for': '198.51.100.77' })).rejects.toThrow('THROTTLED');
  });

  it('behind one trusted proxy (TRUST_PROXY_HOPS=1), the entry that proxy appended counts, not the forged ones before it', async () => {
    vi.stubEnv('TRUST_PROXY_HOPS', '1');
    const proxy = '10.0.0.1';
    for (let i = 0; i < 3; i++) await attempt(`nobody${i}@bank.example`, 'wrong', proxy, { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.20` });
    expect(await addressFailures('198.51.100.20')).toBe(3);
    expect(await addressFailures(proxy)).toBe(0);
    expect(await prisma.signInThrottle.count({ where: { key: { startsWith: 'address:203.0.113.' } } })).toBe(0);
    await recordFailure(Array.from({ length: ADDRESS_MAX_FAILURES - 3 }, () => addressKey('198.51.100.20')));
    await expect(attempt('bob@bank.example', PASSWORD, proxy, { 'x-forwarded-for': '192.0.2.200, 198.51.100.20' })).rejects.toThrow('THROTTLED');
    expect(await attempt('bob@bank.example', PASSWORD, proxy, { 'x-forwarded-for': '198.51.100.20, 198.51.100.21' })).not.toBeNull();
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
});
