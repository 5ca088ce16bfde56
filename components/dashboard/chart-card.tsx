import { useTranslations } from 'next-intl';
import { ChartTable, type TableView } from './chart-table';

export type { TableView };

/**
 * A dashboard card: title, the chart, and the same numbers as a table (for
 * screen readers and copying), built when opened. With nothing to draw it shows the empty state.
 */
export function ChartCard(props: {
  id: string;
  title: string;
  hint?: string;
  empty: boolean;
  /** What the empty state says, when not "no project matches". */
  emptyText?: string;
  table: TableView;
  children: React.ReactNode;
  /** What the chart's buckets leave out or infer, said under it (shown even when the chart is empty). */
  notes?: React.ReactNode;
  wide?: boolean;
}) {
  const t = useTranslations('dashboard');
  return (
    <section
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 ${props.wide ? 'lg:col-span-2' : ''}`}
      aria-labelledby={props.id}
      data-card={props.id}
    >
      <h2 id={props.id} className="text-lg font-semibold text-slate-900">
        {props.title}
      </h2>
      {props.hint && <p className="mb-2 text-xs text-slate-600">{props.hint}</p>}
      {props.empty ? (
        <p className="py-8 text-center text-sm text-slate-600" data-testid="empty-state">
          {props.emptyText ?? t('empty')}
        </p>
      ) : (
        <>
          {props.children}
          <ChartTable id={props.id} summary={t('tableView')} label={`${props.title} · ${t('tableView')}`} table={props.table} />
        </>
      )}
      {props.notes}
    </section>
  );
}

export function CardSkeleton({ wide, tall }: { wide?: boolean; tall?: boolean }) {
  return (
    <div className={`animate-pulse rounded-lg border border-slate-200 bg-white p-4 ${wide ? 'lg:col-span-2' : ''}`} aria-hidden="true" data-skeleton>
      <div className="h-5 w-1/3 rounded bg-slate-200" />
      <div className={`mt-4 rounded bg-slate-100 ${tall ? 'h-96' : 'h-64'}`} />
    </div>
  );
}
