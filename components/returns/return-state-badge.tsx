import { useTranslations } from 'next-intl';
import type { ReturnState } from '@/lib/rules/returns';

const TONE: Record<ReturnState, string> = {
  NOT_DUE: 'bg-slate-100 text-slate-700',
  OPEN: 'bg-sky-100 text-sky-800',
  MISSING: 'bg-red-100 text-red-800',
  SUBMITTED: 'bg-amber-100 text-amber-900',
  RETURNED: 'bg-orange-100 text-orange-900',
  ACCEPTED: 'bg-emerald-100 text-emerald-800',
};

/** Where a return stands, with "late" beside it when it came (or is) past its due date, and "sample" for demo filings. */
export function ReturnStateBadge({ state, late, sample }: { state: ReturnState; late: boolean; sample?: boolean }) {
  const t = useTranslations('returnFiling');
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-return-state={state} data-late={late ? 'true' : 'false'}>
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[state]}`}>{t(`state.${state}`)}</span>
      {late && <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-medium text-white">{t('late')}</span>}
      {sample && (
        <span className="rounded border border-dashed border-amber-600 px-1 text-xs text-amber-800" title={t('sampleNote')}>
          {t('sample')}
        </span>
      )}
    </span>
  );
}
