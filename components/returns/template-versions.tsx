import { useLocale, useTranslations } from 'next-intl';
import type { TemplateDetail } from '@/lib/data/return-templates';
import { formatMoment } from '@/lib/rules/time';

/** Every version of a template, newest first, with its sections in words (returns filed on a version keep it). */
export function TemplateVersions({ versions }: { versions: TemplateDetail['versions'] }) {
  const t = useTranslations('returnTemplates');
  const zh = useLocale() === 'zh';
  return (
    <ol className="space-y-3 text-sm" data-testid="template-versions">
      {versions.map((v) => (
        <li key={v.number} data-version={v.number}>
          <p className="font-medium">{t('versionHeading', { number: v.number, at: formatMoment(v.createdAt), by: v.createdBy?.name ?? t('seeded') })}</p>
          <ul className="ml-4 list-disc text-slate-700">
            {v.sections.map((s) => (
              <li key={s.id}>
                <span className="text-slate-500">{t(`kind.${s.kind}`)}</span>{' '}
                {s.kind === 'INDICATOR' ? <span className="font-mono">{s.indicatorCode}</span> : zh ? s.label : s.labelEn}
                {'required' in s && s.required && <span className="text-red-700"> *</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
