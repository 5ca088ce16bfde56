import { useLocale, useTranslations } from 'next-intl';
import type { Breakdown } from '@/lib/data/warnings';

type Props = { warningsOpen: number; incidentsOpen: number; breakdown: Record<'severity' | 'program' | 'direction' | 'institution', Breakdown[]> };

/** The board's head: open warnings and incidents, and the open warnings by severity, program, direction and lead institution. */
export function RiskSummary({ warningsOpen, incidentsOpen, breakdown }: Props) {
  const t = useTranslations('risk');
  const zh = useLocale() === 'zh';
  const label = (dim: keyof Props['breakdown'], row: Breakdown) => (dim === 'severity' ? t(`severity.${row.key}`) : zh ? row.label : row.labelEn);
  const titles = { severity: 'bySeverity', program: 'byProgram', direction: 'byDirection', institution: 'byInstitution' } as const;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3">
        <Kpi label={t('kpiWarnings')} value={warningsOpen} kpi="warnings-open" />
        <Kpi label={t('kpiIncidents')} value={incidentsOpen} kpi="incidents-open" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {(Object.keys(titles) as (keyof typeof titles)[]).map((dim) => (
          <div key={dim} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-breakdown={dim}>
            <h3 className="mb-1 font-medium">{t(titles[dim])}</h3>
            {breakdown[dim].length === 0 && <p className="text-slate-500">{t('none')}</p>}
            <ul>
              {breakdown[dim].map((row) => (
                <li key={row.key} className="flex justify-between gap-2">
                  <span className="truncate">{label(dim, row)}</span>
                  <span className="tabular-nums">{row.count}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

function Kpi({ label, value, kpi }: { label: string; value: number; kpi: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-kpi={kpi} data-value={value}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-3xl font-semibold tabular-nums">{value}</p>
    </div>
  );
}
