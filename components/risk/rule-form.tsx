import { useLocale, useTranslations } from 'next-intl';
import { createRuleAction } from '@/app/actions/risk';
import { ActionForm, Field } from '@/components/forms/action-form';
import { SelectInput, TextInput } from '@/components/forms/inputs';
import { RuleDirection, RuleKind, Severity } from '@/lib/generated/prisma/enums';

type Named = { id: number; name: string; nameEn: string };

/** A regulator adds a monitoring rule: which fields a kind needs is checked by the shared schema. */
export function RuleForm({ programs, indicators }: { programs: Named[]; indicators: Named[] }) {
  const t = useTranslations('risk');
  const zh = useLocale() === 'zh';
  const name = (n: Named) => (zh ? n.name : n.nameEn);
  const indicatorOptions = (
    <>
      <option value="">—</option>
      {indicators.map((i) => (
        <option key={i.id} value={i.id}>
          {name(i)}
        </option>
      ))}
    </>
  );
  return (
    <ActionForm action={createRuleAction} submitLabel={t('newRule')} testId="rule-create" className="grid grid-cols-1 gap-2 *:min-w-0 md:grid-cols-3">
      <Field name="programId" label={t('program')}>
        <SelectInput name="programId">
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {name(p)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="name" label={t('ruleName')}>
        <TextInput name="name" required />
      </Field>
      <Field name="kind" label={t('kindLabel')}>
        <SelectInput name="kind">
          {Object.values(RuleKind).map((k) => (
            <option key={k} value={k}>
              {t(`ruleKind.${k}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="indicatorId" label={t('indicator')}>
        <SelectInput name="indicatorId">{indicatorOptions}</SelectInput>
      </Field>
      <Field name="baseIndicatorId" label={t('baseIndicator')}>
        <SelectInput name="baseIndicatorId">{indicatorOptions}</SelectInput>
      </Field>
      <Field name="direction" label={t('directionLabel')}>
        <SelectInput name="direction">
          <option value="">—</option>
          {Object.values(RuleDirection).map((d) => (
            <option key={d} value={d}>
              {t(`direction.${d}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="limit" label={t('limitLabel')}>
        <TextInput name="limit" inputMode="decimal" />
      </Field>
      <Field name="count" label={t('countLabel')}>
        <TextInput name="count" inputMode="numeric" />
      </Field>
      <Field name="incidentSeverity" label={t('incidentSeverityLabel')}>
        <SelectInput name="incidentSeverity">
          <option value="">—</option>
          {Object.values(Severity).map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="severity" label={t('severityLabel')}>
        <SelectInput name="severity">
          {Object.values(Severity).map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="projectCodes" label={t('projectCodesLabel')}>
        <TextInput name="projectCodes" />
      </Field>
    </ActionForm>
  );
}
