import { useTranslations } from 'next-intl';
import { submitProgressReportAction } from '@/app/actions/projects';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextArea, TextInput } from '@/components/forms/inputs';
import { ReportCorrections } from '@/components/project/record-forms';
import { RetiredBadge } from '@/components/retired';
import { Section } from '@/components/section';
import { formatMoment } from '@/lib/rules/time';
import type { ProgressReportRow } from '@/lib/data/progress-reports';

/** Quarterly progress reports; the form only for the lead institution's users. */
export function ProjectProgressReports({ projectId, reports, canSubmit }: { projectId: number; reports: ProgressReportRow[]; canSubmit: boolean }) {
  const t = useTranslations('reports');
  return (
    <Section title={t('heading')} id="reports">
      {reports.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="mb-3 space-y-2 text-sm" data-testid="progress-reports">
          {reports.map((r) => (
            <li key={r.id} className="border-l-2 border-sky-600 pl-3" data-period={r.period} data-report={r.id}>
              <p className="font-medium">
                {r.period}
                {r.retiredAt && <RetiredBadge />}
              </p>
              <p className={`whitespace-pre-line ${r.retiredAt ? 'text-slate-500 line-through' : ''}`}>{r.body}</p>
              <p className="text-xs text-slate-500">
                {r.author.name} · {formatMoment(r.createdAt)}
              </p>
              {canSubmit && <ReportCorrections projectId={projectId} report={r} />}
            </li>
          ))}
        </ul>
      )}
      {canSubmit && (
        <ActionForm action={submitProgressReportAction} submitLabel={t('submit')} testId="report-form">
          <input type="hidden" name="projectId" value={projectId} />
          <Field name="period" label={t('period')}>
            <TextInput name="period" required placeholder="2021-Q1" />
          </Field>
          <Field name="body" label={t('body')}>
            <TextArea name="body" rows={4} required />
          </Field>
        </ActionForm>
      )}
    </Section>
  );
}
