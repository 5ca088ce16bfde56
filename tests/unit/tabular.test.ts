import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column, ExportMeta } from '@/lib/transfer/tabular/columns';
import { IMPORT_LIMITS, readTable } from '@/lib/transfer/tabular/read';
import { csvStream, xlsxStream } from '@/lib/transfer/tabular/write';
import { translatorFor } from '../support/translate';

const zh = { locale: 'zh' as const, t: await translatorFor('zh') };
const en = { locale: 'en' as const, t: await translatorFor('en') };

type Row = { code: string; name: string; value: number; at: Date; flag: boolean };
const columns: Column<Row>[] = [
  { key: 'code', zh: '编号', en: 'Code', value: (r) => r.code },
  { key: 'name', zh: '名称', en: 'Name', value: (r) => r.name },
  { key: 'value', zh: '数值', en: 'Value', value: (r) => r.value },
  { key: 'at', zh: '日期', en: 'Date', value: (r) => r.at },
  { key: 'flag', zh: '占位', en: 'Placeholder', value: (r) => r.flag },
];
const rows: Row[] = [
  { code: 'A-1', name: '人脸识别线下支付安全应用', value: 325500, at: new Date('2020-06-12T00:00:00Z'), flag: false },
  { code: 'A-2', name: 'with "quotes", commas\nand a newline', value: 4.06e8, at: new Date('2019-12-07T00:00:00Z'), flag: true },
];
const meta: ExportMeta = {
  entries: [
    ['导出人', '监管演示账号'],
    ['筛选条件', '方向=D1'],
  ],
};
async function* batches() {
  yield rows.slice(0, 1);
  yield rows.slice(1);
}
const bytes = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c));
  return new Uint8Array(Buffer.concat(chunks));
};

describe('export writers and the import reader', () => {
  it('writes CSV with a BOM and context lines, and reads back the same rows', async () => {
    const file = await bytes(csvStream(meta, columns, batches(), zh));
    expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file);
    expect(text).toContain('# 导出人,监管演示账号');
    const read = await readTable({ name: 'x.csv', bytes: file }, columns);
    expect(read).toEqual({
      ok: true,
      rows: [
        { line: 4, values: { code: 'A-1', name: '人脸识别线下支付安全应用', value: '325500', at: '2020-06-12', flag: '否' } },
        { line: 5, values: { code: 'A-2', name: 'with "quotes", commas\nand a newline', value: '406000000', at: '2019-12-07', flag: '是' } },
      ],
      problems: [],
    });
  });

  it('writes XLSX with the data first and the export context on its own sheet, and reads it back', async () => {
    const file = await bytes(xlsxStream(meta, columns, batches(), en, { data: 'Projects', meta: 'Export' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Projects', 'Export']);
    expect(wb.worksheets[1].getRow(2).values).toEqual([undefined, '筛选条件', '方向=D1']);
    expect(wb.worksheets[0].getCell('C3').value).toBe(406000000);
    const read = await readTable({ name: 'x.xlsx', bytes: file }, columns);
    expect(read.ok && read.rows.map((r) => r.values.code)).toEqual(['A-1', 'A-2']);
  });

  it('refuses what is not a spreadsheet', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 not a table');
    expect(await readTable({ name: 'report.pdf', bytes: pdf }, columns)).toEqual({ ok: false, refusal: { code: 'NOT_A_SPREADSHEET' } });
    expect(await readTable({ name: 'fake.xlsx', bytes: pdf }, columns)).toEqual({ ok: false, refusal: { code: 'NOT_A_SPREADSHEET' } });
    const binary = new Uint8Array([0x65, 0x00, 0x66]);
    expect(await readTable({ name: 'binary.csv', bytes: binary }, columns)).toEqual({ ok: false, refusal: { code: 'NOT_A_SPREADSHEET' } });
  });

  it('refuses files over 5 MB and over 20,000 rows', { timeout: 30_000 }, async () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x61);
    expect(await readTable({ name: 'big.csv', bytes: big }, columns)).toMatchObject({ ok: false, refusal: { code: 'TOO_LARGE' } });
    const many = ['编号,名称,数值,日期,占位', ...Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => `C${i},n,1,2020-01-01,否`)].join('\n');
    const read = await readTable({ name: 'many.csv', bytes: new TextEncoder().encode(many) }, columns);
    expect(read).toEqual({ ok: false, refusal: { code: 'TOO_MANY_ROWS', limit: 20_000 } });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['编号', '名称', '数值', '日期', '占位']);
    for (let i = 0; i <= IMPORT_LIMITS.maxRows; i++) ws.addRow([`C${i}`, 'n', 1, '2020-01-01', '否']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await readTable({ name: 'many.xlsx', bytes: xlsx }, columns)).toEqual({ ok: false, refusal: { code: 'TOO_MANY_ROWS', limit: 20_000 } });
  });

  it("reads back every character of a large export (exceljs's streaming reader splits multi-byte characters at chunk edges)", { timeout: 30_000 }, async () => {
    type Named = { name: string };
    const named: Column<Named>[] = [{ key: 'name', zh: '名称', en: 'Name', value: (r) => r.name }];
    async function* many() {
      for (let k = 0; k < 20; k++) yield Array.from({ length: 500 }, (_, i) => ({ name: `未公开参与机构 ${k * 500 + i}` }));
    }
    const file = await bytes(xlsxStream(meta, named, many(), zh, { data: '数据', meta: '导出信息' }));
    const read = await readTable({ name: 'x.xlsx', bytes: file }, named);
    expect(read.ok && read.rows.filter((r, i) => r.values.name !== `未公开参与机构 ${i}`)).toEqual([]);
  });

  it('reads what people type in Excel: real dates and numbers, and only the first sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['编号', '名称', '数值', '日期', '占位']);
    ws.addRow(['A-1', '名称', 325500, new Date(Date.UTC(2020, 5, 12)), '否']);
    ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    wb.addWorksheet('参考').addRow(['编号', '别的表']);
    const read = await readTable({ name: 'typed.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, columns);
    expect(read).toEqual({ ok: true, rows: [{ line: 2, values: { code: 'A-1', name: '名称', value: '325500', at: '2020-06-12', flag: '否' } }], problems: [] });
  });

  it('refuses missing or renamed columns, naming them', async () => {
    const missing = new TextEncoder().encode('编号,名称,数值,日期\nA,b,1,2020-01-01');
    expect(await readTable({ name: 'm.csv', bytes: missing }, columns)).toEqual({ ok: false, refusal: { code: 'MISSING_COLUMNS', columns: ['占位'] } });
    const renamed = new TextEncoder().encode('编号,项目名,数值,日期,占位\nA,b,1,2020-01-01,否');
    expect(await readTable({ name: 'r.csv', bytes: renamed }, columns)).toEqual({ ok: false, refusal: { code: 'UNKNOWN_COLUMNS', columns: ['项目名'] } });
  });

  it('makes a formula, in XLSX and CSV, a problem on its row and column, and passes the other rows on', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['编号', '名称', '数值', '日期', '占位']);
    ws.addRow(['A', 'b', { formula: 'SUM(1,2)', result: 3 }, '2020-01-01', '否']);
    ws.addRow(['B', 'c', 4, '2020-01-01', '否']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const fromXlsx = await readTable({ name: 'f.xlsx', bytes: xlsx }, columns);
    expect(fromXlsx).toMatchObject({ ok: true, problems: [{ line: 2, column: '数值', code: 'FORMULA' }] });
    expect(fromXlsx.ok && fromXlsx.rows.map((r) => r.values.code)).toEqual(['B']);
    const csv = new TextEncoder().encode('编号,名称,数值,日期,占位\nA,b,=1+2,2020-01-01,否\nB,c,4,2020-01-01,否');
    const fromCsv = await readTable({ name: 'f.csv', bytes: csv }, columns);
    expect(fromCsv).toMatchObject({ ok: true, problems: [{ line: 2, column: '数值', code: 'FORMULA' }] });
    expect(fromCsv.ok && fromCsv.rows.map((r) => r.values.code)).toEqual(['B']);
  });
});
