import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { AuditChange } from '@/components/project/project-audit-history';
import type { AuditRow } from '@/lib/data/audit';
import type { Locale } from '@/lib/i18n/config';
import { describeEntity, type AuditLookups } from '@/lib/rules/audit-display';
import { formatMoment } from '@/lib/rules/time';

type Entry = AuditRow & { projectCode: string | null };

/** The audit trail as a table: when (Beijing time), who, what, on which record, and the change in words. */
export function AuditTable({ entries, lookups }: { entries: Entry[]; lookups: AuditLookups }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  return (
    <table className="w-full text-left text-sm">
      <thead className="whitespace-nowrap text-slate-500">
        <tr>
          <th className="py-1 pr-3">{t('audit.time')}</th>
          <th className="py-1 pr-3">{t('audit.user')}</th>
          <th className="py-1 pr-3">{t('audit.action')}</th>
          <th className="py-1 pr-3">{t('audit.entity')}</th>
          <th className="py-1 pr-3">{t('audit.change')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} className="border-t border-slate-100 align-top" data-audit-action={e.action} data-project={e.projectCode ?? ''}>
            <td className="whitespace-nowrap py-1 pr-2 tabular-nums">{formatMoment(e.createdAt)}</td>
            <td className="min-w-24 py-1 pr-3">{e.actor?.name ?? t('audit.publicActor')}</td>
            <td className="py-1 pr-3 whitespace-nowrap">{t(`auditAction.${e.action}`)}</td>
            <td className="py-1 pr-2">
              {e.projectCode && (
                <Link href={`/projects/${e.projectCode}`} className="mr-1 text-red-800 hover:underline">
                  {e.projectCode}
                </Link>
              )}
              {describeEntity(e, { t, locale, lookups })}
            </td>
            <td className="min-w-64 py-1">
              <AuditChange entry={e} lookups={lookups} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
