/**
 * `npm test`: every tier, in order, on a real PostgreSQL.
 *   typecheck → format → lint → unit → schema drift → integration → end-to-end
 * The database server is TEST_DATABASE_URL's when given (any database on it; the
 * runner creates its own databases there), else an embedded PostgreSQL in
 * .data/test-postgres. Each run starts from freshly created databases.
 * `npm test -- unit integration` runs only the named tiers; a file under
 * tests/unit or tests/integration narrows that tier to the files named, and any
 * other argument goes to Playwright (`npm test -- e2e tests/e2e/programs.spec.ts`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/server/prisma';
import { seedDatabase } from '../seeds/index';
import { buildIfStale } from './lib/build';
import { describeFailure } from './lib/failure';
import { recreateDatabase, startEmbeddedPostgres, withDatabase, type PostgresServer } from './lib/postgres';
import { prisma } from './lib/prisma-cli';
import { run } from './lib/process';

const TIERS = ['typecheck', 'format', 'lint', 'unit', 'drift', 'integration', 'e2e'] as const;
type Tier = (typeof TIERS)[number];
const requested = process.argv.slice(2).filter((a): a is Tier => (TIERS as readonly string[]).includes(a));
const selected = new Set<Tier>(requested.length ? requested : TIERS);
const extra = process.argv.slice(2).filter((a) => !(TIERS as readonly string[]).includes(a));
const filesOf = (project: 'unit' | 'integration') => extra.filter((a) => a.startsWith(`tests/${project}/`));
const playwrightArgs = extra.filter((a) => !a.startsWith('tests/unit/') && !a.startsWith('tests/integration/'));

const bin = (pkg: string, file: string) => path.resolve('node_modules', pkg, file);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-tests-'));
const results: { tier: Tier; passed: number; failed: number; seconds: number }[] = [];

async function tier(name: Tier, work: () => Promise<{ passed: number; failed: number } | void>) {
  if (!selected.has(name)) return;
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  let counts: { passed: number; failed: number } = { passed: 1, failed: 0 };
  try {
    counts = (await work()) ?? counts;
  } catch (err) {
    const read = readCountsAfterFailure(name) ?? { passed: 0, failed: 0 };
    // A failure outside any single test (a suite that cannot load, a build) still counts as one.
    counts = { passed: read.passed, failed: Math.max(read.failed, 1) };
    results.push({ tier: name, ...counts, seconds: (performance.now() - started) / 1000 });
    throw err;
  }
  results.push({ tier: name, ...counts, seconds: (performance.now() - started) / 1000 });
}

type VitestReport = { numPassedTests: number; numFailedTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number } };
const reportFile = (name: Tier) => path.join(reports, `${name}.json`);

function readCountsAfterFailure(name: Tier) {
  const file = reportFile(name);
  if (!fs.existsSync(file)) return null;
  return name === 'e2e' ? playwrightCounts() : vitestCounts(name);
}
function vitestCounts(name: Tier) {
  const r = JSON.parse(fs.readFileSync(reportFile(name), 'utf8')) as VitestReport;
  return { passed: r.numPassedTests, failed: r.numFailedTests };
}
function playwrightCounts() {
  const r = JSON.parse(fs.readFileSync(reportFile('e2e'), 'utf8')) as PlaywrightReport;
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky };
}

async function vitest(project: 'unit' | 'integration', env: Record<string, string> = {}) {
  await run(
    process.execPath,
    [
      bin('vitest', 'vitest.mjs'),
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile(project)}`,
      ...filesOf(project),
    ],
    { env: { ...process.env, ...env } },
  );
  return vitestCounts(project);
}

async function preparedDatabase(server: string, name: string, seed: boolean) {
  const url = withDatabase(server, name);
  await recreateDatabase(url);
  await prisma(['migrate', 'deploy'], url);
  if (seed) {
    const client = createPrismaClient(url);
    try {
      await seedDatabase(client);
    } finally {
      await client.$disconnect();
    }
  }
  return url;
}

async function main() {
  await tier('typecheck', () => run(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit']));
  await tier('format', () => run(process.execPath, [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level=warn', '.']));
  await tier('lint', () => run(process.execPath, [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.']));
  await tier('unit', () => vitest('unit'));

  if (!['drift', 'integration', 'e2e'].some((t) => selected.has(t as Tier))) return;
  let embedded: PostgresServer | undefined;
  let server = process.env.TEST_DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({
      dir: path.resolve('.data', 'test-postgres'),
      port: Number(process.env.TEST_PG_PORT ?? 54339),
      portSetting: 'TEST_PG_PORT',
      log: path.resolve('.data', 'test-postgres.log'),
    });
    server = embedded.url('postgres');
  }
  try {
    await tier('drift', async () => {
      // Fails when schema.prisma and the migrations disagree (a schema change without its migration).
      const url = await preparedDatabase(server, 'portal_drift', false);
      await prisma(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--exit-code'], url);
    });
    await tier('integration', async () => {
      const url = await preparedDatabase(server, 'portal_integration', false);
      return vitest('integration', { TEST_DATABASE_URL: url });
    });
    await tier('e2e', async () => {
      const url = await preparedDatabase(server, 'portal_e2e', true);
      console.log((await buildIfStale()) === 'built' ? 'built the app' : 'the build is current');
      await run(process.execPath, [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json', ...playwrightArgs], {
        env: {
          ...process.env,
          E2E_DATABASE_URL: url,
          NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
          PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile('e2e'),
        },
      });
      return playwrightCounts();
    });
  } finally {
    await embedded?.stop();
  }
}

function summary() {
  console.log('\n=== summary ===');
  for (const r of results)
    console.log(`${r.tier.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)}s`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
}

main()
  .then(() => {
    summary();
  })
  .catch((err) => {
    summary();
    console.error(`\nnpm test failed: ${describeFailure(err)}`);
    process.exit(1);
  });
