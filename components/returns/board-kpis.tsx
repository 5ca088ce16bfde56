import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { BoardCounts } from '@/lib/data/return-board';
import type { BoardQuery, BoardState } from '@/lib/rules/return-board-query';
import { boardHref } from '@/lib/rules/return-board-query';

/** The board's counts; each card lists its projects (the state filter) and carries its `data-kpi` hook. */
const CARDS: { key: keyof BoardCounts; kpi: string; state?: BoardState; tone: string }[] = [
  { key: 'due', kpi: 'returns-due', tone: 'text-slate-900' },
  { key: 'filed', kpi: 'returns-filed', tone: 'text-slate-900' },
  { key: 'accepted', kpi: 'returns-accepted', state: 'ACCEPTED', tone: 'text-emerald-700' },
  { key: 'returned', kpi: 'returns-returned', state: 'RETURNED', tone: 'text-amber-700' },
  { key: 'late', kpi: 'returns-late', state: 'LATE', tone: 'text-amber-700' },
  { key: 'missing', kpi: 'returns-missing', state: 'MISSING', tone: 'text-red-700' },
];

export function BoardKpis({ counts, query }: { counts: BoardCounts; query: BoardQuery }) {
  const t = useTranslations('returnBoard');
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {CARDS.map((c) => {
        const body = (
          <>
            <div className="text-sm text-slate-600">{t(`kpi.${c.key}`)}</div>
            <div className={`mt-1 text-3xl font-semibold tabular-nums ${c.tone}`}>{counts[c.key]}</div>
          </>
        );
        const box = 'block rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
        return c.state ? (
          <Link
            key={c.key}
            href={boardHref('/returns', query, { state: c.state })}
            className={`${box} hover:border-red-800`}
            data-kpi={c.kpi}
            data-value={counts[c.key]}
          >
            {body}
          </Link>
        ) : (
          <div key={c.key} className={box} data-kpi={c.kpi} data-value={counts[c.key]}>
            {body}
          </div>
        );
      })}
    </div>
  );
}
