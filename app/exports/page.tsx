import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ExportJobList } from '@/components/exports/export-job-list';
import { ExportOffer } from '@/components/exports/export-offer';
import { listExportJobs } from '@/lib/data/export-jobs';
import { requestLocale } from '@/lib/i18n/locale';
import { can } from '@/lib/rules/authz';
import { AppError } from '@/lib/server/errors';
import { requireActor } from '@/lib/server/session';
import { describeExportOffer, exportJobThreshold } from '@/lib/transfer/export-jobs';

export async function generateMetadata() {
  return { title: (await getTranslations('exports'))('heading') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The reader's background exports, and, when sent here by an export link too large to stream, the offer to start one. */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, 'program:read')) notFound();
  const params = await searchParams;
  const [table, format, view] = [one(params.table), one(params.format), one(params.view)];
  const locale = await requestLocale();
  const [t, tables, jobs] = await Promise.all([getTranslations('exports'), getTranslations('transfer.tables'), listExportJobs({ actor })]);
  const asked = table !== '' && (format === 'xlsx' || format === 'csv');
  const offer = asked
    ? await describeExportOffer({ actor, table, query: view, locale }).catch((err: unknown) => {
        if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return null;
        throw err;
      })
    : null;
  const limit = exportJobThreshold().toLocaleString(locale === 'zh' ? 'zh-CN' : 'en');
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-sm text-slate-600">{t('intro', { limit })}</p>
      {asked && !offer && <p className="text-sm text-red-800">{t('offerGone')}</p>}
      {offer && (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="export-offer-panel">
          <p className="text-sm">{t('offer', { table: tables(table), format: format.toUpperCase(), rows: offer.rows.toLocaleString(), limit })}</p>
          {offer.filters.length > 0 && <p className="text-sm text-slate-600">{t('offerFilters', { filters: offer.filters.join('；') })}</p>}
          <ExportOffer table={table} format={format} view={view} locale={locale} label={t('start')} />
        </section>
      )}
      <ExportJobList jobs={jobs} />
    </div>
  );
}
