import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { TableScroll } from '@/components/table-scroll';

export type TableView = { columns: string[]; rows: { key: string; cells: React.ReactNode[]; href?: string }[] };

/**
 * A dashboard card: title, the chart, and the same numbers as a table (for
 * screen readers and copying). With nothing to draw it shows the empty state.
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
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-red-800 max-sm:py-2.5">{t('tableView')}</summary>
            <TableScroll label={`${props.title} · ${t('tableView')}`}>
              <table className="figure-table" data-table={props.id}>
                <thead>
                  <tr>
                    {props.table.columns.map((c, i) => (
                      <th key={i} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {props.table.rows.map((r) => (
                    <tr key={r.key}>
                      {r.cells.map((c, i) => (
                        <td key={i}>{i === 0 && r.href ? <Link href={r.href}>{c}</Link> : c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
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
