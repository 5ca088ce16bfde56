/**
 * Reads an uploaded spreadsheet (xlsx or csv) into rows keyed by column, or
 * refuses it with a reason: not a spreadsheet, too large (as uploaded or once
 * unpacked), too many rows or cells, missing or renamed columns. A cell that
 * holds a formula, or text a spreadsheet would run as one, is a problem on its
 * row and column (lib/transfer/tabular/formula.ts); its row goes no further.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { IMPORT_LIMITS, type Refusal } from '../limits';
import { formatDay } from '../../rules/time';
import type { Problem } from '../sheets/problems';
import { importedText } from './formula';
import { checkXlsxArchive } from './xlsx-guard';

export { IMPORT_LIMITS, type Refusal };

export type ReadRow = { line: number; values: Record<string, string> };
export type ReadResult = { ok: true; rows: ReadRow[]; problems: Problem[] } | { ok: false; refusal: Refusal };

type ColumnSpec = { key: string; zh: string; en: string; readOnly?: true; optional?: true; machine?: true };

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readTable(file: { name: string; bytes: Uint8Array }, columns: ColumnSpec[]): Promise<ReadResult> {
  if (file.bytes.byteLength > IMPORT_LIMITS.maxBytes) return refuse({ code: 'TOO_LARGE', limit: IMPORT_LIMITS.maxBytes });
  const name = file.name.toLowerCase();
  let grid: string[][] | Refusal;
  if (name.endsWith('.xlsx') && isZip(file.bytes)) {
    const { refusal } = await checkXlsxArchive(file.bytes);
    grid = refusal ?? (await xlsxGrid(file.bytes));
  } else if (name.endsWith('.csv') && !file.bytes.includes(0)) grid = csvGrid(file.bytes);
  else return refuse({ code: 'NOT_A_SPREADSHEET' });
  if (!Array.isArray(grid)) return refuse(grid);
  return toRows(grid, columns);
}

const refuse = (refusal: Refusal): ReadResult => ({ ok: false, refusal });

/** The first sheet as text cells; a formula becomes its text ("=SUM(…)"), which the formula rule then refuses. */
async function xlsxGrid(bytes: Uint8Array): Promise<string[][] | Refusal> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { code: 'NOT_A_SPREADSHEET' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { code: 'EMPTY' };
  if (sheet.actualRowCount > IMPORT_LIMITS.maxRows + 1) return { code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows };
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined ? `=${cell.formula ?? ''}` : cellToText(cell);
    });
    grid[line - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

function cellToText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // exceljs reads a date cell as that day's UTC midnight.
  if (v instanceof Date) return formatDay(v);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

/**
 * Records parsed before stopping: the header, one row over the limit, and room
 * for the `#` context lines an export writes above the header.
 */
const CSV_RECORDS = IMPORT_LIMITS.maxRows + 2 + 100;

function csvGrid(bytes: Uint8Array): string[][] | Refusal {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  try {
    // `to` stops the parser there: a file of a million short lines is not read to its end.
    const rows: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, to: CSV_RECORDS });
    if (rows.length >= CSV_RECORDS) return { code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows };
    return rows;
  } catch {
    return { code: 'NOT_A_SPREADSHEET' };
  }
}

function toRows(grid: string[][], columns: ColumnSpec[]): ReadResult {
  const headerAt = grid.findIndex((r) => r.length > 0 && !r[0].startsWith('#') && r.some((c) => c !== ''));
  if (headerAt < 0) return refuse({ code: 'EMPTY' });
  const header = grid[headerAt].map((h) => h.trim());
  const byHeader = new Map(columns.flatMap((c) => [[c.zh, c] as const, [c.en, c] as const]));
  const unknown = header.filter((h) => h !== '' && !byHeader.has(h));
  if (unknown.length) return refuse({ code: 'UNKNOWN_COLUMNS', columns: unknown });
  const present = new Set(header.map((h) => byHeader.get(h)?.key));
  const missing = columns.filter((c) => !c.readOnly && !c.optional && !c.machine && !present.has(c.key)).map((c) => c.zh);
  if (missing.length) return refuse({ code: 'MISSING_COLUMNS', columns: missing });
  const body = grid.slice(headerAt + 1);
  if (body.length > IMPORT_LIMITS.maxRows) return refuse({ code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows });
  const rows: ReadRow[] = [];
  const problems: Problem[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    const line = headerAt + i + 2;
    const values: Record<string, string> = {};
    let formula = false;
    header.forEach((h, col) => {
      const column = byHeader.get(h);
      if (!column) return;
      const text = importedText(cells[col] ?? '');
      // Read-only columns are not imported, but a formula there is refused all the same.
      if (text === null) {
        problems.push({ line, column: column.zh, code: 'FORMULA' });
        formula = true;
      } else if (!column.readOnly) values[column.key] = text;
    });
    if (!formula) rows.push({ line, values });
  });
  if (rows.length === 0 && problems.length === 0) return refuse({ code: 'EMPTY' });
  return { ok: true, rows, problems };
}
