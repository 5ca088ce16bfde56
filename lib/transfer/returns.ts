import 'server-only';
/**
 * The returns board exported: exactly the rows the board shows for its URL
 * (program, template, period and filters), scoped to the reader, in xlsx or csv.
 */
import type { Readable } from 'node:stream';
import type { Locale } from '../i18n/config';
import type { Translate } from '../i18n/translator';
import type { ReturnBoard } from '../data/return-board';
import { returnBoardColumns, type ReturnBoardSheetRow } from './sheets/returns';
import type { ExportMeta } from './tabular/columns';
import { csvStream, xlsxStream } from './tabular/write';
import type { Format } from './transfers';

export function exportReturnBoard(options: {
  board: ReturnBoard;
  format: Format;
  locale: Locale;
  t: Translate;
  meta: ExportMeta;
  sheetNames: { data: string; meta: string };
}): Readable {
  const { board, format, meta } = options;
  const context = { locale: options.locale, t: options.t };
  const rows: ReturnBoardSheetRow[] = (board.figures?.rows ?? []).map((r) => ({ ...r, period: board.period?.key ?? '' }));
  async function* batches() {
    yield rows;
  }
  return format === 'csv'
    ? csvStream(meta, returnBoardColumns, batches(), context)
    : xlsxStream(meta, returnBoardColumns, batches(), context, options.sheetNames);
}
