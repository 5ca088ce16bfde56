/**
 * Hand-built xlsx files for the upload guard's tests: a real, minimal workbook
 * whose one sheet is streamed from a generator and compressed as it goes, so a
 * sheet of hundreds of MB never sits in memory (the file itself stays small).
 */
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import yazl from 'yazl';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const PARTS: Record<string, string> = {
  '[Content_Types].xml':
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels': `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const column = (i: number) => String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26));

/** One row of inline-string cells, as Excel's XML writes it. */
export const sheetRow = (line: number, cells: string[]) =>
  `<row r="${line}">${cells.map((c, i) => `<c r="${column(i)}${line}" t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`;

/**
 * An xlsx whose first sheet's rows come from `rows` (strings of `<row>` XML, or
 * buffers of them, repeated as often as wanted); `after` is XML that follows the
 * rows in the sheet (merged cells, data validations).
 */
export async function xlsxOf(rows: Iterable<string | Buffer>, after = ''): Promise<Buffer> {
  function* sheet() {
    yield Buffer.from(`${XML}<worksheet xmlns="${MAIN}"><sheetData>`);
    for (const r of rows) yield typeof r === 'string' ? Buffer.from(r) : r;
    yield Buffer.from(`</sheetData>${after}</worksheet>`);
  }
  const zip = new yazl.ZipFile();
  for (const [name, xml] of Object.entries(PARTS)) zip.addBuffer(Buffer.from(xml), name);
  zip.addReadStream(Readable.from(sheet()), 'xl/worksheets/sheet1.xml');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `times` copies of `block` (the same buffer each time: nothing is allocated per copy). */
export function* repeated(block: string, times: number): Generator<Buffer> {
  const bytes = Buffer.from(block);
  for (let i = 0; i < times; i++) yield bytes;
}

/** Where each central directory record starts, by part name (read from the end-of-directory record). */
function centralRecords(zip: Buffer): Map<string, number> {
  const end = zip.lastIndexOf('PK\x05\x06', undefined, 'latin1');
  const count = zip.readUInt16LE(end + 10);
  const records = new Map<string, number>();
  for (let i = 0, at = zip.readUInt32LE(end + 16); i < count; i++) {
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    records.set(zip.toString('utf8', at + 46, at + 46 + nameLength), at);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

/** The same zip with its central directory claiming another unpacked size for `name`: an archive that lies about what it unpacks to. */
export function declaring(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  out.writeUInt32LE(size, centralRecords(out).get(name)! + 24);
  return out;
}

/** Packed and unpacked sizes as the central directory gives them, by part name. */
export function declaredSizes(zip: Buffer): Record<string, { packed: number; unpacked: number }> {
  return Object.fromEntries([...centralRecords(zip)].map(([name, at]) => [name, { packed: zip.readUInt32LE(at + 20), unpacked: zip.readUInt32LE(at + 24) }]));
}
