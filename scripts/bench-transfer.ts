/**
 * `npm run bench:transfer`: the time and peak memory of exporting and importing
 * a 10,000-project program (`npm run bench:transfer -- 2000` picks another size).
 * It builds the synthetic program (scripts/lib/synthetic.ts) in a database of
 * its own, exports institutions, projects and metric values to xlsx and csv,
 * then imports the institutions, the projects and 20,000 of the values (an
 * import's limit) into a second database holding only the program's structure,
 * the export phase and each table's import in a fresh process so its peak
 * memory is its own. Prints `name=value`:
 *   export_<table>_<format>_s / _mb   time and file size of one export
 *   import_<table>_s                  preview + apply of one xlsx file (and _preview_s)
 *   import_<table>_peak_rss_mb        that import's peak, preview and apply (and _preview_…)
 *   import_<table>_base_rss_mb         the same process before any work (the baseline)
 *   export_peak_rss_mb, export_base_rss_mb   the export phase's peak, and its baseline
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
function phase(name: 'export' | 'import', databaseUrl: string, table?: string): string {
  const args = [path.resolve('scripts/lib/transfer-phase.ts'), name, dir, ...(table ? [table] : [])];
  return execFileSync(process.execPath, ['--import', 'tsx', ...args], {
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
    // TRUNCATE … CASCADE reaches the catalogues too (through the users a retirement names): they are copied back.
    const from = new pg.Client({ connectionString: source });
    const client = new pg.Client({ connectionString: target });
    await from.connect();
    await client.connect();
    await client.query('TRUNCATE "Project", "Institution" CASCADE');
    for (const table of ['Technology', 'Indicator']) {
      const { rows, fields } = await from.query(`SELECT * FROM "${table}" ORDER BY id`);
      const columns = fields.map((f) => `"${f.name}"`).join(', ');
      const slots = fields.map((_, i) => `$${i + 1}`).join(', ');
      for (const row of rows)
        await client.query(
          `INSERT INTO "${table}" (${columns}) VALUES (${slots}) ON CONFLICT DO NOTHING`,
          fields.map((f) => row[f.name]),
        );
    }
    await from.end();
    await client.end();
    console.log(`projects=${n}`);
    process.stdout.write(phase('export', source));
    // Institutions first, then the projects that name them, then the projects' values: each in its own process.
    for (const table of ['institutions', 'projects', 'metrics']) process.stdout.write(phase('import', target, table));
  } finally {
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
