/** Exports as the tests read them: the file's bytes, and its rows read back with the import's own reader. */
import type { Readable } from 'node:stream';
import type { Actor } from '@/lib/rules/authz';
import { readTable } from '@/lib/transfer/tabular/read';
import { exportTable, tableColumns, type ExportView, type Format, type Table } from '@/lib/transfer/transfers';

const meta = { entries: [['导出人', 'test'] as [string, string]] };
const sheetNames = { data: '数据', meta: '导出信息' };

export async function exported(actor: Actor, table: Table, format: Format, view?: ExportView): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of exportTable({ actor, table, format, locale: 'zh', meta, sheetNames, view }) as Readable) chunks.push(Buffer.from(c));
  return new Uint8Array(Buffer.concat(chunks));
}

export async function rowsOf(table: Table, format: Format, bytes: Uint8Array) {
  const read = await readTable({ name: `x.${format}`, bytes }, tableColumns[table]);
  if (!read.ok) throw new Error(JSON.stringify(read.refusal));
  return read.rows.map((r) => r.values);
}
