/**
 * Small files that unpack to a lot: refused from the zip's directory when it
 * tells the truth, while inflating when it lies, and an over-long sheet stops
 * at the row limit while it is read. Built at test time (tests/support/xlsx-zips.ts).
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, readTable } from '@/lib/transfer/tabular/read';
import { checkXlsxArchive } from '@/lib/transfer/tabular/xlsx-guard';
import { declaredSizes, declaring, repeated, sheetRow, xlsxOf } from '../support/xlsx-zips';

const SHEET = 'xl/worksheets/sheet1.xml';
const MB = 1024 * 1024;
const columns = [
  { key: 'code', zh: '编号', en: 'Code' },
  { key: 'name', zh: '名称', en: 'Name' },
];
const header = sheetRow(1, ['编号', '名称']);

/** `work`'s result, how long it took, and how far resident memory grew meanwhile (sampled as it ran). */
async function measured<T>(work: () => Promise<T>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, grewMb: (Math.max(peak, process.memoryUsage().rss) - before) / MB };
  } finally {
    clearInterval(sampler);
  }
}

describe('an xlsx that unpacks to far more than it weighs', { timeout: 60_000 }, () => {
  it('is read normally when it is an ordinary workbook', async () => {
    const file = await xlsxOf([header, sheetRow(2, ['A-1', '人脸识别线下支付安全应用'])]);
    expect(await checkXlsxArchive(file)).toEqual({ refusal: null, unpacked: expect.any(Number), rows: 2 });
    expect(await readTable({ name: 'ok.xlsx', bytes: file }, columns)).toEqual({
      ok: true,
      rows: [{ line: 2, values: { code: 'A-1', name: '人脸识别线下支付安全应用' } }],
      problems: [],
    });
  });

  it('is refused from its directory, at once, when its sheet says it unpacks to hundreds of MB', async () => {
    // 200 MB of repeated rows in a file of about 1 MB.
    const bomb = await xlsxOf([header, ...repeated(sheetRow(2, ['x'.repeat(50), 'y'.repeat(50)]).repeat(100), 16_000)]);
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.maxBytes);
    expect(declaredSizes(bomb)[SHEET].unpacked).toBeGreaterThan(190 * MB);
    const { result, ms, grewMb } = await measured(() => readTable({ name: 'bomb.xlsx', bytes: bomb }, columns));
    expect(result).toEqual({ ok: false, refusal: { code: 'UNPACKS_TOO_LARGE', limit: IMPORT_LIMITS.maxUnpackedBytes } });
    expect(ms).toBeLessThan(2_000);
    expect(grewMb).toBeLessThan(200);

    // The same file claiming its sheet unpacks to 1 MB: refused as soon as inflating passes that.
    const liar = declaring(bomb, SHEET, MB);
    expect(await checkXlsxArchive(liar)).toEqual({ refusal: { code: 'DAMAGED' }, unpacked: expect.any(Number) });
    expect((await checkXlsxArchive(liar)).unpacked).toBeLessThan(2 * MB);
  });

  it('stops inflating at what a lying part declared, with memory bounded, however far the data goes on', async () => {
    // One cell of 320 MB (no rows to count) in a file of about 320 KB, declaring 30 MB: within the total and the ratio.
    const bomb = await xlsxOf([header, '<row r="2"><c r="A2" t="inlineStr"><is><t>', ...repeated('x'.repeat(64 * 1024), 5_000), '</t></is></c></row>']);
    expect(bomb.length).toBeLessThan(MB);
    const liar = declaring(bomb, SHEET, 30 * MB);
    const { result, ms, grewMb } = await measured(() => checkXlsxArchive(liar));
    expect(result.refusal).toEqual({ code: 'DAMAGED' });
    expect(result.unpacked).toBeLessThan(31 * MB);
    expect(ms).toBeLessThan(5_000);
    expect(grewMb).toBeLessThan(200);
    expect(await readTable({ name: 'liar.xlsx', bytes: liar }, columns)).toEqual({ ok: false, refusal: { code: 'DAMAGED' } });
  });

  it('is refused when a large part is compressed more than 100 times', async () => {
    const squeezed = await xlsxOf([header, ...repeated(sheetRow(2, ['x', 'y']).repeat(100), 400)]);
    const { packed, unpacked } = declaredSizes(squeezed)[SHEET];
    expect(unpacked).toBeGreaterThan(IMPORT_LIMITS.ratioFloorBytes);
    expect(unpacked / packed).toBeGreaterThan(IMPORT_LIMITS.maxRatio);
    expect(await readTable({ name: 'squeezed.xlsx', bytes: squeezed }, columns)).toEqual({
      ok: false,
      refusal: { code: 'COMPRESSION_RATIO', limit: IMPORT_LIMITS.maxRatio },
    });
  });
});

describe('an xlsx with too many rows or cells', { timeout: 60_000 }, () => {
  it('stops at the row limit while inflating, long before the end of the sheet', async () => {
    const blocks = function* () {
      yield header;
      for (let b = 0; b < 100; b++) yield Array.from({ length: 1000 }, (_, i) => sheetRow(2 + b * 1000 + i, [`C${b * 1000 + i}`, `名称 ${i}`])).join('');
    };
    const file = await xlsxOf(blocks());
    const sheetSize = declaredSizes(file)[SHEET].unpacked;
    const check = await checkXlsxArchive(file);
    expect(check.refusal).toEqual({ code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows });
    // 20,002 of 100,001 rows: about a fifth of the sheet was inflated.
    expect(check.unpacked).toBeLessThan(sheetSize * 0.3);
    expect(await readTable({ name: 'long.xlsx', bytes: file }, columns)).toEqual({
      ok: false,
      refusal: { code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows },
    });
  });

  it('counts a row once it has a cell, whatever the namespace prefix, and counts every cell', async () => {
    const prefixed = await xlsxOf(['<x:row r="1"><x:c r="A1"/></x:row>', '<row r="2"/>', '<row r="3"><c r="A3"/><c r="B3"/></row>']);
    const limits = { ...IMPORT_LIMITS, maxRows: 1, maxCells: 3 };
    expect((await checkXlsxArchive(prefixed, limits)).refusal).toBeNull();
    expect((await checkXlsxArchive(prefixed, { ...limits, maxRows: 0 })).refusal).toEqual({ code: 'TOO_MANY_ROWS', limit: 0 });
    expect((await checkXlsxArchive(prefixed, { ...limits, maxCells: 2 })).refusal).toEqual({ code: 'TOO_MANY_CELLS', limit: 2 });
  });

  it('refuses a zip of more parts than a workbook has', async () => {
    const file = await xlsxOf([header]);
    expect((await checkXlsxArchive(file, { ...IMPORT_LIMITS, maxEntries: 4 })).refusal).toEqual({ code: 'DAMAGED' });
    expect((await checkXlsxArchive(file, { ...IMPORT_LIMITS, maxEntries: 5 })).refusal).toBeNull();
  });

  it('refuses what is not a zip at all', async () => {
    const notZip = Buffer.from('PK\x03\x04 but nothing after it');
    expect(await checkXlsxArchive(notZip)).toEqual({ refusal: { code: 'NOT_A_SPREADSHEET' }, unpacked: 0 });
  });
});

describe('an xlsx whose merged cells or data validations cover more than it holds', { timeout: 60_000 }, () => {
  const data = [header, sheetRow(2, ['A-1', '名称'])];

  it('is refused before exceljs makes an object for every covered cell', async () => {
    const tails = [
      '<mergeCells count="1"><mergeCell ref="A3:Z200000"/></mergeCells>',
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A2:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
      // Many small areas add up too, written in any namespace.
      `<x:dataValidations count="1"><x:dataValidation type="list" sqref="${Array.from({ length: 200 }, (_, i) => `A${i * 5000 + 1}:C${i * 5000 + 5000}`).join(' ')}"/></x:dataValidations>`,
    ];
    for (const tail of tails) {
      const { result, ms, grewMb } = await measured(async () => readTable({ name: 'x.xlsx', bytes: await xlsxOf(data, tail) }, columns));
      expect(result).toEqual({ ok: false, refusal: { code: 'TOO_MANY_CELLS', limit: IMPORT_LIMITS.maxCells } });
      expect(ms).toBeLessThan(5_000);
      expect(grewMb).toBeLessThan(200);
    }
  });

  it('is read normally when its lists cover what a template covers', async () => {
    const tail = `<dataValidations count="2"><dataValidation type="list" sqref="A2:A5001"><formula1>"a,b"</formula1></dataValidation><dataValidation type="list" sqref="$B$2:$B$5001"><formula1>"c"</formula1></dataValidation></dataValidations><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>`;
    const read = await readTable({ name: 'x.xlsx', bytes: await xlsxOf(data, tail) }, columns);
    expect(read).toMatchObject({ ok: true, rows: [{ line: 2, values: { code: 'A-1', name: '名称' } }] });
  });

  it('counts each area once, however the sheet arrives in chunks', async () => {
    const tail = `<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>`;
    const file = await xlsxOf([...repeated(sheetRow(2, ['x', 'y']), 3000)], tail);
    const limits = { ...IMPORT_LIMITS, maxCells: 6000 + 4 };
    expect((await checkXlsxArchive(file, limits)).refusal).toBeNull();
    expect((await checkXlsxArchive(file, { ...limits, maxCells: 6000 + 3 })).refusal).toEqual({ code: 'TOO_MANY_CELLS', limit: 6003 });
  });
});
