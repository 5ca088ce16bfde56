/**
 * Checks an xlsx (a zip) before exceljs unpacks it whole into memory. First the
 * zip's central directory: how many parts, what they say they unpack to in
 * total, and how far each is compressed. Then every part is inflated and
 * counted, nothing kept: a part that unpacks to more than it declared, or past
 * the total, stops there; the rows and cells of each sheet are counted on the
 * way, so an over-long sheet stops at the row limit instead of at its end.
 * exceljs also makes an object for every cell a merged range or a data
 * validation covers, so those count as cells too: one `<mergeCell
 * ref="A1:Z200000"/>` would otherwise cost gigabytes in a file of a few KB.
 */
import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { IMPORT_LIMITS, type Refusal } from '../limits';

/** The parts exceljs reads as worksheets (it matches their names, not the workbook's relations). */
const WORKSHEET = /xl\/worksheets\/sheet\d+\.xml/;

export type ArchiveCheck = {
  refusal: Refusal | null;
  /** bytes inflated before the check ended */
  unpacked: number;
  /** rows of the longest sheet (its header included): what reading it will go through */
  rows?: number;
};
type Limits = Record<'maxEntries' | 'maxUnpackedBytes' | 'maxRatio' | 'ratioFloorBytes' | 'maxRows' | 'maxCells', number>;

export async function checkXlsxArchive(bytes: Uint8Array, limits: Limits = IMPORT_LIMITS): Promise<ArchiveCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true });
  } catch {
    return { refusal: { code: 'NOT_A_SPREADSHEET' }, unpacked: 0 };
  }
  const tally = { unpacked: 0, cells: 0, rows: 0 };
  try {
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entries.push(entry) > limits.maxEntries) return { refusal: { code: 'DAMAGED' }, unpacked: 0 };
    }
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUnpackedBytes) return { refusal: { code: 'UNPACKS_TOO_LARGE', limit: limits.maxUnpackedBytes }, unpacked: 0 };
    const squeezed = entries.some((e) => e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * e.compressedSize);
    if (squeezed) return { refusal: { code: 'COMPRESSION_RATIO', limit: limits.maxRatio }, unpacked: 0 };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const refusal = await inflate(zip, entry, tally, limits);
      if (refusal) return { refusal, unpacked: tally.unpacked };
    }
    return { refusal: null, unpacked: tally.unpacked, rows: tally.rows };
  } catch {
    // Bad compressed data, an encrypted part, a part longer than it declared.
    return { refusal: { code: 'DAMAGED' }, unpacked: tally.unpacked };
  } finally {
    zip.close();
  }
}

async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, tally: { unpacked: number; cells: number; rows: number }, limits: Limits) {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const sheet = WORKSHEET.test(entry.fileName) ? new SheetTally() : null;
  let own = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      own += chunk.length;
      tally.unpacked += chunk.length;
      if (own > entry.uncompressedSize) return { code: 'DAMAGED' } as const;
      if (tally.unpacked > limits.maxUnpackedBytes) return { code: 'UNPACKS_TOO_LARGE', limit: limits.maxUnpackedBytes } as const;
      if (sheet) {
        sheet.add(chunk.toString('latin1'));
        const over = sheet.over(tally.cells, limits);
        if (over) return over;
      }
    }
    if (sheet) {
      sheet.end();
      const over = sheet.over(tally.cells, limits);
      if (over) return over;
      tally.cells += sheet.cells + sheet.covered;
      tally.rows = Math.max(tally.rows, sheet.rows);
    }
    return null;
  } finally {
    stream.destroy();
  }
}

/** A sheet's `<row>` and `<c>` start tags (any namespace prefix); a row counts once it has a cell. */
const TAG = /<(?:[A-Za-z_][\w.-]{0,30}:)?(row|c)[\s>/]/g;
/** Longer than any tag TAG matches: text this close to a chunk's end waits for the next chunk. */
const CARRY = 40;
/** A whole `<mergeCell …>` or `<dataValidation …>` start tag, and one still open at the end of the text. */
const AREA = /<(?:[A-Za-z_][\w.-]{0,30}:)?(?:mergeCell|dataValidation)\s[^>]*>/g;
const OPEN_AREA = /<(?:[A-Za-z_][\w.-]{0,30}:)?(?:mergeCell|dataValidation)\s[^>]*$/;
/** An area tag longer than this is no workbook's: refused as damaged. */
const MAX_AREA_TAG = 1024 * 1024;

const columnNumber = (letters: string) => [...letters].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0);

/** The cells a `ref`/`sqref` list covers ("A1:B3 D5"), as exceljs expands them: a reference it cannot read covers one cell. */
export function coveredCells(refs: string): number {
  let cells = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.toUpperCase());
    if (!m) cells += 1;
    else if (!m[3]) cells += 1;
    else cells += (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1);
  }
  return cells;
}

class SheetTally {
  rows = 0;
  cells = 0;
  /** Cells that merged ranges and data validations cover. */
  covered = 0;
  damaged = false;
  private rowOpen = false;
  private carry = '';
  private areaCarry = '';

  /** Bytes as latin1 (one character each): the tags are ASCII, so no character is split between chunks. */
  add(text: string) {
    const all = this.carry + text;
    const settled = Math.max(0, all.length - CARRY);
    this.count(all, settled);
    this.carry = all.slice(settled);
    this.areas(text);
  }

  end() {
    this.count(this.carry, this.carry.length);
    this.carry = '';
  }

  over(cellsBefore: number, limits: Limits): Refusal | null {
    if (this.damaged) return { code: 'DAMAGED' };
    // One header row above the data rows.
    if (this.rows > limits.maxRows + 1) return { code: 'TOO_MANY_ROWS', limit: limits.maxRows };
    if (cellsBefore + this.cells + this.covered > limits.maxCells) return { code: 'TOO_MANY_CELLS', limit: limits.maxCells };
    return null;
  }

  /** Adds up the areas of merged ranges and data validations; a tag cut by the chunk's end waits for the next chunk. */
  private areas(chunk: string) {
    const text = this.areaCarry + chunk;
    AREA.lastIndex = 0;
    let end = 0;
    for (let m = AREA.exec(text); m; m = AREA.exec(text)) {
      const refs = /\s(?:sqref|ref)="([^"]*)"/.exec(m[0]);
      if (refs) this.covered += coveredCells(refs[1]);
      end = AREA.lastIndex;
    }
    const rest = text.slice(end);
    const open = OPEN_AREA.exec(rest);
    // An open tag waits whole for its end; otherwise a short tail, where the next tag may begin.
    this.areaCarry = open ? rest.slice(open.index) : rest.slice(-CARRY);
    if (this.areaCarry.length > MAX_AREA_TAG) this.damaged = true;
  }

  /** Counts the tags that start before `until`; later ones are counted with the next chunk. */
  private count(text: string, until: number) {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m && m.index < until; m = TAG.exec(text)) {
      if (m[1] === 'row') this.rowOpen = true;
      else {
        this.cells++;
        if (this.rowOpen) this.rows++;
        this.rowOpen = false;
      }
    }
  }
}
