import { useLocale, useTranslations } from 'next-intl';
import { createRuleAction, updateRuleAction } from '@/app/actions/risk';
import { ActionForm, Field } from '@/components/forms/action-form';
import { SelectInput, TextInput, VersionInput } from '@/components/forms/inputs';
import type { RuleRow } from '@/lib/data/rules';
import { RuleDirection, RuleKind, Severity } from '@/lib/generated/prisma/enums';

type Named = { id: number; name: string; nameEn: string };

/**
 * A regulator adds a monitoring rule, or (given `rule`) edits one at the
 * version it read, keeping its program: which fields a kind needs is checked by
 * the shared schema.
 */
export function RuleForm({ programs, indicators, rule }: { programs: Named[]; indicators: Named[]; rule?: RuleRow }) {
  const t = useTranslations('risk');
  const zh = useLocale() === 'zh';
  const name = (n: Named) => (zh ? n.name : n.nameEn);
  const initial = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
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
    <ActionForm
      action={rule ? updateRuleAction : createRuleAction}
      submitLabel={rule ? t('saveRule') : t('newRule')}
      testId={rule ? `rule-edit-${rule.id}` : 'rule-create'}
      className="grid grid-cols-1 gap-2 *:min-w-0 md:grid-cols-3"
    >
      {rule ? (
        <>
          <input type="hidden" name="ruleId" value={rule.id} />
          <input type="hidden" name="programId" value={rule.programId} />
          <VersionInput version={rule.version} />
        </>
      ) : (
        <Field name="programId" label={t('program')}>
          <SelectInput name="programId">
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p)}
              </option>
            ))}
          </SelectInput>
        </Field>
      )}
      <Field name="name" label={t('ruleName')}>
        <TextInput name="name" required initial={rule?.name} />
      </Field>
      <Field name="kind" label={t('kindLabel')}>
        <SelectInput name="kind" initial={rule?.kind}>
          {Object.values(RuleKind).map((k) => (
            <option key={k} value={k}>
              {t(`ruleKind.${k}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="indicatorId" label={t('indicator')}>
        <SelectInput name="indicatorId" initial={initial(rule?.indicatorId)}>
          {indicatorOptions}
        </SelectInput>
      </Field>
      <Field name="baseIndicatorId" label={t('baseIndicator')}>
        <SelectInput name="baseIndicatorId" initial={initial(rule?.baseIndicatorId)}>
          {indicatorOptions}
        </SelectInput>
      </Field>
      <Field name="direction" label={t('directionLabel')}>
        <SelectInput name="direction" initial={initial(rule?.direction)}>
          <option value="">—</option>
          {Object.values(RuleDirection).map((d) => (
            <option key={d} value={d}>
              {t(`direction.${d}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="limit" label={t('limitLabel')}>
        <TextInput name="limit" inputMode="decimal" initial={initial(rule?.limit)} />
      </Field>
      <Field name="count" label={t('countLabel')}>
        <TextInput name="count" inputMode="numeric" initial={initial(rule?.count)} />
      </Field>
      <Field name="incidentSeverity" label={t('incidentSeverityLabel')}>
        <SelectInput name="incidentSeverity" initial={initial(rule?.incidentSeverity)}>
          <option value="">—</option>
          {Object.values(Severity).map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="severity" label={t('severityLabel')}>
        <SelectInput name="severity" initial={rule?.severity}>
          {Object.values(Severity).map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="projectCodes" label={t('projectCodesLabel')}>
        <TextInput name="projectCodes" initial={rule?.projectCodes.join(', ')} />
      </Field>
    </ActionForm>
  );
}
