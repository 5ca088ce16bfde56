import { useTranslations } from 'next-intl';
import type { FrozenResult } from '@/lib/rules/assessment';

const show = (v: number | null) => (v === null ? '—' : String(v));

/** The assessment a dossier froze: the consolidated score, each round's, and each dimension's. */
export function FrozenAssessment({ result, locale }: { result: FrozenResult; locale: string }) {
  const t = useTranslations('assessments');
  const tr = useTranslations('assessmentRound');
  return (
    <div className="mt-1 rounded bg-slate-50 p-2 text-xs" data-testid="dossier-assessment" data-total={result.total ?? ''}>
      <p className="font-medium">
        {t('dossier')}: {t('total')} {show(result.total)}（{result.rounds.map((r) => `${tr(r.round)} ${show(r.total)}`).join('；')}）
      </p>
      <p className="text-slate-600">{result.dimensions.map((d) => `${locale === 'zh' ? d.name : d.nameEn} ${show(d.score)}`).join(' · ')}</p>
    </div>
  );
}
