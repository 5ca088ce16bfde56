'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useSubmittedValues } from '@/components/forms/action-form';
import { inputClass } from '@/components/forms/styles';
import type { ReturnSection, ReturnSectionKind } from '@/lib/schemas/returns';

const KINDS: ReturnSectionKind[] = ['TEXT', 'INDICATOR', 'RISK_CHECK', 'COMPLAINTS', 'ATTACHMENTS'];
type Indicator = { code: string; nameZh: string; nameEn: string; unit: string };

/** A new section of a kind, with an id not yet taken. */
function blank(kind: ReturnSectionKind, taken: Set<string>, indicator: string): ReturnSection {
  let n = taken.size + 1;
  while (taken.has(`${kind.toLowerCase()}_${n}`)) n++;
  const id = `${kind.toLowerCase()}_${n}`;
  switch (kind) {
    case 'TEXT':
      return { id, kind, label: '', labelEn: '', required: true, maxLength: 2000 };
    case 'INDICATOR':
      return { id, kind, indicatorCode: indicator, required: true };
    case 'ATTACHMENTS':
      return { id, kind, label: '', labelEn: '', required: false };
    default:
      return { id, kind, label: '', labelEn: '' };
  }
}

/** What the form sent last time, when it was refused; else the template's sections. */
function startingSections(sent: string | string[] | undefined, initial: ReturnSection[]): ReturnSection[] {
  if (typeof sent !== 'string') return initial;
  try {
    const parsed = JSON.parse(sent) as unknown;
    return Array.isArray(parsed) ? (parsed as ReturnSection[]) : initial;
  } catch {
    return initial;
  }
}

/**
 * A template's sections as a list to edit: each section by its kind, with its
 * labels and rules; added, moved and removed in place. The form sends them as
 * one field (`sections`, the template schema's JSON), which the server checks
 * with the same schema; after a refusal the list is what was sent.
 */
export function SectionsEditor({ initial, indicators }: { initial: ReturnSection[]; indicators: Indicator[] }) {
  const t = useTranslations('sectionsEditor');
  const zh = useLocale() === 'zh';
  const sent = useSubmittedValues()?.sections;
  const [sections, setSections] = useState(() => startingSections(sent, initial));
  const change = (i: number, patch: Partial<ReturnSection>) => setSections((all) => all.map((s, j) => (j === i ? ({ ...s, ...patch } as ReturnSection) : s)));
  const move = (i: number, by: number) =>
    setSections((all) => {
      const next = [...all];
      const [item] = next.splice(i, 1);
      next.splice(Math.max(0, Math.min(next.length, i + by)), 0, item);
      return next;
    });
  const small = 'rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 max-sm:min-h-10';
  return (
    <div className="space-y-2" data-testid="sections-editor">
      <input type="hidden" name="sections" value={JSON.stringify(sections)} />
      <ol className="space-y-2">
        {sections.map((s, i) => (
          <li key={i} className="rounded border border-slate-200 p-2" data-section={s.id} data-kind={s.kind}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t(`kind.${s.kind}`)}</span>
              <label className="flex items-center gap-1 text-xs whitespace-nowrap text-slate-600">
                {t('sectionId')}
                <input
                  className={`${inputClass} mt-0 w-36 font-mono`}
                  value={s.id}
                  onChange={(e) => change(i, { id: e.target.value })}
                  aria-label={t('sectionId')}
                />
              </label>
              {'required' in s && (
                <label className="flex items-center gap-1 text-xs">
                  <input type="checkbox" checked={s.required} onChange={(e) => change(i, { required: e.target.checked })} />
                  {t('required')}
                </label>
              )}
              <span className="ml-auto flex gap-1">
                <button type="button" className={small} onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('moveUp')}>
                  ↑
                </button>
                <button type="button" className={small} onClick={() => move(i, 1)} disabled={i === sections.length - 1} aria-label={t('moveDown')}>
                  ↓
                </button>
                <button type="button" className={small} onClick={() => setSections((all) => all.filter((_, j) => j !== i))}>
                  {t('remove')}
                </button>
              </span>
            </div>
            {s.kind === 'INDICATOR' ? (
              <label className="mt-1 block text-xs text-slate-600">
                {t('indicator')}
                <select className={inputClass} value={s.indicatorCode} onChange={(e) => change(i, { indicatorCode: e.target.value })}>
                  {!indicators.some((ind) => ind.code === s.indicatorCode) && <option value={s.indicatorCode}>{s.indicatorCode}</option>}
                  {indicators.map((ind) => (
                    <option key={ind.code} value={ind.code}>
                      {zh ? ind.nameZh : ind.nameEn}（{ind.unit}）
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <div className="mt-1 grid gap-2 sm:grid-cols-2">
                <label className="block text-xs text-slate-600">
                  {t('label')}
                  <input className={inputClass} value={s.label} onChange={(e) => change(i, { label: e.target.value })} />
                </label>
                <label className="block text-xs text-slate-600">
                  {t('labelEn')}
                  <input className={inputClass} value={s.labelEn} onChange={(e) => change(i, { labelEn: e.target.value })} />
                </label>
              </div>
            )}
            {s.kind === 'TEXT' && (
              <label className="mt-1 block w-40 text-xs text-slate-600">
                {t('maxLength')}
                <input
                  className={inputClass}
                  inputMode="numeric"
                  value={String(s.maxLength)}
                  onChange={(e) => change(i, { maxLength: /^\d{1,6}$/.test(e.target.value) ? Number(e.target.value) : s.maxLength })}
                />
              </label>
            )}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t('addSection')}</span>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={small}
            data-add={kind}
            onClick={() => setSections((all) => [...all, blank(kind, new Set(all.map((s) => s.id)), indicators[0]?.code ?? '')])}
          >
            + {t(`kind.${kind}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
