/**
 * Uploads that would stall the portal: a small xlsx that unpacks to hundreds of
 * MB, many uploads at once, and files too large to send. Refused quickly, with
 * memory bounded, while the portal goes on answering; a confirmed import reads
 * its file once.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewImportAction } from '@/app/actions/imports';
import * as runs from '@/lib/data/import-runs';
import { UPLOAD_LOCK_SPACE } from '@/lib/data/upload-locks';
import * as read from '@/lib/transfer/tabular/read';
import { applyImport, previewImport } from '@/lib/transfer/transfers';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, type TestActors } from '../support/users';
import { declaring, repeated, sheetRow, xlsxOf } from '../support/xlsx-zips';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
// The real reader, counted: how often an import reads its file.
vi.mock('@/lib/transfer/tabular/read', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/transfer/tabular/read')>();
  return { ...real, readTable: vi.fn(real.readTable) };
});
// The real runs, with the progress notes counted.
vi.mock('@/lib/data/import-runs', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/data/import-runs')>();
  return { ...real, noteImportProgress: vi.fn(real.noteImportProgress) };
});

const prisma = testClient();
let actors: TestActors;
const MB = 1024 * 1024;
const HEADER = '项目编号,指标编号,数据截至日期,数值,单位,数值限定,来源类型,来源说明,更正说明';
const metricsCsv = (day: string) => ({
  name: 'metrics.csv',
  bytes: new TextEncoder().encode(`${HEADER}\nBJFT-06,WEBSITES,${day},${Date.parse(day) / 86_400_000},家,EXACT,institution,上传测试,\n`),
});
const hashOf = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

/** The longest the event loop went without running a timer, while `work` ran. */
async function withLag<T>(work: () => Promise<T>) {
  let last = performance.now();
  let lag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work(), lag };
  } finally {
    clearInterval(timer);
  }
}

describe('a small xlsx holding hundreds of MB of sheet', { timeout: 60_000 }, () => {
  it('is refused quickly, as an institution user uploads it, with memory bounded and the portal answering meanwhile', async () => {
    // 200 MB of rows in about 1 MB: once honest about its size, once claiming 40 MB (then it stops at the row limit).
    const honest = await xlsxOf([
      '<row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c></row>',
      ...repeated(sheetRow(2, ['BJFT-06', 'x'.repeat(80)]).repeat(100), 16_000),
    ]);
    const liar = declaring(honest, 'xl/worksheets/sheet1.xml', 40 * MB);
    for (const [file, code] of [
      [honest, 'UNPACKS_TOO_LARGE'],
      [liar, 'TOO_MANY_ROWS'],
    ] as const) {
      const before = await dbFingerprint(prisma);
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const { result, lag } = await withLag(async () => {
        const upload = previewImport({ actor: actors.cmb, table: 'metrics', file: { name: 'bomb.xlsx', bytes: file } });
        // Another request's work, meanwhile: a page's read.
        const page = prisma.project.count().then((n) => ({ n, ms: performance.now() - started }));
        return { upload: await upload, page: await page };
      });
      expect(result.upload).toMatchObject({ ok: false, refusal: { code } });
      expect(result.page.n).toBe(46);
      expect(result.page.ms).toBeLessThan(5_000);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(lag).toBeLessThan(2_000);
      expect((process.memoryUsage().rss - rss) / MB).toBeLessThan(200);
      expect(await dbFingerprint(prisma)).toBe(before);
    }
  });
});

describe('uploads at the same time', () => {
  it('lets one user check one file at a time, and the process two, answering BUSY beyond that', async () => {
    const [first, second] = await Promise.all([
      previewImport({ actor: actors.cmb, table: 'metrics', file: metricsCsv('2025-02-01') }),
      previewImport({ actor: actors.cmb, table: 'metrics', file: metricsCsv('2025-02-02') }),
    ]);
    expect(first).toMatchObject({ ok: true, problems: [] });
    expect(second).toEqual({ ok: false, refusal: { code: 'BUSY' } });

    const others = await Promise.all([
      previewImport({ actor: actors.cmb, table: 'metrics', file: metricsCsv('2025-02-03') }),
      previewImport({ actor: actors.admin, table: 'metrics', file: metricsCsv('2025-02-04') }),
      previewImport({ actor: actors.unionpay, table: 'metrics', file: metricsCsv('2025-02-05') }),
    ]);
    expect(others.map((o) => (o.ok ? 'checked' : o.refusal.code))).toEqual(['checked', 'checked', 'BUSY']);

    // Another instance checking this user's upload holds the user's lock in PostgreSQL: BUSY here too.
    const otherInstance = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await otherInstance.connect();
    try {
      await otherInstance.query('BEGIN');
      await otherInstance.query('SELECT pg_advisory_xact_lock($1, $2)', [UPLOAD_LOCK_SPACE, actors.cmb.userId]);
      expect(await previewImport({ actor: actors.cmb, table: 'metrics', file: metricsCsv('2025-02-07') })).toEqual({ ok: false, refusal: { code: 'BUSY' } });
      expect(await previewImport({ actor: actors.admin, table: 'metrics', file: metricsCsv('2025-02-08') })).toMatchObject({ ok: true });
      await otherInstance.query('COMMIT');
    } finally {
      await otherInstance.end();
    }

    // Slots are given back, after a refusal too: the same user checks again at once.
    expect(await previewImport({ actor: actors.cmb, table: 'metrics', file: { name: 'x.pdf', bytes: new Uint8Array([1]) } })).toMatchObject({ ok: false });
    expect(await previewImport({ actor: actors.cmb, table: 'metrics', file: metricsCsv('2025-02-06') })).toMatchObject({ ok: true });
  });
});

describe('confirming an import', () => {
  it('writes the rows the preview checked without reading the file again, and only for the user who previewed it', async () => {
    const readTable = vi.mocked(read.readTable);
    const file = metricsCsv('2025-03-01');
    readTable.mockClear();
    const preview = await previewImport({ actor: actors.cmb, table: 'metrics', file });
    expect(preview).toMatchObject({ ok: true, problems: [], hash: hashOf(file.bytes) });
    if (!preview.ok) throw new Error('the file should pass');
    expect(readTable).toHaveBeenCalledTimes(1);
    // Another user cannot confirm it, nor learn that it exists.
    await expect(applyImport({ actor: actors.admin, importId: preview.importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await applyImport({ actor: actors.cmb, importId: preview.importId })).toMatchObject({ ok: true, written: 1 });
    expect(readTable).toHaveBeenCalledTimes(1);
    // The checked rows are gone once written.
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: preview.importId }, select: { status: true, rows: true } })).toEqual({
      status: 'APPLIED',
      rows: null,
    });
  });

  it('shows its progress to its own user only, row counts rising while a long file is read', async () => {
    const rows = Array.from(
      { length: 4_500 },
      (_, i) => `BJFT-06,WEBSITES,2024-${String((i % 12) + 1).padStart(2, '0')}-01,${i},家,EXACT,institution,进度 ${i},`,
    );
    const file = {
      name: 'long.csv',
      bytes: new TextEncoder().encode(`项目编号,指标编号,数据截至日期,数值,单位,数值限定,来源类型,来源说明,更正说明\n${rows.join('\n')}\n`),
    };
    const importId = crypto.randomUUID();
    const real = await vi.importActual<typeof runs>('@/lib/data/import-runs');
    // What the page would see after each note, as the importer and as another user.
    const seen: unknown[] = [];
    vi.mocked(runs.noteImportProgress).mockImplementation(async (note) => {
      await real.noteImportProgress(note);
      seen.push(await runs.getImportProgress({ actor: actors.cmb, id: importId }));
      seen.push(await runs.getImportProgress({ actor: actors.unionpay, id: importId }).catch((err: { code: string }) => err.code));
    });
    await previewImport({ actor: actors.cmb, table: 'metrics', file, importId });
    vi.mocked(runs.noteImportProgress).mockImplementation(real.noteImportProgress);
    expect(seen).toEqual([
      ...[1_000, 2_000, 3_000, 4_000].flatMap((rowsDone) => [{ status: 'READING', rowsDone, rowsTotal: 4_502 }, 'NOT_FOUND']),
      { status: 'CHECKING', rowsDone: 4_500, rowsTotal: 4_502 },
      'NOT_FOUND',
    ]);
  });

  it('re-checks kept rows against the database inside its transaction', async () => {
    const file = metricsCsv('2025-03-10');
    const preview = await previewImport({ actor: actors.cmb, table: 'metrics', file });
    expect(preview).toMatchObject({ ok: true, problems: [] });
    // Someone records the same value between preview and confirmation.
    const theirs = await previewImport({ actor: actors.admin, table: 'metrics', file });
    await applyImport({ actor: actors.admin, importId: theirs.ok ? theirs.importId : '' });
    const before = await dbFingerprint(prisma);
    const applied = await applyImport({ actor: actors.cmb, importId: preview.ok ? preview.importId : '' });
    expect(applied).toMatchObject({ ok: true, problems: [{ line: 2, code: 'EXISTS' }] });
    expect(applied.written).toBeUndefined();
    expect(await dbFingerprint(prisma)).toBe(before);
  });
});

describe('a file over 5 MB', () => {
  it('is refused by the action unread, with a message at the file field', async () => {
    actAs(actors.cmb);
    const big = new File([new Uint8Array(5 * MB + 1)], 'big.csv', { type: 'text/csv' });
    const readTable = vi.mocked(read.readTable);
    readTable.mockClear();
    const form = new FormData();
    form.set('table', 'metrics');
    form.set('file', big);
    // The refusal hands back the table chosen, never the file.
    expect(await previewImportAction(null, form)).toEqual({
      ok: false,
      message: 'INVALID_INPUT',
      fieldErrors: { file: ['TOO_LARGE'] },
      values: { table: 'metrics' },
    });
    expect(readTable).not.toHaveBeenCalled();
  });
});
