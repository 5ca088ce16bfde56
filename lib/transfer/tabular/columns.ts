/**
 * Columns of exported and imported tables. Each has a stable key and a header
 * in both languages; exports write the reader's language, imports accept either.
 */
import type { Locale } from '../../i18n/config';
import type { Translate } from '../../i18n/translator';
import { formatDay } from '../../rules/time';
import type { CodeList } from '../labels';

export type Cell = string | number | boolean | Date | null;

/** What writing a cell in the reader's language needs. */
export type CellContext = { locale: Locale; t: Translate };

/** Where a template's drop-down list for a column comes from: a code list, yes/no, or a reference sheet's first column. */
export type Choices =
  { list: CodeList } | { yesNo: true } | { sheet: 'programs' | 'directions' | 'fields' | 'stages' | 'institutions' | 'indicators' | 'projects' };

export type Column<R> = {
  key: string;
  zh: string;
  en: string;
  value: (row: R, context: CellContext) => Cell;
  /** Written for the reader's benefit (a field's name beside its code, a date in words); ignored on import. */
  readOnly?: true;
  /** May be left out of an imported file (read as empty): columns added after files were first exchanged. */
  optional?: true;
  /** The code beside a label column, for machines: in exports, optional on import, left out of templates. */
  machine?: true;
  /** The values a template offers in a drop-down list. */
  choices?: Choices;
};

export type ExportMeta = {
  /** Label/value pairs written above (CSV) or beside (xlsx "导出信息" sheet) the data. */
  entries: [string, string][];
};

export const headerOf = (c: { zh: string; en: string }, locale: Locale) => (locale === 'zh' ? c.zh : c.en);

/** A cell as text, the way both formats write it: dates as YYYY-MM-DD, booleans as 是/否 (zh) or yes/no. */
export function cellText(value: Cell, locale: Locale): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDay(value);
  if (typeof value === 'boolean') return locale === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  return String(value);
}
