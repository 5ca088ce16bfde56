import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/table-scroll';
import type { ProjectAssessment } from '@/lib/data/assessments';

const cell = 'border-b border-slate-100 px-2 py-1.5 align-top';
const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2));

/** Every dimension's score in each round and consolidated, the rounds' weighted totals, and each score's evidence. */
export async function RoundsTable({ view, locale }: { view: ProjectAssessment; locale: string }) {
  const [t, tr] = await Promise.all([getTranslations('assessments'), getTranslations('assessmentRound')]);
  const { rubric, result } = view;
  const scores = view.assessment?.scores ?? [];
  return (
    <div className="space-y-4">
      <TableScroll label={t('rounds')}>
        <table className="w-full min-w-[32rem] text-sm" data-testid="assessment-rounds">
          <thead className="text-left text-slate-600">
            <tr>
              <th className={cell}>{t('dimension')}</th>
              <th className={cell}>{t('weight')}</th>
              {result.rounds.map((r) => (
                <th key={r.round} className={cell}>
                  {tr(r.round)}
                </th>
              ))}
              <th className={cell}>{t('consolidated')}</th>
            </tr>
          </thead>
          <tbody>
            {rubric.dimensions.map((d) => (
              <tr key={d.id}>
                <td className={cell}>{locale === 'zh' ? d.name : d.nameEn}</td>
                <td className={cell}>{d.weight}</td>
                {result.rounds.map((r) => (
                  <td key={r.round} className={cell}>
                    {show(r.byDimension[d.id])}
                  </td>
                ))}
                <td className={cell}>{show(result.byDimension[d.id])}</td>
              </tr>
            ))}
            <tr className="font-semibold">
              <td className={cell} colSpan={2}>
                {t('weighted')}
              </td>
              {result.rounds.map((r) => (
                <td key={r.round} className={cell} data-round={r.round} data-value={r.total ?? ''}>
                  {show(r.total)}
                </td>
              ))}
              <td className={cell} data-testid="assessment-total" data-value={result.total ?? ''}>
                {show(result.total)}
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      {scores.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noScores')}</p>
      ) : (
        <TableScroll label={t('evidence')}>
          <table className="w-full text-sm" data-testid="assessment-evidence">
            <thead className="text-left text-slate-600">
              <tr>
                <th className={cell}>{t('dimension')}</th>
                <th className={cell}>{t('score')}</th>
                <th className={cell}>{t('scorer')}</th>
                <th className={cell}>{t('evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => {
                const d = rubric.dimensions.find((x) => x.id === s.dimensionId);
                return (
                  <tr key={`${s.round}-${s.scorerId}-${s.dimensionId}`}>
                    <td className={cell}>{d ? (locale === 'zh' ? d.name : d.nameEn) : ''}</td>
                    <td className={cell}>{s.score}</td>
                    <td className={cell}>
                      {s.scorer.name}
                      <span className="block text-xs text-slate-500">{tr(s.round)}</span>
                    </td>
                    <td className={`${cell} whitespace-pre-line`}>{s.evidence}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
