/**
 * `npm run loadtest`: the portal under steady load from several signed-in
 * users at once, reading pages and writing. It builds the app if the build is
 * stale, seeds a database of its own (`portal_loadtest`, on DATABASE_URL's
 * server, else the embedded one in .data/bench-postgres on BENCH_PG_PORT),
 * starts the production build on BENCH_PORT, signs in a regulator, a leader
 * and an institution user, and holds LOADTEST_CONNECTIONS connections (32)
 * for LOADTEST_SECONDS (60) over this mix, each connection in turn:
 *   regulator: /dashboard, /projects, /projects/BJFT-06
 *   leader: /leadership
 *   institution: /projects/BJFT-02, and records an outcome value on it
 * The write is the form post a browser makes (recordMetricAction through
 * runAction: the permission, the schema, the data layer, the audit entry, the
 * revalidation, and the page's new payload in the answer); each one carries a
 * date of its own. It prints `name=value` lines: requests, rps, errors (must
 * be 0: failed connections, timeouts, non-2xx answers, a page without its
 * content, a write not acknowledged), p50_ms and p99_ms (the target is p99
 * under 2 s), and the writes acknowledged against the rows stored (none may
 * be missing). It exits 1 when anything failed. Localhost only.
 */
import crypto from 'node:crypto';
import { createPrismaClient } from '../lib/server/prisma';
import { DEMO_PASSWORD } from '../seeds/demo-users';
import { seedDatabase } from '../seeds/index';
import { buildIfStale } from './lib/build';
import { startServer } from './lib/next-server';
import { benchmarkServer, recreateDatabase, withDatabase } from './lib/postgres';
import { prisma } from './lib/prisma-cli';
import { readActionAnswer, actionRequest, serverActionId } from './lib/server-action';
import { signInCookie } from './lib/sign-in';
import { loadMix, type MixRequest } from './lib/throughput';
import { dayOf, emptyTargets, storedValues, valueFields, valueKey } from './lib/value-writes';

const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 32);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const P99_TARGET_MS = 2_000;

const out = (name: string, value: number | string) => console.log(`${name}=${typeof value === 'number' ? Math.round(value * 100) / 100 : value}`);

async function seededDatabase(server: string): Promise<string> {
  const url = withDatabase(server, 'portal_loadtest');
  await recreateDatabase(url);
  await prisma(['migrate', 'deploy'], url);
  const client = createPrismaClient(url);
  try {
    await seedDatabase(client);
    return url;
  } finally {
    await client.$disconnect();
  }
}

/** A page counts as served when it answers 200 with this mark of its content (not an error page). */
const page = (path: string, cookie: string, mark: string): MixRequest => ({
  path,
  headers: { cookie },
  accept: (status, body) => status === 200 && body.includes(mark) && !body.includes('data-testid="error"'),
});

async function main() {
  const { server, stop: stopPostgres } = await benchmarkServer();
  try {
    console.log((await buildIfStale()) === 'built' ? 'built the app' : 'the build is current');
    const url = await seededDatabase(server);
    const app = await startServer(PORT, {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    });
    try {
      const [regulator, leader, institution] = await Promise.all(
        ['regulator@pilot.example', 'leader@pilot.example', 'institution@pilot.example'].map((email) => signInCookie(app.url, email, DEMO_PASSWORD)),
      );
      const actionId = serverActionId('recordMetricAction');
      // The institution's two projects, each indicator it has no value for yet: writes spread over them in turn.
      const note = `loadtest-${Date.now()}`;
      const targets = await emptyTargets(url, ['BJFT-02', 'BJFT-06'], note);
      let next = 0;
      const acknowledged: string[] = [];
      const refusals = new Map<string, number>();
      const write: MixRequest = {
        method: 'POST',
        path: '/projects/BJFT-02',
        headers: { ...actionRequest(actionId, {}).headers, cookie: institution, origin: app.url },
        body: (context) => {
          const n = next++;
          const target = targets[n % targets.length];
          const day = Math.floor(n / targets.length);
          context.key = valueKey(target, dayOf(day));
          return actionRequest(actionId, valueFields(day, target)).body;
        },
        accept: (status, body, context) => {
          const answer = readActionAnswer(status, body);
          if (answer.ok) acknowledged.push(String(context.key));
          else {
            const why = [
              answer.message ?? `no result (${status})`,
              ...Object.entries(answer.fieldErrors ?? {}).map(([f, codes]) => `${f}:${codes.join('+')}`),
            ].join('_');
            refusals.set(why, (refusals.get(why) ?? 0) + 1);
          }
          return answer.ok;
        },
      };
      const mix = [
        page('/dashboard', regulator, 'data-kpi="projects"'),
        page('/projects/BJFT-02', institution, 'BJFT-02'),
        page('/projects', regulator, 'data-testid="result-count"'),
        write,
        page('/leadership', leader, 'data-testid="programs-overview"'),
        page('/projects/BJFT-06', regulator, 'BJFT-06'),
      ];
      // A cold server compiles and fills its caches on the first requests: each page once, in turn, before the clock starts.
      for (const request of mix.filter((r) => r.method !== 'POST'))
        for (let i = 0; i < 3; i++) await fetch(`${app.url}${request.path}`, { headers: request.headers }).then((res) => res.text());
      out('connections', CONNECTIONS);
      out('write_targets', targets.length);
      out('seconds', SECONDS);
      const result = await loadMix(app.url, { connections: CONNECTIONS, seconds: SECONDS, timeoutSeconds: 30, mix });
      const stored = await storedValues(url, note);
      const lost = acknowledged.filter((key) => !stored.has(key)).length;
      out('requests', result.requests);
      out('rps', result.rps);
      out('errors', result.errors);
      out('p50_ms', result.p50);
      out('p99_ms', result.p99);
      out('p99_target_met', result.p99 < P99_TARGET_MS ? 'yes' : 'no');
      // Sent but not acknowledged: refused, or still on their way when the clock stopped (those may be stored).
      out('writes_sent', next);
      out('writes_acknowledged', acknowledged.length);
      out('writes_stored', stored.size);
      out('writes_lost', lost);
      for (const [message, count] of refusals) out(`writes_refused_${message}`, count);
      for (const [what, count] of Object.entries(result.failures)) out(`failed ${what}`, count);
      if (result.errors > 0 || lost > 0 || acknowledged.length === 0) {
        console.error(app.output().split('\n').slice(-30).join('\n'));
        process.exitCode = 1;
      }
    } finally {
      await app.stop();
    }
  } finally {
    await stopPostgres();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
