/**
 * Text a spreadsheet would run as a formula: neutralised in every export (CSV
 * and xlsx), refused in every import unless our own export's apostrophe is in
 * front of it, and numbers left alone both ways.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import type { Column, ExportMeta } from '@/lib/transfer/tabular/columns';
import { importedText, neutralised } from '@/lib/transfer/tabular/formula';
import { readTable } from '@/lib/transfer/tabular/read';
import { csvStream, xlsxStream } from '@/lib/transfer/tabular/write';
import { translatorFor } from '../support/translate';

const zh = { locale: 'zh' as const, t: await translatorFor('zh') };

// A carriage return is covered by the rule's own test: XML turns it into a line feed, so xlsx would not give it back.
const HOSTILE = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', ' =1+1', "'=already quoted"];

type Row = { code: string; note: string; value: number };
const columns: Column<Row>[] = [
  { key: 'code', zh: '编号', en: 'Code', value: (r) => r.code },
  { key: 'note', zh: '说明', en: 'Note', value: (r) => r.note },
  { key: 'value', zh: '数值', en: 'Value', value: (r) => r.value },
];
const rows: Row[] = HOSTILE.map((note, i) => ({ code: `H-${i}`, note, value: -i - 0.5 }));
const meta: ExportMeta = { entries: [['导出人', '=cmd|"/c calc"!A1']] };
async function* batches() {
  yield rows;
}
const bytes = async (s: Readable) => Buffer.concat((await s.toArray()).map((c: Buffer | string) => Buffer.from(c)));

describe('the formula rule', () => {
  it('quotes text that would run, and takes exactly that quote off again', () => {
    for (const text of [...HOSTILE, '\r=1', 'plain', "'plain", "''=x", '-', '@']) {
      expect(importedText(neutralised(text))).toBe(text);
    }
    expect(neutralised('=1+1')).toBe("'=1+1");
    expect(neutralised("'=1+1")).toBe("''=1+1");
    expect(neutralised('人脸识别')).toBe('人脸识别');
    expect(neutralised('a=b')).toBe('a=b');
  });

  it('refuses unquoted text that would run, but not a plain number', () => {
    for (const text of ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-', '- 第一点']) expect(importedText(text)).toBeNull();
    for (const text of ['-2', '+3', '-1,234.5', '-0.5', '1e3', '-.5']) expect(importedText(text)).toBe(text);
  });
});

describe('exports', () => {
  it('write hostile text in CSV with a leading apostrophe, and negative numbers as numbers', async () => {
    const file = await bytes(csvStream(meta, columns, batches(), zh));
    const records: string[][] = parse(file.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true });
    expect(records[0]).toEqual(['# 导出人', `'=cmd|"/c calc"!A1`]);
    const body = records.slice(2);
    expect(body.map((r) => r[1])).toEqual(HOSTILE.map((t) => `'${t}`));
    expect(body.map((r) => r[2])).toEqual(rows.map((r) => String(r.value)));
    expect(body[2][2]).toBe('-2.5');
  });

  it('write hostile text in xlsx as string cells, quoted the same way, never as formulas', async () => {
    const file = await bytes(xlsxStream(meta, columns, batches(), zh, { data: '数据', meta: '导出信息' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    HOSTILE.forEach((text, i) => {
      expect(sheet.getCell(i + 2, 2).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(i + 2, 2).value).toBe(`'${text}`);
      expect(sheet.getCell(i + 2, 3).value).toBe(rows[i].value);
    });
    expect(wb.worksheets[1].getCell('B1').value).toBe(`'=cmd|"/c calc"!A1`);
    expect(await partsText(file)).not.toMatch(/<f[\s>]/);
  });

  it('exceljs itself writes a string starting with = as a string, not a formula', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('data').addRow(['=HYPERLINK("http://evil","x")', '+1+1']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await partsText(file)).not.toMatch(/<f[\s>]/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(file as unknown as ArrayBuffer);
    expect(back.worksheets[0].getCell('A1').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('imports', () => {
  const header = '编号,说明,数值';

  it('make each hostile text a problem on its row and column, in CSV and in xlsx', async () => {
    const unquoted = HOSTILE.slice(0, 4);
    const csv = [header, ...unquoted.map((t, i) => `H-${i},"${t.replaceAll('"', '""')}",1`), 'OK,fine,-2'].join('\n');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['编号', '说明', '数值']);
    unquoted.forEach((t, i) => ws.addRow([`H-${i}`, t, 1]));
    ws.addRow(['OK', 'fine', -2]);
    const files = [
      { name: 'h.csv', bytes: new TextEncoder().encode(csv) },
      { name: 'h.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) },
    ];
    for (const file of files) {
      const read = await readTable(file, columns);
      expect(read, file.name).toEqual({
        ok: true,
        rows: [{ line: 6, values: { code: 'OK', note: 'fine', value: '-2' } }],
        problems: unquoted.map((_, i) => ({ line: i + 2, column: '说明', code: 'FORMULA' })),
      });
    }
  });

  it('read our own exports back unchanged, in CSV and in xlsx', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const stream = format === 'csv' ? csvStream(meta, columns, batches(), zh) : xlsxStream(meta, columns, batches(), zh, { data: 'd', meta: 'm' });
      const read = await readTable({ name: `x.${format}`, bytes: await bytes(stream) }, columns);
      expect(read.ok && read.problems).toEqual([]);
      expect(read.ok && read.rows.map((r) => r.values.note)).toEqual(HOSTILE);
      expect(read.ok && read.rows.map((r) => Number(r.values.value))).toEqual(rows.map((r) => r.value));
    }
  });
});

/** Every XML part of an xlsx as one text. */
async function partsText(file: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(file, { lazyEntries: true });
  let text = '';
  for await (const entry of zip.eachEntry()) text += Buffer.concat(await (await zip.openReadStreamPromise(entry)).toArray()).toString('utf8');
  return text;
}
