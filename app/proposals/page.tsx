import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StageBadge } from '@/components/badges';
import { DecisionForm } from '@/components/proposals/decision-form';
import { can } from '@/lib/rules/authz';
import { formatDay, formatMoment } from '@/lib/rules/time';
import { requireActor } from '@/lib/server/session';
import { listPendingProposals } from '@/lib/data/stage-proposals';

export const metadata = { title: '阶段审批' };

/** The regulators' queue of pending stage changes, oldest first. */
export default async function ProposalsPage() {
  const actor = await requireActor();
  if (!can(actor, 'stage:decide')) notFound();
  const [proposals, t, locale] = await Promise.all([listPendingProposals({ actor }), getTranslations('proposals'), getLocale()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-sm text-slate-600" data-testid="proposal-count" data-value={proposals.length}>
        {t('count', { count: proposals.length })}
      </p>
      {proposals.length === 0 && <p className="text-sm text-slate-600">{t('empty')}</p>}
      <ul className="space-y-4">
        {proposals.map((p) => (
          <li key={p.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-proposal={p.project.code}>
            <div className="flex flex-wrap items-baseline gap-x-4">
              <Link href={`/projects/${p.project.code}`} className="font-medium text-red-800 hover:underline">
                {p.project.code} {p.project.name}
              </Link>
              <span className="text-sm text-slate-600">{locale === 'zh' ? p.project.program.name : p.project.program.nameEn}</span>
              <span>
                <StageBadge stage={p.fromStage} /> → <StageBadge stage={p.toStage} />
              </span>
              <span className="text-sm text-slate-600">
                {t('effectiveDate')} {formatDay(p.effectiveDate)}
              </span>
            </div>
            <p className="text-sm">
              <span className="text-slate-500">{t('evidence')}：</span>
              {p.evidenceNote}
            </p>
            <p className="text-xs text-slate-500">
              {t('proposer')}：{p.proposer.name} · {t('submittedAt')}：{formatMoment(p.createdAt)}
            </p>
            <DecisionForm proposalId={p.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
