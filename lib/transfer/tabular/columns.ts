/**
 * Columns of exported and imported tables. Each has a stable key and a header
 * in both languages; exports write the reader's language, imports accept either.
 */
import { formatDay } from '../../rules/time';

export type Cell = string | number | boolean | Date | null;

export type Column<R> = {
  key: string;
  zh: string;
  en: string;
  value: (row: R) => Cell;
  /** Written for the reader's benefit (e.g. a field's name beside its code); ignored on import. */
  readOnly?: true;
  /** May be left out of an imported file (read as empty): columns added after files were first exchanged. */
  optional?: true;
};

export type ExportMeta = {
  /** Label/value pairs written above (CSV) or beside (xlsx "导出信息" sheet) the data. */
  entries: [string, string][];
};

export const headerOf = (c: { zh: string; en: string }, locale: 'zh' | 'en') => (locale === 'zh' ? c.zh : c.en);

/** A cell as text, the way both formats write it: dates as YYYY-MM-DD, booleans as 是/否 (zh) or yes/no. */
export function cellText(value: Cell, locale: 'zh' | 'en'): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDay(value);
  if (typeof value === 'boolean') return locale === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  return String(value);
}
