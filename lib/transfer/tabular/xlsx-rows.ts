/**
 * exceljs's streaming WorkbookReader, with one repair: it turns each inflated
 * chunk of the shared strings and of a worksheet into text on its own, so a
 * Chinese character split between two chunks comes out as two U+FFFD. Here
 * both go through one streaming UTF-8 decoder per part before exceljs parses
 * them. It touches two of the reader's own methods (exceljs 4.4 is pinned);
 * tests/unit/tabular.test.ts reads back a large Chinese export to hold it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

type Chunk = Buffer | string;
/** The two methods of exceljs's WorkbookReader that parse a part's XML. */
type ReaderParts = {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Chunk>, sheetNo: string): Generator<unknown>;
};

async function* decoded(chunks: AsyncIterable<Chunk>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A streaming reader of the workbook in `bytes`: worksheets as they come, rows one by one. */
export function workbookReader(bytes: Buffer): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const parts = reader as unknown as ReaderParts;
  const sharedStrings = parts._parseSharedStrings.bind(reader);
  const worksheet = parts._parseWorksheet.bind(reader);
  parts._parseSharedStrings = (entry) => sharedStrings(Readable.from(decoded(entry)));
  parts._parseWorksheet = (iterator, sheetNo) => worksheet(decoded(iterator), sheetNo);
  return reader;
}
