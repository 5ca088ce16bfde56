import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can, type Actor } from '@/lib/rules/authz';
import { countPendingProposals } from '@/lib/data/stage-proposals';

/** How many stage changes wait for a decision; regulators get a link to the queue. */
export async function PendingProposalsCard({ actor }: { actor: Actor }) {
  const [count, t] = await Promise.all([countPendingProposals({ actor }), getTranslations('pendingCard')]);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="pending-proposals" data-value={count}>
      <div className="text-sm text-slate-600">{t('title')}</div>
      <div className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{count}</div>
      {can(actor, 'stage:decide') && (
        <Link href="/proposals" className="mt-2 inline-block text-sm text-red-800 hover:underline">
          {t('link')}
        </Link>
      )}
    </div>
  );
}
