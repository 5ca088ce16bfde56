/**
 * Reads an uploaded spreadsheet (xlsx or csv) into rows keyed by column, or
 * refuses it with a reason: not a spreadsheet, too large (as uploaded or once
 * unpacked), too many rows or cells, missing or renamed columns. A cell that
 * holds a formula, or text a spreadsheet would run as one, is a problem on its
 * row and column (lib/transfer/tabular/formula.ts); its row goes no further.
 *
 * Both formats are read as streams, a row at a time (exceljs's streaming
 * WorkbookReader through ./xlsx-rows.ts, csv-parse's stream API): only the rows read so far are kept,
 * never the workbook's cells, so memory follows the rows, not the file's XML.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { IMPORT_LIMITS, type Refusal } from '../limits';
import { formatDay } from '../../rules/time';
import type { Problem } from '../sheets/problems';
import { importedText } from './formula';
import { checkXlsxArchive } from './xlsx-guard';
import { workbookReader } from './xlsx-rows';

export { IMPORT_LIMITS, type Refusal };

export type ReadRow = { line: number; values: Record<string, string> };
export type ReadResult = { ok: true; rows: ReadRow[]; problems: Problem[] } | { ok: false; refusal: Refusal };
/** Rows read so far of about `total`; awaited every PROGRESS_EVERY rows. */
export type ReadProgress = (done: number, total: number) => void | Promise<void>;

type ColumnSpec = { key: string; zh: string; en: string; readOnly?: true; optional?: true; machine?: true };

const PROGRESS_EVERY = 1_000;

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readTable(file: { name: string; bytes: Uint8Array }, columns: ColumnSpec[], progress?: ReadProgress): Promise<ReadResult> {
  if (file.bytes.byteLength > IMPORT_LIMITS.maxBytes) return refuse({ code: 'TOO_LARGE', limit: IMPORT_LIMITS.maxBytes });
  const name = file.name.toLowerCase();
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  let records: AsyncIterable<Positioned>;
  let total: number;
  if (name.endsWith('.xlsx') && isZip(bytes)) {
    const check = await checkXlsxArchive(bytes);
    if (check.refusal) return refuse(check.refusal);
    records = xlsxRecords(bytes);
    total = check.rows ?? 0;
  } else if (name.endsWith('.csv') && !bytes.includes(0)) {
    records = csvRecords(bytes);
    total = countLines(bytes);
  } else return refuse({ code: 'NOT_A_SPREADSHEET' });
  const rows = new RowReader(columns);
  let seen = 0;
  try {
    for await (const record of records) {
      const refusal = rows.add(record);
      if (refusal) return refuse(refusal);
      if (progress && ++seen % PROGRESS_EVERY === 0) await progress(seen, Math.max(total, seen));
    }
  } catch {
    return refuse({ code: 'NOT_A_SPREADSHEET' });
  }
  return rows.end();
}

const refuse = (refusal: Refusal): ReadResult => ({ ok: false, refusal });

/** A record's cells and its place in the file: the sheet's row number less one, or the csv record's index. */
type Positioned = { index: number; cells: string[] };

/** The first sheet, row by row, as text cells; a formula becomes its text ("=SUM(…)"), which the formula rule then refuses. */
async function* xlsxRecords(bytes: Buffer): AsyncGenerator<Positioned> {
  for await (const sheet of workbookReader(bytes)) {
    for await (const row of sheet) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined ? `=${cell.formula ?? ''}` : cellToText(cell);
      });
      yield { index: row.number - 1, cells: Array.from(cells, (c) => c ?? '') };
    }
    // The first sheet only.
    return;
  }
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
  if (typeof v === 'object' && 'sharedFormula' in v) return `=${String(v.sharedFormula)}`;
  return String(v).trim();
}

/** Records as csv-parse streams them: UTF-8 (a BOM dropped, a bad byte read as U+FFFD), empty lines skipped. */
async function* csvRecords(bytes: Buffer): AsyncGenerator<Positioned> {
  const parser = Readable.from([bytes]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let index = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { index: index++, cells };
  } finally {
    parser.destroy();
  }
}

const countLines = (bytes: Buffer) => {
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  return lines + 1;
};

/**
 * Turns records into rows as they arrive: the header (the first row that is
 * neither empty nor a `#` context line) names the columns, every later record
 * is a data row. Refuses at the header, or at the first row over the limit.
 */
class RowReader {
  private header: string[] | null = null;
  private headerAt = -1;
  private readonly byHeader: Map<string, ColumnSpec>;
  private readonly rows: ReadRow[] = [];
  private readonly problems: Problem[] = [];

  constructor(private readonly columns: ColumnSpec[]) {
    this.byHeader = new Map(columns.flatMap((c) => [[c.zh, c] as const, [c.en, c] as const]));
  }

  add({ index, cells }: Positioned): Refusal | null {
    if (!this.header) {
      if (cells.length > 0 && !cells[0].startsWith('#') && cells.some((c) => c !== '')) return this.takeHeader(index, cells);
      return null;
    }
    if (index - this.headerAt > IMPORT_LIMITS.maxRows) return { code: 'TOO_MANY_ROWS', limit: IMPORT_LIMITS.maxRows };
    if (cells.every((c) => c === '')) return null;
    const line = index + 1;
    const values: Record<string, string> = {};
    let formula = false;
    this.header.forEach((h, col) => {
      const column = this.byHeader.get(h);
      if (!column) return;
      const text = importedText(cells[col] ?? '');
      // Read-only columns are not imported, but a formula there is refused all the same.
      if (text === null) {
        this.problems.push({ line, column: column.zh, code: 'FORMULA' });
        formula = true;
      } else if (!column.readOnly) values[column.key] = text;
    });
    if (!formula) this.rows.push({ line, values });
    return null;
  }

  end(): ReadResult {
    if (!this.header || (this.rows.length === 0 && this.problems.length === 0)) return refuse({ code: 'EMPTY' });
    return { ok: true, rows: this.rows, problems: this.problems };
  }

  private takeHeader(index: number, cells: string[]): Refusal | null {
    const header = cells.map((h) => h.trim());
    const unknown = header.filter((h) => h !== '' && !this.byHeader.has(h));
    if (unknown.length) return { code: 'UNKNOWN_COLUMNS', columns: unknown };
    const present = new Set(header.map((h) => this.byHeader.get(h)?.key));
    const missing = this.columns.filter((c) => !c.readOnly && !c.optional && !c.machine && !present.has(c.key)).map((c) => c.zh);
    if (missing.length) return { code: 'MISSING_COLUMNS', columns: missing };
    this.header = header;
    this.headerAt = index;
    return null;
  }
}
