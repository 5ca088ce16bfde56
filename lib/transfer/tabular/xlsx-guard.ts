/**
 * Checks an xlsx (a zip) before exceljs unpacks it whole into memory. First the
 * zip's central directory: how many parts, what they say they unpack to in
 * total, and how far each is compressed. Then every part is inflated and
 * counted, nothing kept: a part that unpacks to more than it declared, or past
 * the total, stops there; the rows and cells of each sheet are counted on the
 * way, so an over-long sheet stops at the row limit instead of at its end.
 */
import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { IMPORT_LIMITS, type Refusal } from '../limits';

/** The parts exceljs reads as worksheets (it matches their names, not the workbook's relations). */
const WORKSHEET = /xl\/worksheets\/sheet\d+\.xml/;

export type ArchiveCheck = { refusal: Refusal | null; /** bytes inflated before the check ended */ unpacked: number };
type Limits = Record<'maxEntries' | 'maxUnpackedBytes' | 'maxRatio' | 'ratioFloorBytes' | 'maxRows' | 'maxCells', number>;

export async function checkXlsxArchive(bytes: Uint8Array, limits: Limits = IMPORT_LIMITS): Promise<ArchiveCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true });
  } catch {
    return { refusal: { code: 'NOT_A_SPREADSHEET' }, unpacked: 0 };
  }
  const tally = { unpacked: 0, cells: 0 };
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
    return { refusal: null, unpacked: tally.unpacked };
  } catch {
    // Bad compressed data, an encrypted part, a part longer than it declared.
    return { refusal: { code: 'DAMAGED' }, unpacked: tally.unpacked };
  } finally {
    zip.close();
  }
}

async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, tally: { unpacked: number; cells: number }, limits: Limits) {
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
      tally.cells += sheet.cells;
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

class SheetTally {
  rows = 0;
  cells = 0;
  private rowOpen = false;
  private carry = '';

  /** Bytes as latin1 (one character each): the tags are ASCII, so no character is split between chunks. */
  add(text: string) {
    const all = this.carry + text;
    const settled = Math.max(0, all.length - CARRY);
    this.count(all, settled);
    this.carry = all.slice(settled);
  }

  end() {
    this.count(this.carry, this.carry.length);
    this.carry = '';
  }

  over(cellsBefore: number, limits: Limits): Refusal | null {
    // One header row above the data rows.
    if (this.rows > limits.maxRows + 1) return { code: 'TOO_MANY_ROWS', limit: limits.maxRows };
    if (cellsBefore + this.cells > limits.maxCells) return { code: 'TOO_MANY_CELLS', limit: limits.maxCells };
    return null;
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
