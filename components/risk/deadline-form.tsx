import { useLocale, useTranslations } from 'next-intl';
import { saveIncidentDeadlinesAction } from '@/app/actions/risk';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextInput, VersionInput } from '@/components/forms/inputs';
import type { DeadlineSetting } from '@/lib/data/incident-deadlines';
import { SEVERITIES } from '@/lib/rules/monitoring';

/** A regulator sets each program's report deadlines: whole hours per severity, a graver level no longer than a lesser one. */
export function DeadlineForms({ settings }: { settings: DeadlineSetting[] }) {
  const t = useTranslations('risk');
  const zh = useLocale() === 'zh';
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t('deadlinesLead')}</p>
      {settings.map((s) => (
        <div key={s.programId} className="rounded border border-slate-200 p-3" data-deadlines={s.programId}>
          <h3 className="mb-1 text-sm font-medium">{zh ? s.name : s.nameEn}</h3>
          <ActionForm
            action={saveIncidentDeadlinesAction}
            submitLabel={t('deadlinesSave')}
            testId={`deadlines-${s.programId}`}
            className="grid grid-cols-2 gap-2 *:min-w-0 md:grid-cols-4"
          >
            <input type="hidden" name="programId" value={s.programId} />
            <VersionInput version={s.version} />
            {SEVERITIES.map((severity) => (
              <Field key={severity} name={severity} label={t('deadlineField', { severity: t(`severity.${severity}`) })}>
                <TextInput name={severity} inputMode="numeric" required initial={s.hours[severity] === undefined ? '' : String(s.hours[severity])} />
              </Field>
            ))}
          </ActionForm>
        </div>
      ))}
    </div>
  );
}
