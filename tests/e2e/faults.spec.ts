/**
 * The portal when PostgreSQL is gone, against production servers of the build:
 * pages, route handlers and the health check answer 503 with Retry-After and a
 * page that says the data is unavailable (in the reader's language); and across
 * a restart of PostgreSQL a writer loses no acknowledged write, and the portal
 * answers again within 10 seconds without being restarted.
 */
import path from 'node:path';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { createPrismaClient } from '@/lib/server/prisma';
import { DEMO_PASSWORD } from '@/seeds/demo-users';
import { seedDatabase } from '@/seeds/index';
import { recreateDatabase, startEmbeddedPostgres, type EmbeddedPostgresOptions, type PostgresServer } from '@/scripts/lib/postgres';
import { prisma } from '@/scripts/lib/prisma-cli';
import { postAction, serverActionId } from '@/scripts/lib/server-action';
import { signInCookie } from '@/scripts/lib/sign-in';
import { storedValues, valueFields, valueKey, dayOf } from '@/scripts/lib/value-writes';
import { expect, test } from './support/fixtures';
import { startServer, type TestServer } from './support/server';

const DEAD_PORT = Number(process.env.E2E_DEAD_DB_PORT ?? 3199);
const FAULT_PORT = Number(process.env.E2E_FAULT_PORT ?? 3198);
const FAULT_PG_PORT = Number(process.env.E2E_FAULT_PG_PORT ?? 54378);

const TITLE = { zh: '暂时无法读取数据', en: 'Data is unavailable right now' };

/** A page fetched with the session cookie in a language: status, Retry-After and the text. */
async function fetchPage(url: string, cookie: string, locale: 'zh' | 'en') {
  const res = await fetch(url, { headers: { cookie: `${cookie}; ${LOCALE_COOKIE}=${locale}` }, redirect: 'manual' });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
}

async function expectUnavailable(server: TestServer, cookie: string) {
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(503);
  expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await health.json()).toEqual({ status: 'error', db: 'unavailable', reason: 'database unreachable' });

  for (const locale of ['zh', 'en'] as const) {
    for (const page of ['/projects', '/dashboard', '/projects/BJFT-02']) {
      const answer = await fetchPage(`${server.url}${page}`, cookie, locale);
      expect(answer.status, `${page} (${locale})`).toBe(503);
      expect(Number(answer.retryAfter), page).toBeGreaterThan(0);
      expect(answer.text, `${page} (${locale})`).toContain(TITLE[locale]);
    }
  }
  const api = await fetch(`${server.url}/api/audit`, { headers: { cookie } });
  expect(api.status).toBe(503);
  expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await api.json()) as { error: string }).error).toBe('DATABASE_UNAVAILABLE');
}

test('a database that is down gives 503 with Retry-After, a clear page and a log line saying what to check', async ({ page, context }) => {
  // Same host, another port: the signed-in session cookie reaches this server too.
  const server = await startServer(DEAD_PORT, { DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:1/nothing' });
  try {
    const cookie = (await context.cookies())
      .filter((c) => c.name.includes('session-token'))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    await expectUnavailable(server, cookie);

    const response = await page.goto(`${server.url}/projects`);
    expect(response?.status()).toBe(503);
    await expect(page.getByTestId('db-unavailable')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(TITLE.zh);

    const log = server.output();
    expect(log).toContain('Check that PostgreSQL is running');
    expect(log).toContain('DATABASE_URL');
    expect(log).not.toMatch(/\n\s+at [\w<]/);
  } finally {
    await server.stop();
  }
});

test.describe('a restart of PostgreSQL under a writer', () => {
  test.use({ role: null });
  test.setTimeout(240_000);

  const pgOptions: EmbeddedPostgresOptions = {
    dir: path.resolve('.data', 'e2e-fault-postgres'),
    port: FAULT_PG_PORT,
    portSetting: 'E2E_FAULT_PG_PORT',
    log: path.resolve('.data', 'e2e-fault-postgres.log'),
  };

  test('loses no acknowledged write, answers 503 meanwhile and recovers within 10 s without restarting the app', async () => {
    let postgres: PostgresServer | undefined = await startEmbeddedPostgres(pgOptions);
    const url = postgres.url('portal_faults');
    await recreateDatabase(url);
    await prisma(['migrate', 'deploy'], url);
    const client = createPrismaClient(url);
    await seedDatabase(client).finally(() => client.$disconnect());
    const project = await (async () => {
      const c = createPrismaClient(url);
      try {
        return await c.project.findUniqueOrThrow({ where: { code: 'BJFT-02' }, select: { id: true } });
      } finally {
        await c.$disconnect();
      }
    })();

    const server = await startServer(FAULT_PORT, { DATABASE_URL: url, NEXTAUTH_URL: `http://127.0.0.1:${FAULT_PORT}` });
    try {
      const cookie = await signInCookie(server.url, 'institution@pilot.example', DEMO_PASSWORD);
      const actionId = serverActionId('recordMetricAction');
      const note = `fault-writer-${Date.now()}`;
      const target = { projectId: project.id, indicatorCode: 'USERS', unit: '人次', note };

      // Two writers record values throughout; each acknowledged write is noted with the time of its answer.
      const acknowledged: { key: string; at: number }[] = [];
      let refused = 0;
      let next = 0;
      let writing = true;
      const writer = async () => {
        while (writing) {
          const n = next++;
          const answer = await postAction(server.url, { actionId, page: '/projects/BJFT-02', cookie, fields: valueFields(n, target) }).catch(() => null);
          if (answer?.ok) acknowledged.push({ key: valueKey(target, dayOf(n)), at: Date.now() });
          else {
            refused += 1;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      };
      const writers = [writer(), writer()];
      await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(3);

      await postgres.stop();
      postgres = undefined;
      const stoppedAt = Date.now();
      await expectUnavailable(server, cookie);
      // Down for a few seconds in all, with the writers still at it.
      await new Promise((r) => setTimeout(r, Math.max(0, 4_000 - (Date.now() - stoppedAt))));

      postgres = await startEmbeddedPostgres(pgOptions);
      const restartedAt = Date.now();
      let healthy = 0;
      while (Date.now() - restartedAt < 10_000) {
        const health = await fetch(`${server.url}/api/health`).catch(() => null);
        const projects = await fetchPage(`${server.url}/projects`, cookie, 'zh').catch(() => null);
        if (health?.status === 200 && projects?.status === 200) {
          healthy = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(healthy, 'answers again within 10 s of the restart').toBeGreaterThan(0);
      const ackedAfterRestart = () => acknowledged.filter((a) => a.at > restartedAt).length;
      await expect.poll(ackedAfterRestart, { timeout: 20_000 }).toBeGreaterThan(3);
      writing = false;
      await Promise.all(writers);

      expect(refused, 'writes were refused while the database was down').toBeGreaterThan(0);
      const stored = await storedValues(url, note);
      const lost = acknowledged.filter((a) => !stored.has(a.key));
      expect(lost, `${acknowledged.length} acknowledged, ${stored.size} stored`).toEqual([]);
      console.log(
        `faults: ${acknowledged.length} writes acknowledged, ${stored.size} stored, ${refused} refused; answering ${healthy - restartedAt} ms after the restart`,
      );
    } finally {
      await server.stop();
      await postgres?.stop();
    }
  });
});
