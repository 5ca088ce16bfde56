/**
 * `npm run bench:transfer`: the time and peak memory of exporting and importing
 * a 10,000-project program (`npm run bench:transfer -- 2000` picks another size).
 * It builds the synthetic program (scripts/lib/synthetic.ts) in a database of
 * its own, exports institutions, projects and metric values to xlsx and csv,
 * then imports the institutions, the projects and 20,000 of the values (an
 * import's limit) into a second database holding only the program's structure,
 * each phase in a fresh process so its peak memory is its own. Prints `name=value`:
 *   export_<table>_<format>_s / _mb   time and file size of one export
 *   import_<table>_s                  preview + apply of one xlsx file (and _preview_s)
 *   import_<table>_peak_rss_mb        the phase's running peak after that table (and _preview_…)
 *   <phase>_peak_rss_mb, <phase>_base_rss_mb   peak resident memory, and the same
 *                                      process before any work (the baseline)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchmarkServer, recreateDatabase, withDatabase } from './lib/postgres';
import { prisma as prismaCli } from './lib/prisma-cli';
import { buildSyntheticProgram } from './lib/synthetic';

const n = Number(process.argv[2] ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-transfer-'));

/** One phase in its own Node process (scripts/lib/transfer-phase.ts); returns its name=value lines. */
function phase(name: 'export' | 'import', databaseUrl: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.resolve('scripts/lib/transfer-phase.ts'), name, dir], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function main() {
  const { server, stop } = await benchmarkServer();
  try {
    const source = withDatabase(server, 'portal_transfer_source');
    const target = withDatabase(server, 'portal_transfer_target');
    for (const url of [source, target]) {
      await recreateDatabase(url);
      await prismaCli(['migrate', 'deploy'], url);
      await buildSyntheticProgram(url, n);
    }
    // The target keeps only the program's structure and catalogues: the import brings the rest.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query('TRUNCATE "Project", "Institution" CASCADE');
    await client.end();
    console.log(`projects=${n}`);
    process.stdout.write(phase('export', source));
    process.stdout.write(phase('import', target));
  } finally {
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
