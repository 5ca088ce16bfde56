import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/table-scroll';
import type { RankingRow } from '@/lib/data/assessments';
import { ROUNDS } from '@/lib/rules/assessment';

const cell = 'border-b border-slate-100 px-2 py-1.5';

/** The program's projects by consolidated score, each round's score beside it; demo assessments say so. */
export async function RankingTable({ rows, links = true }: { rows: RankingRow[]; links?: boolean }) {
  const [t, tr, ts] = await Promise.all([getTranslations('assessments'), getTranslations('assessmentRound'), getTranslations('assessmentStatus')]);
  if (!rows.length) return <p className="text-sm text-slate-600">{t('rankingEmpty')}</p>;
  const score = (v: number | null) => (v === null ? <span className="text-slate-400">{t('notScored')}</span> : v.toFixed(2));
  return (
    <TableScroll label={t('ranking')}>
      <table className="w-full min-w-[36rem] text-sm" data-testid="assessment-ranking">
        <thead className="text-left text-slate-600">
          <tr>
            <th className={cell}>{t('rank')}</th>
            <th className={cell}>{t('project')}</th>
            <th className={cell}>{t('total')}</th>
            {ROUNDS.map((r) => (
              <th key={r} className={cell}>
                {tr(r)}
              </th>
            ))}
            <th className={cell}>{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.projectId} data-project={row.code} data-total={row.total ?? ''}>
              <td className={cell}>{row.rank ?? '—'}</td>
              <td className={cell}>
                {links ? (
                  <Link href={`/assessments/${row.code}`} className="text-red-800 hover:underline">
                    {row.code} {row.name}
                  </Link>
                ) : (
                  `${row.code} ${row.name}`
                )}
                <span className="block text-xs text-slate-500">{row.lead}</span>
              </td>
              <td className={`${cell} font-semibold`}>{score(row.total)}</td>
              {ROUNDS.map((r) => (
                <td key={r} className={cell}>
                  {score(row.rounds[r])}
                </td>
              ))}
              <td className={cell}>
                {ts(row.status)}
                {row.isSample && (
                  <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800" data-sample title={t('sample')}>
                    {t('sampleShort')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
