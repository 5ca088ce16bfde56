import { useTranslations } from 'next-intl';
import { reportIncidentAction } from '@/app/actions/risk';
import { ActionForm, Field } from '@/components/forms/action-form';
import { SelectInput, TextArea, TextInput } from '@/components/forms/inputs';
import { IncidentCategory, Severity } from '@/lib/generated/prisma/enums';

/** Report an incident on one of the projects the user may report on. Times are Beijing time. */
export function IncidentForm({ projects }: { projects: { id: number; code: string; name: string }[] }) {
  const t = useTranslations('risk');
  return (
    <ActionForm action={reportIncidentAction} submitLabel={t('report')} testId="incident-report" className="grid grid-cols-1 gap-2 *:min-w-0 md:grid-cols-2">
      <Field name="projectId" label={t('projectId')}>
        <SelectInput name="projectId" required>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} {p.name}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="category" label={t('categoryLabel')}>
        <SelectInput name="category">
          {Object.values(IncidentCategory).map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="severity" label={t('incidentSeverityField')}>
        <SelectInput name="severity">
          {Object.values(Severity).map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="occurredAt" label={t('occurredAt')}>
        <TextInput name="occurredAt" type="datetime-local" required />
      </Field>
      <Field name="reportedAt" label={t('reportedAt')}>
        <TextInput name="reportedAt" type="datetime-local" required />
      </Field>
      <Field name="customersAffected" label={t('customers')}>
        <TextInput name="customersAffected" inputMode="numeric" />
      </Field>
      <Field name="amountAffected" label={t('amount')}>
        <TextInput name="amountAffected" inputMode="decimal" />
      </Field>
      <Field name="description" label={t('description')}>
        <TextArea name="description" required rows={2} />
      </Field>
      <Field name="actionsTaken" label={t('actionsTaken')}>
        <TextArea name="actionsTaken" rows={2} />
      </Field>
    </ActionForm>
  );
}
