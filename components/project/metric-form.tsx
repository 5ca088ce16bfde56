import { useTranslations } from 'next-intl';
import { recordMetricAction } from '@/app/actions/projects';
import { ActionForm, Field } from '@/components/forms/action-form';
import { CheckboxInput, SelectInput, TextInput } from '@/components/forms/inputs';
import { IndicatorAndUnit } from '@/components/project/indicator-unit';

type Indicator = { code: string; nameZh: string; nameEn: string; unit: string };

/** An institution reports one figure of one indicator for its project. */
export function MetricForm({ projectId, indicators, locale }: { projectId: number; indicators: Indicator[]; locale: string }) {
  const t = useTranslations('editPanel');
  const choices = indicators.map((i) => ({ code: i.code, unit: i.unit, label: locale === 'zh' ? i.nameZh : i.nameEn }));
  return (
    <ActionForm action={recordMetricAction} submitLabel={t('record')} testId="metric-form">
      <h3 className="font-medium">{t('metric')}</h3>
      <input type="hidden" name="projectId" value={projectId} />
      <IndicatorAndUnit indicators={choices} labels={{ indicator: t('indicator'), unit: t('unit') }} />
      <div className="grid grid-cols-3 gap-2">
        <Field name="asOf" label={t('asOf')}>
          <TextInput name="asOf" type="date" required />
        </Field>
        <Field name="value" label={t('value')}>
          <TextInput name="value" inputMode="decimal" required />
        </Field>
        <Field name="qualifier" label={t('qualifier')}>
          <SelectInput name="qualifier" initial="EXACT">
            {(['EXACT', 'ABOUT', 'OVER'] as const).map((q) => (
              <option key={q} value={q}>
                {t(`qualifier${q}`)}
              </option>
            ))}
          </SelectInput>
        </Field>
      </div>
      <Field name="sourceNote" label={t('sourceNote')}>
        <TextInput name="sourceNote" required />
      </Field>
      <Field name="correctionNote" label={t('correctionNote')}>
        <TextInput name="correctionNote" />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <CheckboxInput name="correct" /> {t('correct')}
      </label>
    </ActionForm>
  );
}
