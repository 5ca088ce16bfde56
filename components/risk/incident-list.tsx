import { useLocale, useTranslations } from 'next-intl';
import { decideIncidentAction, stepIncidentAction } from '@/app/actions/risk';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextArea, TextInput, VersionInput } from '@/components/forms/inputs';
import type { IncidentRow } from '@/lib/data/incidents';
import { stepsFrom } from '@/lib/rules/incidents';
import { formatMoment } from '@/lib/rules/time';
import { DemoBadge, SeverityBadge } from './badges';

const LABEL = { HANDLE: 'handle', RESOLVE: 'resolve', CLOSE: 'close', SEND_BACK: 'sendBack' } as const;

/** Incidents with their report delay against the program's deadline, and the steps open to the reader. */
export function IncidentList({ incidents, side }: { incidents: IncidentRow[]; side: 'institution' | 'regulator' | null }) {
  const t = useTranslations('risk');
  const locale = useLocale();
  const number = (n: number) => n.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US');
  if (!incidents.length) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="space-y-3" data-testid="incident-list">
      {incidents.map((i) => (
        <li key={i.id} className="space-y-1 rounded border border-slate-200 p-3 text-sm" data-incident={i.id} data-status={i.status}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <SeverityBadge severity={i.severity} />
            <a href={`/projects/${i.project.code}`} className="font-medium text-red-800 hover:underline">
              {i.project.code} {i.project.name}
            </a>
            <span>{t(`category.${i.category}`)}</span>
            <span className="font-medium">{t(`incidentStatus.${i.status}`)}</span>
            {i.isDemo && <DemoBadge />}
          </div>
          <p>{i.description}</p>
          <p className="text-slate-600">
            {t('occurredAt')}：{formatMoment(i.occurredAt)} · {t('reportedAt')}：{formatMoment(i.reportedAt)} · {t('delay')}：
            <span data-delay-late={i.delay.late} className={i.delay.late ? 'font-medium text-red-700' : ''}>
              {t('delayHours', { hours: i.delay.hours })}
              {i.delay.deadline !== null && `（${t('deadline', { hours: i.delay.deadline })}，${t(i.delay.late ? 'late' : 'onTime')}）`}
            </span>
          </p>
          <p className="text-slate-600">
            {t('customers')}：{i.customersAffected === null ? '—' : number(i.customersAffected)} · {t('amount')}：
            {i.amountAffected === null ? '—' : number(i.amountAffected)}
          </p>
          {i.actionsTaken && (
            <p>
              {t('actionsTaken')}：{i.actionsTaken}
            </p>
          )}
          {i.decisionNote && (
            <p>
              {t('decisionNote')}：{i.decisionNote}
            </p>
          )}
          {side && (
            <div className="grid gap-2 md:grid-cols-2">
              {stepsFrom(i.status, side).map((step) => (
                <ActionForm
                  key={step}
                  action={side === 'institution' ? stepIncidentAction : decideIncidentAction}
                  submitLabel={t(LABEL[step])}
                  testId={`incident-${step.toLowerCase()}-${i.id}`}
                >
                  <input type="hidden" name="incidentId" value={i.id} />
                  <input type="hidden" name="step" value={step} />
                  <VersionInput version={i.version} />
                  {side === 'institution' ? (
                    <Field name="actionsTaken" label={t('actionsTaken')}>
                      <TextArea name="actionsTaken" initial={i.actionsTaken} required rows={2} />
                    </Field>
                  ) : (
                    <Field name="note" label={t('note')}>
                      <TextInput name="note" required />
                    </Field>
                  )}
                </ActionForm>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
