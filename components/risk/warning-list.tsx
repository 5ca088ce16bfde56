import { useLocale, useTranslations } from 'next-intl';
import { handleWarningAction } from '@/app/actions/risk';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextInput, VersionInput } from '@/components/forms/inputs';
import type { WarningRow } from '@/lib/data/warnings';
import { formatMoment } from '@/lib/rules/time';
import { DemoBadge, SeverityBadge } from './badges';

/** Warnings, each with its rule, the value that triggered it and when; a regulator acknowledges or closes it with a note. */
export function WarningList({ warnings, canHandle }: { warnings: WarningRow[]; canHandle: boolean }) {
  const t = useTranslations('risk');
  if (!warnings.length) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="space-y-3" data-testid="warning-list">
      {warnings.map((w) => (
        <li key={w.id} className="space-y-1 rounded border border-slate-200 p-3 text-sm" data-warning={w.id} data-status={w.status}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <SeverityBadge severity={w.rule.severity} />
            <a href={`/projects/${w.project.code}`} className="font-medium text-red-800 hover:underline">
              {w.project.code} {w.project.name}
            </a>
            <span>{w.rule.name}</span>
            <span className="text-slate-600">{t(`ruleKind.${w.rule.kind}`)}</span>
            {w.isDemo && <DemoBadge />}
          </div>
          <p className="text-slate-700">
            {t('value')}：<TriggerValue warning={w} /> · {t('raisedAt')}：{formatMoment(w.raisedAt)} · {t('status')}：{t(`warningStatus.${w.status}`)}
            {w.note ? ` · ${t('note')}：${w.note}` : ''}
          </p>
          {canHandle && w.status !== 'CLOSED' && (
            <div className="grid gap-2 md:grid-cols-2">
              {(w.status === 'OPEN' ? (['ACKNOWLEDGE', 'CLOSE'] as const) : (['CLOSE'] as const)).map((step) => (
                <ActionForm
                  key={step}
                  action={handleWarningAction}
                  submitLabel={t(step === 'CLOSE' ? 'closeWarning' : 'acknowledge')}
                  testId={`warning-${step.toLowerCase()}-${w.id}`}
                >
                  <input type="hidden" name="warningId" value={w.id} />
                  <input type="hidden" name="step" value={step} />
                  <VersionInput version={w.version} />
                  <Field name="note" label={t('note')}>
                    <TextInput name="note" required />
                  </Field>
                </ActionForm>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The value that fired a rule, as its kind reads: days without a value, an incident's severity, a rate, or the indicator's figure. */
function TriggerValue({ warning: w }: { warning: WarningRow }) {
  const t = useTranslations('risk');
  const locale = useLocale();
  const number = w.value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US');
  const detail = (key: string) =>
    typeof w.detail === 'object' && w.detail !== null && key in w.detail ? String((w.detail as Record<string, unknown>)[key]) : null;
  const severity = detail('severity');
  if (w.rule.kind === 'STALE') return <>{t('days', { days: number })}</>;
  if (w.rule.kind === 'LATE_RETURN') return <>{t('lateDays', { days: number, period: detail('period') ?? '' })}</>;
  if (w.rule.kind === 'INCIDENT_SEVERITY' && severity) return <>{t.has(`severity.${severity}`) ? t(`severity.${severity}`) : severity}</>;
  if (w.rule.kind === 'COMPLAINT_RATE') return <>{t('perTenThousand', { value: number })}</>;
  const figure = `${number}${w.rule.indicator ? ` ${w.rule.indicator.unit}` : ''}`;
  return <>{w.approximate ? t('approximate', { value: figure }) : figure}</>;
}
