import { useTranslations } from 'next-intl';
import type { ReturnSection } from '@/lib/schemas/returns';

export type IndicatorInfo = { code: string; nameZh: string; nameEn: string; unit: string };

/** A section's title in the reader's language (an indicator's is the catalogue's name and unit). */
export function sectionTitle(section: ReturnSection, indicators: Record<string, IndicatorInfo>, zh: boolean): string {
  if (section.kind !== 'INDICATOR') return zh ? section.label : section.labelEn;
  const indicator = indicators[section.indicatorCode];
  if (!indicator) return section.indicatorCode;
  return zh ? `${indicator.nameZh}（${indicator.unit}）` : `${indicator.nameEn} (${indicator.unit})`;
}

type Answer = Record<string, unknown> | string | string[] | undefined;
const str = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

/** One section's answer as text, as every reader sees it. */
export function AnswerView({ section, answer, unit = '' }: { section: ReturnSection; answer: unknown; unit?: string }) {
  const t = useTranslations('returnFiling');
  const tm = useTranslations('metric');
  const a = answer as Answer;
  const blank = <span className="text-slate-400">{t('blank')}</span>;
  const obj = (typeof a === 'object' && a !== null && !Array.isArray(a) ? a : {}) as Record<string, unknown>;
  switch (section.kind) {
    case 'TEXT':
      return typeof a === 'string' && a ? <p className="whitespace-pre-line">{a}</p> : blank;
    case 'INDICATOR': {
      const value = str(obj.value);
      if (!value) return blank;
      const qualifier = str(obj.qualifier) ?? 'EXACT';
      return <p data-value={value}>{tm.has(qualifier) ? tm(qualifier, { value, unit }) : value}</p>;
    }
    case 'RISK_CHECK': {
      const yes = obj.answer === 'yes';
      if (!obj.answer) return blank;
      return (
        <p className="whitespace-pre-line">
          <span className={yes ? 'font-medium text-red-800' : ''}>{t(yes ? 'yes' : 'no')}</span>
          {str(obj.explanation) && `：${String(obj.explanation)}`}
        </p>
      );
    }
    case 'COMPLAINTS':
      return str(obj.received) === null ? (
        blank
      ) : (
        <p>
          {t('received')} {String(obj.received)} · {t('resolved')} {str(obj.resolved) ?? '—'}
        </p>
      );
    case 'ATTACHMENTS':
      return Array.isArray(a) && a.length ? (
        <ul className="list-disc pl-5">
          {a.map((item, i) => (
            <li key={i}>{String(item)}</li>
          ))}
        </ul>
      ) : (
        blank
      );
  }
}
