import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { OwnActivity } from '@/lib/data/account-page';
import { formatMoment } from '@/lib/rules/time';

/** The user's own latest writes: what, on which project, when (Beijing time). */
export function OwnActivityList({ entries }: { entries: OwnActivity[] }) {
  const t = useTranslations();
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t('account.noActivity')}</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="own-activity">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-wrap gap-x-3 border-l-2 border-slate-300 pl-3" data-action={e.action} data-project={e.project?.code ?? ''}>
          <span className="font-medium">{t(`auditAction.${e.action}`)}</span>
          {e.project && (
            <Link href={`/projects/${e.project.code}`} className="text-red-800 hover:underline">
              {e.project.code} {e.project.name}
            </Link>
          )}
          <time className="tabular-nums text-slate-500" dateTime={e.createdAt.toISOString()}>
            {formatMoment(e.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
