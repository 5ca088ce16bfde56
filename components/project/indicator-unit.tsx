'use client';

import { useState } from 'react';
import { Field, useSubmittedValues } from '@/components/forms/action-form';
import { SelectInput } from '@/components/forms/inputs';

type Choice = { code: string; label: string; unit: string };

/**
 * The indicator a figure is for, and its unit, which follows the indicator: the
 * form cannot send another unit by mistake. The server still checks the unit,
 * for posts that do not come from this form.
 */
export function IndicatorAndUnit({ indicators, labels }: { indicators: Choice[]; labels: { indicator: string; unit: string } }) {
  const sent = useSubmittedValues()?.indicatorCode;
  const initial = (Array.isArray(sent) ? sent[0] : sent) ?? indicators[0]?.code ?? '';
  const [code, setCode] = useState(initial);
  const unit = indicators.find((i) => i.code === code)?.unit ?? '';
  return (
    <div className="grid grid-cols-[1fr_8rem] gap-2">
      <Field name="indicatorCode" label={labels.indicator}>
        <SelectInput name="indicatorCode" initial={initial} onChange={(e) => setCode(e.target.value)}>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label}（{i.unit}）
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="unit" label={labels.unit}>
        <input name="unit" value={unit} readOnly className="mt-1 w-full rounded border border-slate-200 bg-slate-50 px-2 py-1 text-sm text-slate-700" />
      </Field>
    </div>
  );
}
