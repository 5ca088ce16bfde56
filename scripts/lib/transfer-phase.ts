/**
 * One phase of the transfer benchmark, run by scripts/bench-transfer.ts in a
 * process of its own (with the react-server condition, so the server-only data
 * layer loads outside Next). Writes or reads the files in the given folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const [name, dir] = process.argv.slice(2);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const out = (k: string, v: number | string) => console.log(`${k}=${v}`);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

async function main() {
  const { db } = await import('../../lib/db');
  const transfers = await import('../../lib/transfers');
  const admin = await db.user.create({ data: { email: `bench-${name}@bench.example`, name: 'bench', role: 'ADMIN', passwordHash: 'x' } });
  const actor = { userId: admin.id, role: 'ADMIN' as const, institutionId: null, name: 'bench' };
  out(`${name}_base_rss_mb`, mb(process.memoryUsage().rss));
  peak = process.memoryUsage().rss;

  const tables = ['institutions', 'projects'] as const;
  if (name === 'export') {
    for (const table of tables) {
      for (const format of ['xlsx', 'csv'] as const) {
        const file = path.join(dir, `${table}.${format}`);
        const started = performance.now();
        const stream = transfers.exportTable({ actor, table, format, locale: 'zh', meta: { entries: [['bench', 'bench']] }, sheetNames: { data: 'data', meta: 'meta' } });
        await pipeline(stream, fs.createWriteStream(file));
        out(`export_${table}_${format}_s`, ((performance.now() - started) / 1000).toFixed(2));
        out(`export_${table}_${format}_mb`, mb(fs.statSync(file).size));
      }
    }
  } else {
    for (const table of tables) {
      const file = { name: `${table}.xlsx`, bytes: new Uint8Array(fs.readFileSync(path.join(dir, `${table}.xlsx`))) };
      const started = performance.now();
      const preview = await transfers.previewImport({ actor, table, file });
      if (!preview.ok || preview.problems.length) throw new Error(`${table}: ${JSON.stringify(preview).slice(0, 400)}`);
      const applied = await transfers.applyImport({ actor, table, file, hash: preview.hash });
      out(`import_${table}_rows`, applied.written ?? 0);
      out(`import_${table}_s`, ((performance.now() - started) / 1000).toFixed(2));
    }
  }
  clearInterval(sampler);
  out(`${name}_peak_rss_mb`, mb(peak));
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
