import { useLocale, useTranslations } from 'next-intl';
import { Section } from '@/components/section';
import type { AuditRow } from '@/lib/data/audit';
import type { Locale } from '@/lib/i18n/config';
import { describeAuditEntry, type AuditLookups } from '@/lib/rules/audit-display';
import { formatMoment } from '@/lib/rules/time';

/** One audit entry's change, a line per field: "简介: 旧的简介 → 新的简介". */
export function AuditChange({ entry, lookups }: { entry: Pick<AuditRow, 'action' | 'entityType' | 'projectId' | 'before' | 'after'>; lookups: AuditLookups }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const lines = describeAuditEntry(entry, { t, locale, lookups });
  return (
    <ul className="space-y-0.5 text-xs text-slate-800" data-testid="audit-change">
      {lines.map((line) => (
        <li key={line.key} data-field={line.key} className="whitespace-pre-wrap wrap-anywhere">
          <span className="text-slate-500">{line.label}: </span>
          {line.before !== null && line.after !== null ? (
            <>
              <del className="text-slate-500 decoration-slate-400">{line.before}</del> → <ins className="no-underline">{line.after}</ins>
            </>
          ) : (
            (line.after ?? line.before)
          )}
        </li>
      ))}
    </ul>
  );
}

/** The project's history tab: every audited write on it, newest first, in words. */
export function ProjectAuditHistory({ entries, lookups }: { entries: AuditRow[]; lookups: AuditLookups }) {
  const t = useTranslations();
  return (
    <Section title={t('history.heading')} id="history">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('history.empty')}</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="project-history">
          {entries.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-300 pl-3" data-action={e.action}>
              <div className="flex flex-wrap gap-x-3 text-slate-700">
                <span className="font-medium">{t(`auditAction.${e.action}`)}</span>
                <span>{e.actor?.name ?? t('audit.publicActor')}</span>
                <time className="tabular-nums text-slate-500" dateTime={e.createdAt.toISOString()}>
                  {formatMoment(e.createdAt)}
                </time>
              </div>
              <AuditChange entry={e} lookups={lookups} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
