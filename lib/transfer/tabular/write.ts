/**
 * Streaming writers: rows arrive in batches from the database and leave as
 * bytes, so a 10,000-project export never sits whole in memory. Text that a
 * spreadsheet would run as a formula is written with a leading apostrophe in
 * both formats (./formula.ts); numbers stay numbers.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { cellText, headerOf, type Cell, type CellContext, type Column, type ExportMeta } from './columns';
import { neutralised } from './formula';

const BOM = '\uFEFF';

/** CSV in UTF-8 with a BOM (so Excel opens Chinese correctly); the export's context as `#` lines first. */
export function csvStream<R>(meta: ExportMeta, columns: Column<R>[], batches: AsyncIterable<R[]>, context: CellContext): Readable {
  const { locale } = context;
  async function* lines() {
    yield BOM + meta.entries.map(([k, v]) => stringify([[`# ${k}`, neutralised(v)]])).join('');
    yield stringify([columns.map((c) => headerOf(c, locale))]);
    for await (const batch of batches) {
      yield stringify(batch.map((row) => columns.map((c) => csvValue(c.value(row, context), locale))));
    }
  }
  return Readable.from(lines());
}

/** XLSX with a data sheet and an "export information" sheet, written row by row. */
export function xlsxStream<R>(
  meta: ExportMeta,
  columns: Column<R>[],
  batches: AsyncIterable<R[]>,
  context: CellContext,
  sheetNames: { data: string; meta: string },
): Readable {
  const { locale } = context;
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    const sheet = workbook.addWorksheet(sheetNames.data, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: headerOf(c, locale), key: c.key, width: Math.max(12, headerOf(c, locale).length * 2 + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of batches) {
      for (const row of batch) {
        sheet.addRow(columns.map((c) => excelValue(c.value(row, context), locale))).commit();
      }
    }
    sheet.commit();
    const info = workbook.addWorksheet(sheetNames.meta);
    for (const [label, value] of meta.entries) info.addRow([label, neutralised(value)]).commit();
    info.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** A number as its digits (a negative number is not text); anything else as text that will not run. */
function csvValue(value: Cell, locale: CellContext['locale']): string {
  return typeof value === 'number' ? String(value) : neutralised(cellText(value, locale));
}

/**
 * Numbers stay numbers in Excel; dates and booleans are written as the same text
 * the CSV holds. exceljs writes a string as a string cell, never as a formula.
 */
function excelValue(value: Cell, locale: CellContext['locale']): string | number {
  return typeof value === 'number' ? value : neutralised(cellText(value, locale));
}
