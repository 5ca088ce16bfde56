/** Exports as the tests read them: the file's bytes, and its rows read back with the import's own reader. */
import type { Readable } from 'node:stream';
import type { Actor } from '@/lib/rules/authz';
import { readTable } from '@/lib/transfer/tabular/read';
import { exportTable, tableColumns, type ExportView, type Format, type Table } from '@/lib/transfer/transfers';
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from './translate';

const meta = { entries: [['导出人', 'test'] as [string, string]] };
const sheetNames = { data: '数据', meta: '导出信息' };

/** An export as the reader in `locale` gets it (Chinese unless said). */
export async function exported(actor: Actor, table: Table, format: Format, view?: ExportView, locale: Locale = 'zh'): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const t = await translatorFor(locale);
  for await (const c of exportTable({ actor, table, format, locale, t, meta, sheetNames, view }) as Readable) chunks.push(Buffer.from(c));
  return new Uint8Array(Buffer.concat(chunks));
}

export async function rowsOf(table: Table, format: Format, bytes: Uint8Array) {
  const read = await readTable({ name: `x.${format}`, bytes }, tableColumns[table]);
  if (!read.ok) throw new Error(JSON.stringify(read.refusal));
  return read.rows.map((r) => r.values);
}
