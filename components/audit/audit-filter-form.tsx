import { useTranslations } from 'next-intl';
import { AuditAction } from '@/lib/generated/prisma/enums';
import type { AuditFilterInput } from '@/lib/schemas/audit';
import { formatDay } from '@/lib/rules/time';

const input = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm max-sm:min-h-10 sm:w-auto';

/** The /audit filters as a plain GET form: project code, user, action, and Beijing days from–to. */
export function AuditFilterForm({ filter, users }: { filter: AuditFilterInput; users: { id: number; name: string }[] }) {
  const t = useTranslations();
  const day = (d?: Date) => (d ? formatDay(d) : '');
  return (
    <form
      method="get"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:flex sm:flex-wrap sm:items-end"
      data-testid="audit-filter"
    >
      <label>
        {t('audit.project')}
        <input name="project" defaultValue={filter.project ?? ''} className={input} />
      </label>
      <label>
        {t('audit.user')}
        <select name="user" defaultValue={filter.user ?? ''} className={input}>
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
        <select name="action" defaultValue={filter.action ?? ''} className={input}>
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
        <input type="date" name="from" defaultValue={day(filter.from)} className={input} />
      </label>
      <label>
        {t('audit.to')}
        <input type="date" name="to" defaultValue={day(filter.to)} className={input} />
      </label>
      <button type="submit" className="rounded bg-red-800 px-3 py-1.5 text-white hover:bg-red-900 max-sm:min-h-10">
        {t('audit.filter')}
      </button>
    </form>
  );
}
