import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import { AuditTable } from '@/components/audit/audit-table';
import { ExportLinks } from '@/components/export-links';
import { TableScroll } from '@/components/table-scroll';
import { listAuditActors, listAuditEntries, namesInEntries } from '@/lib/data/audit';
import { can } from '@/lib/rules/authz';
import { formatDay } from '@/lib/rules/time';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { requireActor } from '@/lib/server/session';

export const metadata = { title: '操作记录' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail for regulators and admins, filtered by project, user, action and dates, each change in words. */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'audit:read')) notFound();
  const f = auditFilterSchema.parse(await searchParams);
  const [{ entries, total }, users, t] = await Promise.all([
    listAuditEntries({ actor, filter: { projectCode: f.project, actorId: f.user, action: f.action, from: f.from, to: f.to } }),
    listAuditActors({ actor }),
    getTranslations(),
  ]);
  const names = await namesInEntries(entries);
  const exportQuery = new URLSearchParams(
    Object.entries({ project: f.project, user: f.user?.toString(), action: f.action, from: f.from && formatDay(f.from), to: f.to && formatDay(f.to) }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  ).toString();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('audit.heading')}</h1>
      <p className="text-sm text-slate-600">{t('audit.intro')}</p>
      <AuditFilterForm filter={f} users={users} />
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <p className="text-sm text-slate-600" data-testid="audit-count" data-value={total}>
          {t('audit.count', { count: entries.length, total })}
        </p>
        {/* Every matching entry, not only the latest shown here; the file keeps ids and raw snapshots for auditors. */}
        <ExportLinks table="audit" query={exportQuery} />
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('audit.empty')}</p>
      ) : (
        <TableScroll label={t('audit.heading')} className="rounded-lg border border-slate-200 bg-white px-3">
          <AuditTable entries={entries} lookups={names} />
        </TableScroll>
      )}
    </div>
  );
}
