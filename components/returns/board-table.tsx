import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { TableScroll } from '@/components/table-scroll';
import type { BoardRow } from '@/lib/data/return-board';
import { formatDay, formatMoment } from '@/lib/rules/time';

const TONE: Record<BoardRow['state'], string> = {
  NOT_DUE: 'bg-slate-100 text-slate-700',
  OPEN: 'bg-sky-100 text-sky-900',
  MISSING: 'bg-red-100 text-red-800',
  SUBMITTED: 'bg-indigo-100 text-indigo-900',
  RETURNED: 'bg-amber-100 text-amber-900',
  ACCEPTED: 'bg-emerald-100 text-emerald-900',
};

/** Every project that owes the period's return, with where it stands; each links to its project's returns. */
export function BoardTable({ rows }: { rows: BoardRow[] }) {
  const t = useTranslations('returnBoard');
  const zh = useLocale() === 'zh';
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  const th = 'px-3 py-2';
  return (
    <TableScroll label={t('projects')} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="return-board-rows">
        <thead className="bg-slate-100 whitespace-nowrap text-slate-700">
          <tr>
            <th scope="col" className={th}>
              {t('col.project')}
            </th>
            <th scope="col" className={th}>
              {t('col.lead')}
            </th>
            <th scope="col" className={th}>
              {t('col.direction')}
            </th>
            <th scope="col" className={th}>
              {t('col.state')}
            </th>
            <th scope="col" className={th}>
              {t('col.due')}
            </th>
            <th scope="col" className={th}>
              {t('col.filed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100" data-project={r.code} data-state={r.state} data-late={r.late}>
              <td className="min-w-56 px-3 py-2">
                <Link href={`/projects/${r.code}#returns`} className="text-red-800 hover:underline">
                  <span className="font-mono text-xs text-slate-500">{r.code}</span> {r.name}
                </Link>
              </td>
              <td className="min-w-40 px-3 py-2">{r.leadName ?? '—'}</td>
              <td className="min-w-48 px-3 py-2">{(zh ? r.directionName : r.directionNameEn) ?? '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <span className={`rounded px-1.5 py-0.5 text-xs ${TONE[r.state]}`}>{t(`state.${r.state}`)}</span>
                {r.late && r.state !== 'MISSING' && <span className="ml-1 rounded bg-amber-200 px-1.5 py-0.5 text-xs text-amber-950">{t('lateBadge')}</span>}
                {r.isSample && (
                  <span className="ml-1 rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs text-slate-600" title={t('sampleNote')}>
                    {t('sample')}
                  </span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDay(r.due)}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{r.firstSubmittedAt ? formatMoment(r.firstSubmittedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
