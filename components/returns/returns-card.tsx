import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getReturnBoard } from '@/lib/data/return-board';
import type { Actor } from '@/lib/rules/authz';
import { boardHref, type BoardState } from '@/lib/rules/return-board-query';

const FIGURES: { key: 'due' | 'filed' | 'late' | 'missing'; state?: BoardState }[] = [
  { key: 'due' },
  { key: 'filed' },
  { key: 'late', state: 'LATE' },
  { key: 'missing', state: 'MISSING' },
];

/** The dashboard's card on returns: the program's latest period due, its counts, each a link into the board. */
export async function ReturnsCard({ actor, program }: { actor: Actor; program: string }) {
  const [board, t] = await Promise.all([getReturnBoard({ actor, query: { program } }), getTranslations('returnBoard')]);
  if (!board?.template || !board.period || !board.figures) return null;
  const view = { program, template: board.template.code, period: board.period.key };
  const counts = board.figures.counts;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="returns-card" data-period={board.period.key}>
      <div className="text-sm text-slate-600">
        {t('heading')} · {board.period.key}
      </div>
      <dl className="mt-1 grid grid-cols-4 gap-2">
        {FIGURES.map((f) => (
          <div key={f.key}>
            <dt className="text-xs text-slate-500">{t(`kpi.${f.key}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-figure={f.key} data-value={counts[f.key]}>
              <Link href={boardHref('/returns', view, { state: f.state })} className="hover:underline">
                {counts[f.key]}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <Link href={boardHref('/returns', view)} className="mt-2 inline-block text-sm text-red-800 hover:underline" data-testid="returns-card-link">
        {t('dashboardLink')}
      </Link>
    </div>
  );
}
