/**
 * Two instances of the portal on one database, as `npm start` runs them, behind
 * nothing but different ports: a session made on one works on the other (and a
 * sign-out on one ends it on both), the sign-in throttle is one count, the job
 * queue does each job once, and concurrent edits through both never lose an
 * update. A database of their own, so their queue and throttle rows touch no
 * other test's data.
 */
import crypto from 'node:crypto';
import PgBoss from 'pg-boss';
import { createPrismaClient } from '@/lib/server/prisma';
import { hashPassword } from '@/lib/server/passwords';
import { DEMO_PASSWORD } from '@/seeds/demo-users';
import { seedDatabase } from '@/seeds/index';
import { NOTICE_JOBS } from '@/scripts/lib/notice-queue';
import { recreateDatabase, withDatabase } from '@/scripts/lib/postgres';
import { prisma } from '@/scripts/lib/prisma-cli';
import { postAction, serverActionId } from '@/scripts/lib/server-action';
import { signInCookie } from '@/scripts/lib/sign-in';
import { expect, test } from './support/fixtures';
import { startInstance, type TestServer } from './support/server';

/** ACCOUNT_MAX_FAILURES of lib/data/throttle.ts (a server-only module): failures that lock an account. */
const ACCOUNT_MAX_FAILURES = 5;
const PORTS = [Number(process.env.E2E_INSTANCE_A_PORT ?? 3196), Number(process.env.E2E_INSTANCE_B_PORT ?? 3197)];

/** A sign-in through the auth API: the session cookie, or null when refused. */
async function trySignIn(base: string, email: string, password: string): Promise<string | null> {
  return signInCookie(base, email, password).catch(() => null);
}

/** Signed in: the account page answers with the user's e-mail; signed out, a redirect to the sign-in page. */
async function signedInAs(base: string, cookie: string): Promise<string | null> {
  const res = await fetch(`${base}/account`, { headers: { cookie }, redirect: 'manual' });
  if (res.status !== 200) return null;
  return (await res.text()).match(/[\w.-]+@pilot\.example/)?.[0] ?? null;
}

async function signOut(base: string, cookie: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [cookie, ...csrfCookie].join('; ') },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  expect(res.status).toBeLessThan(400);
}

test.describe('two instances on one database', () => {
  test.use({ role: null });
  test.describe.configure({ timeout: 300_000 });

  let url = '';
  let instances: TestServer[] = [];

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    url = withDatabase(process.env.E2E_DATABASE_URL ?? '', 'portal_instances');
    await recreateDatabase(url);
    await prisma(['migrate', 'deploy'], url);
    const client = createPrismaClient(url);
    await seedDatabase(client).finally(() => client.$disconnect());
    // One secret for both, as behind a load balancer; each runs its own notice queue.
    const env = { DATABASE_URL: url, NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url') };
    instances = await Promise.all(PORTS.map((port) => startInstance(port, { ...env, NEXTAUTH_URL: `http://127.0.0.1:${port}` })));
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
  });

  test('a session made on one works on the other, and a sign-out on either ends it on both', async () => {
    const [a, b] = instances;
    const cookie = await signInCookie(a.url, 'regulator@pilot.example', DEMO_PASSWORD);
    expect(await signedInAs(b.url, cookie)).toBe('regulator@pilot.example');
    expect(await signedInAs(a.url, cookie)).toBe('regulator@pilot.example');
    await signOut(b.url, cookie);
    expect(await signedInAs(a.url, cookie)).toBeNull();
    expect(await signedInAs(b.url, cookie)).toBeNull();
  });

  test('failed sign-ins on both count against one limit, and the lock holds on both', async () => {
    const [a, b] = instances;
    const email = `throttle-${Date.now()}@pilot.example`;
    const client = createPrismaClient(url);
    try {
      await client.user.create({ data: { email, name: 'throttle', role: 'REGULATOR', allPrograms: true, passwordHash: await hashPassword(DEMO_PASSWORD) } });
    } finally {
      await client.$disconnect();
    }
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) expect(await trySignIn(instances[i % 2].url, email, 'wrong password')).toBeNull();
    // Neither instance alone saw the limit; together they did: the right password is refused on both.
    expect(await trySignIn(a.url, email, DEMO_PASSWORD)).toBeNull();
    expect(await trySignIn(b.url, email, DEMO_PASSWORD)).toBeNull();
  });

  test('the job queue is one: each job, from either instance or from outside, is done once', async () => {
    const boss = new PgBoss({ connectionString: url, max: 1 });
    await boss.start();
    try {
      // Stately: one job waits at a time, so send again until the queue takes this one.
      let id: string | null = null;
      for (let i = 0; i < 50 && !id; i++) {
        id = await boss.send(NOTICE_JOBS.calendar, {});
        if (!id) await new Promise((r) => setTimeout(r, 500));
      }
      expect(id).not.toBeNull();
      const doneBy = () => instances.filter((i) => i.output().includes(`calendar job ${id} done`)).length;
      await expect.poll(doneBy, { timeout: 60_000, intervals: [500] }).toBe(1);
      // Another polling round of both workers: still once.
      await new Promise((r) => setTimeout(r, 11_000));
      expect(doneBy()).toBe(1);
      const job = await boss.getJobById(NOTICE_JOBS.calendar, id!);
      expect(job?.state).toBe('completed');

      // The jobs each instance sent at its start: every id done by exactly one instance.
      const ids = instances.flatMap((i) => [...i.output().matchAll(/calendar job ([0-9a-f-]{36}) done/g)].map((m) => m[1]));
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  test('concurrent edits through both never lose an update: each acknowledged one is in the history, the others hear of the conflict', async () => {
    const cookie = await signInCookie(instances[0].url, 'institution@pilot.example', DEMO_PASSWORD);
    const actionId = serverActionId('editProjectDetailsAction');
    const client = createPrismaClient(url);
    try {
      const project = await client.project.findUniqueOrThrow({ where: { code: 'BJFT-02' }, select: { id: true } });
      const acknowledged: string[] = [];
      for (let round = 0; round < 3; round++) {
        const { version } = await client.project.findUniqueOrThrow({ where: { id: project.id }, select: { version: true } });
        // Eight editors who all read this version, half through each instance, at once.
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, i) => {
            const summary = `round ${round}, editor ${i}`;
            const fields = { projectId: String(project.id), version: String(version), summary, scenarios: '小微企业银税服务' };
            return postAction(instances[i % 2].url, { actionId, page: '/projects/BJFT-02', cookie, fields }).then((answer) => ({ summary, answer }));
          }),
        );
        const saved = answers.filter((a) => a.answer.ok);
        expect(saved, `round ${round}`).toHaveLength(1);
        for (const refused of answers.filter((a) => !a.answer.ok)) expect(refused.answer.message).toBe('CONFLICT');
        acknowledged.push(saved[0].summary);
      }
      const history = await client.auditEntry.findMany({
        where: { projectId: project.id, action: 'PROJECT_EDIT' },
        orderBy: { id: 'asc' },
        select: { after: true },
      });
      expect(history.map((h) => (h.after as { summary: string }).summary)).toEqual(acknowledged);
      const stored = await client.project.findUniqueOrThrow({ where: { id: project.id }, select: { summary: true } });
      expect(stored.summary).toBe(acknowledged.at(-1));
    } finally {
      await client.$disconnect();
    }
  });
});
