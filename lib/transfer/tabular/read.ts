/**
 * Reads an uploaded spreadsheet (xlsx or csv) into rows keyed by column, or
 * refuses it with a reason: not a spreadsheet, too large (as uploaded or once
 * unpacked), too many rows or cells, missing or renamed columns, or formulas
 * where values are expected.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { IMPORT_LIMITS, type Refusal } from '../limits';
import { checkXlsxArchive } from './xlsx-guard';

export { IMPORT_LIMITS, type Refusal };

export type ReadRow = { line: number; values: Record<string, string> };
export type ReadResult = { ok: true; rows: ReadRow[] } | { ok: false; refusal: Refusal };

type ColumnSpec = { key: string; zh: string; en: string; readOnly?: true };

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

/** The first sheet as text cells; a formula anywhere refuses the file. Context lines (`# …`) are skipped. */
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
  let formula: Refusal | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (!formula && (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined)) {
        formula = { code: 'FORMULA', line, column: String(grid[0]?.[col - 1] ?? col) };
      }
      cells[col - 1] = cellToText(cell);
    });
    grid[line - 1] = Array.from(cells, (c) => c ?? '');
  });
  if (formula) return formula;
  return Array.from(grid, (r) => r ?? []);
}

function cellToText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
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
    // Excel would evaluate a cell starting with "=": refuse it as a formula.
    const header = rows.find((r) => !r[0]?.startsWith('#')) ?? [];
    const formulaAt = rows.findIndex((r) => r[0]?.startsWith('#') !== true && r.some((c) => c.startsWith('=')));
    if (formulaAt >= 0) {
      const col = rows[formulaAt].findIndex((c) => c.startsWith('='));
      return { code: 'FORMULA', line: formulaAt + 1, column: header[col] ?? String(col + 1) };
    }
    return rows;
  } catch {
    return { code: 'NOT_A_SPREADSHEET' };
  }
}

function toRows(grid: string[][], columns: ColumnSpec[]): ReadResult {
  const headerAt = grid.findIndex((r) => r.length > 0 && !r[0].startsWith('#') && r.some((c) => c !== ''));
  if (headerAt < 0) return refuse({ code: 'EMPTY' });
  const header = grid[headerAt].map((h) => h.trim());
  const keyOf = new Map(
    columns.flatMap(
      (c) =>
        [
          [c.zh, c.key],
          [c.en, c.key],
        ] as const,
    ),
  );
  const unknown = header.filter((h) => h !== '' && !keyOf.has(h));
  if (unknown.length) return refuse({ code: 'UNKNOWN_COLUMNS', columns: unknown });
  const present = new Set(header.map((h) => keyOf.get(h)));
  const missing = columns.filter((c) => !c.readOnly && !present.has(c.key)).map((c) => c.zh);
  if (missing.length) return refuse({ code: 'MISSING_COLUMNS', columns: missing });
  const readOnly = new Set(columns.filter((c) => c.readOnly).map((c) => c.key));
  const body = grid.slice(headerAt + 1);
  if (body.length > IMPORT_LIMITS.maxRows) return refuse({ code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows });
  const rows: ReadRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === '')) return;
    const values: Record<string, string> = {};
    header.forEach((h, col) => {
      const key = keyOf.get(h);
      if (key && !readOnly.has(key)) values[key] = cells[col] ?? '';
    });
    rows.push({ line: headerAt + i + 2, values });
  });
  if (rows.length === 0) return refuse({ code: 'EMPTY' });
  return { ok: true, rows };
}
