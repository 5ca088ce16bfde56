/**
 * `npm run bench:web`: what the browser gets. Builds the app if stale, seeds a
 * database (DATABASE_URL's server when set, else an embedded PostgreSQL on
 * BENCH_PG_PORT), serves the production build on BENCH_PORT, signs in as the
 * demo regulator, and runs Lighthouse (Debian's Chromium, headless) on each page
 * of PAGES with the desktop and the mobile preset. Prints `name=value` lines per
 * page and preset (`<page>` is the path's words joined by `_`):
 *   web_<page>_<preset>_performance     Lighthouse performance score (0–100)
 *   web_<page>_<preset>_tbt_ms          total blocking time
 *   web_<page>_<preset>_script_kb       script transferred, compressed
 *   web_<page>_<preset>_html_kb         the document's HTML, uncompressed (and `_html_transfer_kb` compressed)
 *   web_<page>_<preset>_accessibility   and `_seo`: those scores (0–100)
 * BENCH_WEB_RUNS (default 1) runs each page that many times and prints medians;
 * mobile scores move by ±15 between runs on a 2-core machine. Only localhost is measured.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import { DEMO_PASSWORD } from '../seeds/demo-users';
import { seedDatabase } from '../seeds/index';
import { createPrismaClient } from '../lib/server/prisma';
import { buildIfStale } from './lib/build';
import { median, out, startNext } from './lib/next-server';
import { benchmarkServer, recreateDatabase, withDatabase } from './lib/postgres';
import { prisma as prismaCli } from './lib/prisma-cli';
import { signInCookie } from './lib/sign-in';

/** The pages measured; a signed-out page is measured without the session cookie, and skipped unless it answers 200 (a page not built yet, or one that sends a signed-out reader to sign in). */
export const PAGES: { path: string; signedIn: boolean }[] = [
  { path: '/dashboard', signedIn: true },
  { path: '/leadership', signedIn: true },
  { path: '/projects/BJFT-02', signedIn: true },
  { path: '/public', signedIn: false },
];
const PRESETS = ['desktop', 'mobile'] as const;
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 1));
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

type Figures = { performance: number; tbt_ms: number; script_kb: number; html_kb: number; html_transfer_kb: number; accessibility: number; seo: number };
type Request = { url: string; resourceType?: string; transferSize?: number; resourceSize?: number };

async function measure(url: string, preset: (typeof PRESETS)[number], port: number, cookie: string | null): Promise<Figures> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'seo'],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  };
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const requests = ((lhr.audits['network-requests']?.details as { items?: Request[] } | undefined)?.items ?? []) as Request[];
  const document = requests.find((r) => r.resourceType === 'Document');
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const kb = (bytes: number) => bytes / 1024;
  return {
    performance: score('performance'),
    tbt_ms: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    script_kb: kb(requests.filter((r) => r.resourceType === 'Script').reduce((n, r) => n + (r.transferSize ?? 0), 0)),
    html_kb: kb(document?.resourceSize ?? 0),
    html_transfer_kb: kb(document?.transferSize ?? 0),
    accessibility: score('accessibility'),
    seo: score('seo'),
  };
}

async function seededDatabase(server: string) {
  const url = withDatabase(server, 'portal_bench_web');
  await recreateDatabase(url);
  await prismaCli(['migrate', 'deploy'], url);
  const client = createPrismaClient(url);
  try {
    await seedDatabase(client, () => {});
  } finally {
    await client.$disconnect();
  }
  return url;
}

async function main() {
  const { server, stop: stopDatabase } = await benchmarkServer();
  try {
    console.log((await buildIfStale()) === 'built' ? 'built the app' : 'the build is current');
    const stopNext = await startNext(await seededDatabase(server), PORT);
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
    try {
      const base = `http://127.0.0.1:${PORT}`;
      const cookie = await signInCookie(base, 'regulator@pilot.example', DEMO_PASSWORD);
      out('runs', RUNS);
      for (const page of PAGES) {
        const name = page.path
          .split(/[^A-Za-z0-9]+/)
          .filter(Boolean)
          .join('_')
          .toLowerCase();
        const status = (await fetch(base + page.path, { headers: page.signedIn ? { cookie } : {}, redirect: 'manual' })).status;
        if (status !== 200) {
          out(`web_${name}`, 'absent');
          continue;
        }
        for (const preset of PRESETS) {
          const runs: Figures[] = [];
          for (let i = 0; i < RUNS; i++) runs.push(await measure(base + page.path, preset, chrome.port, page.signedIn ? cookie : null));
          for (const key of Object.keys(runs[0]) as (keyof Figures)[]) out(`web_${name}_${preset}_${key}`, median(runs.map((r) => r[key])));
        }
      }
    } finally {
      chrome.kill();
      await stopNext();
    }
  } finally {
    await stopDatabase();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
