import { useLocale, useTranslations } from 'next-intl';
import type { PendingProposal, Rejection } from '@/lib/data/stage-proposals';
import { stageName } from '@/lib/rules/stages';
import { formatDay, formatMoment } from '@/lib/rules/time';

/**
 * Where the project's stage stands with the regulators: the proposal waiting
 * for a decision, and the latest refusal with its reason (until a later
 * approval), so nobody has to read the log to learn why the stage did not move.
 */
export function ProposalNotices({ pending, rejection }: { pending: PendingProposal | null; rejection: Rejection | null }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <>
      {rejection && (
        <div className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-950" data-testid="rejected-proposal" role="status">
          <p className="font-medium">
            {t('editPanel.rejected', {
              from: stageName(rejection.fromStage, locale),
              to: stageName(rejection.toStage, locale),
              date: formatDay(rejection.effectiveDate),
            })}
          </p>
          <p data-testid="rejection-reason">{t('editPanel.rejectedReason', { note: rejection.decisionNote })}</p>
          <p className="text-xs text-red-900/80">
            {t('editPanel.rejectedBy', { name: rejection.decider?.name ?? '—', time: rejection.decidedAt ? formatMoment(rejection.decidedAt) : '—' })}
          </p>
        </div>
      )}
      {pending && (
        <p className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="pending-proposal">
          {t('editPanel.pending', {
            from: stageName(pending.fromStage, locale),
            to: stageName(pending.toStage, locale),
            date: formatDay(pending.effectiveDate),
          })}
        </p>
      )}
    </>
  );
}
