import { useTranslations } from 'next-intl';
import { Section } from '@/components/section';
import type { AuditRow } from '@/lib/data/audit';

/** before → after of one audit entry, as short "key: value" lines. */
export function AuditChange({ before, after }: Pick<AuditRow, 'before' | 'after'>) {
  const show = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).map(([k, x]) => `${k}: ${Array.isArray(x) ? x.join('、') : String(x ?? '')}`) : [];
  return (
    <div className="grid gap-1 text-xs md:grid-cols-2">
      {before != null && (
        <pre className="whitespace-pre-wrap wrap-anywhere rounded bg-slate-50 p-1 text-slate-500 line-through decoration-slate-300">
          {show(before).join('\n')}
        </pre>
      )}
      <pre className="whitespace-pre-wrap wrap-anywhere rounded bg-emerald-50 p-1 text-slate-800">{show(after).join('\n')}</pre>
    </div>
  );
}

/** The project's history tab: every audited write on it, newest first. */
export function ProjectAuditHistory({ entries }: { entries: AuditRow[] }) {
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
                <span>{e.actor.name}</span>
                <time className="tabular-nums text-slate-500" dateTime={e.createdAt.toISOString()}>
                  {e.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                </time>
              </div>
              <AuditChange before={e.before} after={e.after} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
