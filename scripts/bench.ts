/**
 * `npm run bench`: how the dashboard scales. For each scale (46, 1,000 and
 * 10,000 projects by default; `npm run bench -- 46 1000` picks others) it builds
 * a synthetic program in a database of its own, starts the production build
 * against it, and prints `name=value` lines:
 *   page_ms_<n>   median time of GET /dashboard?program=<code>, to the last byte, over REQUESTS requests
 *   sql_ms_<n>    median time of the same aggregate statements run directly on node-postgres (in parallel, as the page's cards run them)
 *   ratio_<n>     page_ms / sql_ms; each of these page requests is a first view: the program's data
 *                 stamp is bumped before it, so no cached aggregate serves it (lib/data/program-cache.ts)
 *   repeat_page_ms_<n>, repeat_ratio_<n>   the same page asked again right after, nothing written
 *                 in between (the aggregates come from the cache), and its time / sql_ms
 * At the smallest scale, throughput of the same server at 16 and 32 connections
 * (autocannon, THROUGHPUT_SECONDS each): the signed-in dashboard (repeat views),
 * /api/health and a static chunk, as dashboard_rps_<c>, health_rps_<c>,
 * static_rps_<c>, dashboard_p99_ms_<c> and dashboard_to_health_<c>.
 * Page requests and statement runs alternate, so both medians come from the same minutes,
 * and at the end growth = page_ms at the largest scale / page_ms at the smallest.
 * Then one program among many: 20 synthetic programs of 500 projects each in one
 * database against a lone program of 500 in another, both servers up, requests
 * alternating (`npm run bench -- programs` runs only this case):
 *   programs_page_ms_lone     median dashboard time of the lone program
 *   programs_page_ms_shared   median dashboard time of one of the 20 (each in turn)
 *   programs_ratio            shared / lone (the target is within 1.2)
 * Then the public register under load (`npm run bench -- public` runs only this
 * case; scripts/lib/bench-public.ts): public_rps, static_rps and public_ratio.
 * The database server is DATABASE_URL's when set, else an embedded PostgreSQL in
 * .data/bench-postgres on BENCH_PG_PORT; the web server listens on BENCH_PORT.
 */
import { Prisma } from '../lib/generated/prisma/client';
import type { Actor } from '../lib/rules/authz';
import type { Lifecycle } from '../lib/rules/stages';
import * as q from '../lib/data/dashboard-queries';
import { createPool, createPrismaClient } from '../lib/server/prisma';
import { sqlRunner } from '../lib/server/sql';
import { benchPublic } from './lib/bench-public';
import { buildIfStale } from './lib/build';
import { median, out, startNext } from './lib/next-server';
import { benchmarkServer, recreateDatabase, withDatabase } from './lib/postgres';
import { prisma as prismaCli } from './lib/prisma-cli';
import { hashPassword } from '../lib/server/passwords';
import { signInCookie } from './lib/sign-in';
import { throughput } from './lib/throughput';
import { buildSyntheticProgram, syntheticCode } from './lib/synthetic';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 25);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const WARMUP = 5;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const args = process.argv.slice(2);
const scales = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
const onlyPrograms = args.includes('programs');
const onlyPublic = args.includes('public');
const SCALES = scales.length || onlyPrograms || onlyPublic ? scales : [46, 1_000, 10_000];
const PROGRAMS = 20;
const PER_PROGRAM = 500;
const actor: Actor = { userId: 0, role: 'REGULATOR', institutionId: null, name: 'bench', programs: 'ALL' };
const BENCH_USER = 'bench@bench.example';
const BENCH_PASSWORD = 'bench-only-password';

async function timePage(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200 || !body.includes('data-kpi="projects"')) throw new Error(`GET ${url} answered ${res.status} without the dashboard`);
  return ms;
}

/** A fresh database holding the synthetic programs given by code, each of `n` projects, and the bench user. */
async function prepareDatabase(server: string, name: string, codes: string[], n: number) {
  const url = withDatabase(server, name);
  await recreateDatabase(url);
  await prismaCli(['migrate', 'deploy'], url);
  for (const code of codes) await buildSyntheticProgram(url, n, code);
  const pool = createPool(url);
  const client = createPrismaClient(pool);
  try {
    // The page is measured as a regulator sees it: signed in, every request re-reading the actor.
    await client.user.create({
      data: { email: BENCH_USER, name: 'bench', role: 'REGULATOR', allPrograms: true, passwordHash: await hashPassword(BENCH_PASSWORD) },
    });
  } finally {
    await client.$disconnect();
    await pool.end();
  }
  return url;
}

/** Requests per second of the dashboard beside /api/health and a static file, from one server. */
async function benchThroughput(base: string, dashboard: string, cookie: string) {
  const html = await (await fetch(dashboard, { headers: { cookie } })).text();
  const chunk = html.match(/\/_next\/static\/chunks\/[^"']+\.js/)?.[0];
  if (!chunk) throw new Error('the dashboard names no static chunk');
  for (const connections of [16, 32]) {
    const options = { connections, seconds: THROUGHPUT_SECONDS };
    const page = await throughput(dashboard, { ...options, headers: { cookie } });
    const health = await throughput(`${base}/api/health`, options);
    const file = await throughput(base + chunk, options);
    out(`dashboard_rps_${connections}`, page.rps);
    out(`dashboard_p99_ms_${connections}`, page.p99);
    out(`dashboard_errors_${connections}`, page.errors);
    out(`health_rps_${connections}`, health.rps);
    out(`static_rps_${connections}`, file.rps);
    out(`dashboard_to_health_${connections}`, page.rps / health.rps);
  }
}

async function benchScale(server: string, n: number, measureThroughput: boolean) {
  const built = performance.now();
  const url = await prepareDatabase(server, `portal_bench_${n}`, [syntheticCode(n)], n);
  out(`build_s_${n}`, (performance.now() - built) / 1000);

  const pool = createPool(url);
  const client = createPrismaClient(pool);
  const run = sqlRunner(pool);
  try {
    const [program] = await client.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT id FROM "Program" WHERE code = ${syntheticCode(n)}`);
    const [counts] = await client.$queryRaw<{ projects: number; values: number }[]>(Prisma.sql`
      SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "MetricValue")::int AS values`);
    out(`projects_${n}`, counts.projects);
    out(`metric_values_${n}`, counts.values);
    const [lifecycle] = await run<Lifecycle>(Prisma.sql`
      SELECT l.id, l.code, l.name, l."nameEn", l."hasStatement",
        json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'nameEn', s."nameEn", 'sortOrder', s."sortOrder", 'meaning', s.meaning,
          'onPath', s."onPath", 'requiresApproval', s."requiresApproval", 'kpiKey', s."kpiKey", 'statementOpen', s."statementOpen", 'requiresAssessment', s."requiresAssessment") ORDER BY s."sortOrder") AS stages
      FROM "Lifecycle" l JOIN "LifecycleStage" s ON s."lifecycleId" = l.id
      WHERE l.id = (SELECT "lifecycleId" FROM "Program" WHERE id = ${program.id}) GROUP BY l.id`);
    const scope = { actor, targets: { programId: program.id, filters: {} }, lifecycle };
    // In the order the page starts them (lib/data/dashboard.ts, preloadDashboard).
    const aggregates = () =>
      Promise.all([
        q.queryIndicators(run, scope),
        q.queryCumulativeByMonth(run, scope),
        q.queryHeadline(run, scope),
        q.queryTechnologies(run, scope),
        q.queryFields(run, scope),
        q.queryDirectionStages(run, scope),
      ]);
    const timeAggregates = async () => {
      const started = performance.now();
      await aggregates();
      return performance.now() - started;
    };

    // A write anywhere in the program bumps its stamp (a trigger); bumping it directly makes the next view a first one.
    const changeProgram = () => client.$executeRaw`UPDATE "ProgramDataStamp" SET version = version + 1 WHERE "programId" = ${program.id}`;
    const stop = await startNext(url, PORT);
    const [page, repeat, sql]: number[][] = [[], [], []];
    try {
      const cookie = await signInCookie(`http://127.0.0.1:${PORT}`, BENCH_USER, BENCH_PASSWORD);
      const target = `http://127.0.0.1:${PORT}/dashboard?program=${syntheticCode(n)}`;
      // One after the other, never at once: each page request and each run of the
      // statements sees the same machine, so a slow spell on a shared host moves
      // both medians instead of skewing their ratio.
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        await changeProgram();
        const [pageMs, repeatMs, sqlMs] = [await timePage(target, cookie), await timePage(target, cookie), await timeAggregates()];
        if (i < WARMUP) continue;
        page.push(pageMs);
        repeat.push(repeatMs);
        sql.push(sqlMs);
      }
      if (measureThroughput) await benchThroughput(`http://127.0.0.1:${PORT}`, target, cookie);
    } finally {
      await stop();
    }
    const result = { page: median(page), sql: median(sql) };
    out(`page_ms_${n}`, result.page);
    out(`sql_ms_${n}`, result.sql);
    out(`ratio_${n}`, result.page / result.sql);
    out(`repeat_page_ms_${n}`, median(repeat));
    out(`repeat_ratio_${n}`, median(repeat) / result.sql);
    return result;
  } finally {
    await client.$disconnect();
    await pool.end();
  }
}

/**
 * One program among twenty costs what a lone program of its size costs: every
 * query is scoped to its program, so the other 9,500 projects must not be read.
 */
async function benchPrograms(server: string) {
  const codes = Array.from({ length: PROGRAMS }, (_, i) => `SYN-${PER_PROGRAM}-P${String(i + 1).padStart(2, '0')}`);
  const lone = await prepareDatabase(server, 'portal_bench_lone', [syntheticCode(PER_PROGRAM)], PER_PROGRAM);
  const built = performance.now();
  const shared = await prepareDatabase(server, 'portal_bench_programs', codes, PER_PROGRAM);
  out('programs_build_s', (performance.now() - built) / 1000);
  const stops = [await startNext(lone, PORT), await startNext(shared, PORT + 1)];
  const [loneMs, sharedMs]: number[][] = [[], []];
  try {
    const base = (port: number) => `http://127.0.0.1:${port}`;
    const cookies = [await signInCookie(base(PORT), BENCH_USER, BENCH_PASSWORD), await signInCookie(base(PORT + 1), BENCH_USER, BENCH_PASSWORD)];
    // Alternating, so a slow spell on the machine moves both medians alike.
    for (let i = 0; i < WARMUP + REQUESTS * 2; i++) {
      const a = await timePage(`${base(PORT)}/dashboard?program=${syntheticCode(PER_PROGRAM)}`, cookies[0]);
      const b = await timePage(`${base(PORT + 1)}/dashboard?program=${codes[i % PROGRAMS]}`, cookies[1]);
      if (i < WARMUP) continue;
      loneMs.push(a);
      sharedMs.push(b);
    }
  } finally {
    await Promise.all(stops.map((stop) => stop()));
  }
  out('programs_page_ms_lone', median(loneMs));
  out('programs_page_ms_shared', median(sharedMs));
  out('programs_ratio', median(sharedMs) / median(loneMs));
}

async function main() {
  const { server, stop } = await benchmarkServer();
  try {
    console.log((await buildIfStale()) === 'built' ? 'built the app' : 'the build is current');
    out('requests', REQUESTS);
    const results = new Map<number, { page: number; sql: number }>();
    for (const n of SCALES) results.set(n, await benchScale(server, n, n === Math.min(...SCALES)));
    if (SCALES.length > 1) {
      const [small, large] = [Math.min(...SCALES), Math.max(...SCALES)];
      out(`growth_${large}_over_${small}`, results.get(large)!.page / results.get(small)!.page);
    }
    if ((!scales.length && !onlyPublic) || onlyPrograms) await benchPrograms(server);
    if ((!scales.length && !onlyPrograms) || onlyPublic) await benchPublic(server, PORT);
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
