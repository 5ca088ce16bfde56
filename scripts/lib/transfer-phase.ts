/**
 * One phase of the transfer benchmark, run by scripts/bench-transfer.ts in a
 * process of its own (with the resolve hook the notice worker uses, so the
 * server-only data layer loads outside Next, as the export worker runs it).
 * Writes or reads the files in the given folder.
 */
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExportView, Table } from '../../lib/transfer/transfers';

register('./outside-next.mjs', import.meta.url);

const [name, dir, only] = process.argv.slice(2);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const out = (k: string, v: number | string) => console.log(`${k}=${v}`);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

async function main() {
  const { db } = await import('../../lib/server/db');
  const transfers = await import('../../lib/transfer/transfers');
  const t = await (await import('../../lib/i18n/translator')).translatorFor('zh');
  const label = only ? `${name}_${only}` : name;
  const admin = await db.user.create({ data: { email: `bench-${label}@bench.example`, name: 'bench', role: 'ADMIN', passwordHash: 'x' } });
  const actor = { userId: admin.id, role: 'ADMIN' as const, institutionId: null, name: 'bench', programs: 'ALL' as const };
  out(`${label}_base_rss_mb`, mb(process.memoryUsage().rss));
  peak = process.memoryUsage().rss;

  const exportTo = async (file: string, table: Table, format: 'xlsx' | 'csv', view?: ExportView) => {
    const stream = transfers.exportTable({
      actor,
      table,
      format,
      locale: 'zh',
      t,
      meta: { entries: [['bench', 'bench']] },
      sheetNames: { data: 'data', meta: 'meta' },
      view,
    });
    await pipeline(stream, fs.createWriteStream(path.join(dir, file)));
  };
  const tables = ['institutions', 'projects', 'metrics'] as const;
  if (name === 'export') {
    for (const table of tables) {
      for (const format of ['xlsx', 'csv'] as const) {
        const started = performance.now();
        await exportTo(`${table}-all.${format}`, table, format);
        out(`export_${table}_${format}_s`, ((performance.now() - started) / 1000).toFixed(2));
        out(`export_${table}_${format}_mb`, mb(fs.statSync(path.join(dir, `${table}-all.${format}`)).size));
      }
    }
    // What is imported: every project and institution, and the values of the first projects up to
    // the import's 20,000-row limit (the whole program's values are far more than one file may hold).
    fs.renameSync(path.join(dir, 'institutions-all.xlsx'), path.join(dir, 'institutions.xlsx'));
    fs.renameSync(path.join(dir, 'projects-all.xlsx'), path.join(dir, 'projects.xlsx'));
    const perProject = Math.max(1, Math.round((await db.metricValue.count()) / Math.max(1, await db.project.count({ where: { metricValues: { some: {} } } }))));
    const first = await db.project.findMany({ orderBy: { id: 'asc' }, take: Math.floor(20_000 / perProject), select: { code: true } });
    await exportTo('metrics.xlsx', 'metrics', 'xlsx', { projects: { code: { in: first.map((p) => p.code) } } });
  } else {
    for (const table of tables.filter((t) => !only || t === only)) {
      const file = { name: `${table}.xlsx`, bytes: new Uint8Array(fs.readFileSync(path.join(dir, `${table}.xlsx`))) };
      const started = performance.now();
      const preview = await transfers.previewImport({ actor, table, file });
      if (!preview.ok || preview.problems.length) throw new Error(`${table}: ${JSON.stringify(preview).slice(0, 400)}`);
      out(`import_${table}_preview_s`, ((performance.now() - started) / 1000).toFixed(2));
      out(`import_${table}_preview_peak_rss_mb`, mb(peak));
      const applied = await transfers.applyImport({ actor, importId: preview.importId });
      out(`import_${table}_rows`, applied.written ?? 0);
      out(`import_${table}_s`, ((performance.now() - started) / 1000).toFixed(2));
      // Resident memory rarely shrinks: the running peak after each step shows which step grew it.
      out(`import_${table}_peak_rss_mb`, mb(peak));
    }
  }
  clearInterval(sampler);
  if (!only) out(`${name}_peak_rss_mb`, mb(peak));
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
