import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ExportLinks } from '@/components/export-links';
import { AuditChange } from '@/components/project/project-audit-history';
import { listAuditActors, listAuditEntries } from '@/lib/data/audit';
import { can } from '@/lib/rules/authz';
import { AuditAction } from '@/lib/generated/prisma/enums';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { requireActor } from '@/lib/server/session';
import { formatDay, formatMoment } from '@/lib/rules/time';

export const metadata = { title: '操作记录' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail for regulators and admins, filtered by project, user, action and dates. */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'audit:read')) notFound();
  const f = auditFilterSchema.parse(await searchParams);
  const [{ entries, total }, users, t] = await Promise.all([
    listAuditEntries({ actor, filter: { projectCode: f.project, actorId: f.user, action: f.action, from: f.from, to: f.to } }),
    listAuditActors({ actor }),
    getTranslations(),
  ]);
  const day = (d?: Date) => (d ? formatDay(d) : '');
  const exportQuery = new URLSearchParams(
    Object.entries({ project: f.project, user: f.user?.toString(), action: f.action, from: day(f.from), to: day(f.to) }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    ),
  ).toString();
  const input = 'mt-1 block rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('audit.heading')}</h1>
      <p className="text-sm text-slate-600">{t('audit.intro')}</p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="audit-filter">
        <label>
          {t('audit.project')}
          <input name="project" defaultValue={f.project ?? ''} className={input} />
        </label>
        <label>
          {t('audit.user')}
          <select name="user" defaultValue={f.user ?? ''} className={input}>
            <option value="">{t('audit.any')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.action')}
          <select name="action" defaultValue={f.action ?? ''} className={input}>
            <option value="">{t('audit.any')}</option>
            {Object.values(AuditAction).map((a) => (
              <option key={a} value={a}>
                {t(`auditAction.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input type="date" name="from" defaultValue={day(f.from)} className={input} />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" name="to" defaultValue={day(f.to)} className={input} />
        </label>
        <button type="submit" className="rounded bg-red-800 px-3 py-1.5 text-white hover:bg-red-900">
          {t('audit.filter')}
        </button>
      </form>
      <div className="flex items-baseline justify-between gap-4">
        <p className="text-sm text-slate-600" data-testid="audit-count" data-value={total}>
          {t('audit.count', { count: entries.length, total })}
        </p>
        {/* Every matching entry, not only the latest shown here. */}
        <ExportLinks table="audit" query={exportQuery} />
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('audit.empty')}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1">{t('audit.time')}</th>
              <th className="py-1">{t('audit.user')}</th>
              <th className="py-1">{t('audit.action')}</th>
              <th className="py-1">{t('audit.entity')}</th>
              <th className="py-1">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top" data-audit-action={e.action} data-project={e.projectCode ?? ''}>
                <td className="py-1 tabular-nums">{formatMoment(e.createdAt)}</td>
                <td className="py-1">{e.actor.name}</td>
                <td className="py-1">{t(`auditAction.${e.action}`)}</td>
                <td className="py-1">
                  {e.projectCode ?? ''} {e.entityType}#{e.entityId}
                </td>
                <td className="py-1">
                  <AuditChange before={e.before} after={e.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
