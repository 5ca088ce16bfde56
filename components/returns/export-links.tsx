import { useTranslations } from 'next-intl';

/** Download links for the board as it is shown: `query` carries the program, template, period and filters. */
export function ExportLinks({ query }: { query: string }) {
  const t = useTranslations('transfer');
  const href = (format: string) => `/api/returns/export?${new URLSearchParams([...new URLSearchParams(query), ['format', format]])}`;
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm" data-testid="export-returns">
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
    </span>
  );
}
