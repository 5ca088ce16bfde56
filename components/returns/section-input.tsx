'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ValueQualifier } from '@/lib/generated/prisma/enums';
import type { ReturnSection } from '@/lib/schemas/returns';
import { inputClass } from '@/components/forms/styles';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const asText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The input of one section of a return; `onChange` gets the section's whole answer. */
export function SectionInput(props: { section: ReturnSection; value: unknown; unit: string; onChange: (answer: unknown) => void }) {
  const { section, value, onChange } = props;
  const t = useTranslations('returnFiling');
  const tq = useTranslations('transfer');
  const id = `answer-${section.id}`;
  const obj = asObj(value);
  switch (section.kind) {
    case 'TEXT':
      return (
        <>
          <textarea
            id={id}
            data-testid={id}
            rows={4}
            maxLength={section.maxLength}
            className={inputClass}
            value={asText(value)}
            onChange={(e) => onChange(e.target.value)}
          />
          <span className="block text-xs text-slate-500">
            {asText(value).length} / {t('maxLength', { max: section.maxLength })}
          </span>
        </>
      );
    case 'INDICATOR':
      return (
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={id}
            data-testid={`${id}-value`}
            inputMode="decimal"
            className={`${inputClass} max-w-48`}
            value={asText(obj.value)}
            onChange={(e) => onChange(e.target.value === '' ? undefined : { ...obj, value: e.target.value })}
          />
          <span className="text-sm text-slate-600">{t('unit', { unit: props.unit })}</span>
          <label className="text-sm">
            <span className="sr-only">{t('qualifier')}</span>
            <select className={inputClass} value={asText(obj.qualifier) || 'EXACT'} onChange={(e) => onChange({ ...obj, qualifier: e.target.value })}>
              {Object.values(ValueQualifier).map((q) => (
                <option key={q} value={q}>
                  {tq(`qualifier.${q}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'RISK_CHECK':
      return (
        <div className="space-y-1">
          <div className="flex gap-4" role="radiogroup" aria-labelledby={`${id}-label`}>
            {(['no', 'yes'] as const).map((a) => (
              <label key={a} className="flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name={id}
                  value={a}
                  data-testid={`${id}-${a}`}
                  checked={obj.answer === a}
                  onChange={() => onChange({ ...obj, answer: a })}
                />
                {t(a)}
              </label>
            ))}
          </div>
          <label className="block text-sm">
            <span className="text-slate-700">{t('explanation')}</span>
            <textarea
              rows={2}
              maxLength={2000}
              className={inputClass}
              data-testid={`${id}-explanation`}
              value={asText(obj.explanation)}
              onChange={(e) => onChange({ ...obj, explanation: e.target.value })}
            />
          </label>
        </div>
      );
    case 'COMPLAINTS':
      return (
        <div className="grid gap-2 sm:grid-cols-2">
          {(['received', 'resolved'] as const).map((k) => (
            <label key={k} className="block text-sm">
              <span className="text-slate-700">{t(k)}</span>
              <input
                inputMode="numeric"
                className={inputClass}
                data-testid={`${id}-${k}`}
                value={asText(obj[k])}
                onChange={(e) => onChange({ ...obj, [k]: e.target.value })}
              />
            </label>
          ))}
        </div>
      );
    case 'ATTACHMENTS':
      return <AttachmentsInput id={id} value={value} onChange={onChange} />;
  }
}

/** One attachment per line; the lines typed so far are kept as typed, the answer is the non-blank ones. */
function AttachmentsInput({ id, value, onChange }: { id: string; value: unknown; onChange: (answer: unknown) => void }) {
  const t = useTranslations('returnFiling');
  const [text, setText] = useState(Array.isArray(value) ? value.map(String).join('\n') : '');
  return (
    <>
      <textarea
        id={id}
        data-testid={id}
        rows={3}
        className={inputClass}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(
            e.target.value
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          );
        }}
      />
      <span className="block text-xs text-slate-500">{t('attachmentsHint')}</span>
    </>
  );
}
