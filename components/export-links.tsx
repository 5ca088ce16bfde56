import { useTranslations } from 'next-intl';
import type { Table } from '@/lib/transfer/sheets/tables';

/** Download links for a table; `query` carries the view's filters so the file holds the same rows. */
export function ExportLinks({ table, query = '' }: { table: Table; query?: string }) {
  const t = useTranslations('transfer');
  const href = (format: string) => `/api/export/${table}?${new URLSearchParams([...new URLSearchParams(query), ['format', format]])}`;
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm" data-testid={`export-${table}`}>
      <span className="text-slate-500">{t('export')}</span>
      {(['xlsx', 'csv'] as const).map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          className="inline-flex items-center rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 max-sm:min-h-10 max-sm:px-3"
        >
          {format.toUpperCase()}
        </a>
      ))}
      {/* Views too large to stream are written in the background; their files wait on this page. */}
      <a href="/exports" className="inline-flex items-center text-red-800 hover:underline max-sm:min-h-10">
        {t('jobsLink')}
      </a>
    </span>
  );
}
