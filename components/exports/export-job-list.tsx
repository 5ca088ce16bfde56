import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/table-scroll';
import type { ExportJobView } from '@/lib/data/export-jobs';
import { formatMoment } from '@/lib/rules/time';
import { RefreshWhile } from './refresh-while';

const running = (job: ExportJobView) => job.status === 'QUEUED' || job.status === 'RUNNING';

/** The reader's own export jobs: where each stands, a progress bar while it is written, and its file when done. */
export async function ExportJobList({ jobs }: { jobs: ExportJobView[] }) {
  const [t, tables] = await Promise.all([getTranslations('exports'), getTranslations('transfer.tables')]);
  if (jobs.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <TableScroll label={t('heading')}>
      <RefreshWhile active={jobs.some(running)} />
      <table className="w-full text-left text-sm" data-testid="export-jobs">
        <thead className="text-slate-500">
          <tr>
            <th scope="col">{t('table')}</th>
            <th scope="col">{t('format')}</th>
            <th scope="col">{t('requested')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('progress')}</th>
            <th scope="col">{t('file')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const table = tables.has(job.table) ? tables(job.table) : job.table;
            return (
              <tr key={job.id} className="border-t border-slate-100" data-testid="export-job" data-status={job.status}>
                <td className="py-1">{table}</td>
                <td>{job.format.toUpperCase()}</td>
                <td className="tabular-nums">{formatMoment(job.createdAt)}</td>
                <td>{t(`state.${job.status}`)}</td>
                <td className="min-w-40">
                  <progress
                    className="h-2 w-32 accent-red-800"
                    aria-label={t('progressLabel', { table })}
                    max={Math.max(job.rowsTotal, 1)}
                    value={job.status === 'DONE' ? Math.max(job.rowsTotal, 1) : job.rowsDone}
                  />
                  <span className="ml-2 tabular-nums text-slate-600">{t('rows', { done: job.rowsDone, total: job.rowsTotal })}</span>
                </td>
                <td>
                  {job.status === 'DONE' && (
                    <>
                      <a href={`/api/exports/${job.id}/file`} download className="text-red-800 hover:underline" data-testid="export-download">
                        {t('download')}
                      </a>{' '}
                      <span className="text-slate-500">{t('until', { at: formatMoment(job.expiresAt) })}</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
