import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Section } from '@/components/section';
import { TableScroll } from '@/components/table-scroll';
import { listProjectReturns, returnPath } from '@/lib/data/returns';
import { can, type Actor } from '@/lib/rules/authz';
import { formatDay } from '@/lib/rules/time';
import { ReturnStateBadge } from './return-state-badge';

/**
 * 定期报送: the periods the project owes returns for (the recent ones) and every
 * return stored for it, latest first, each with where it stands and a link to
 * file it (the lead institution), review it (a regulator) or read it.
 */
export async function ProjectReturns({ actor, project, editable }: { actor: Actor; project: { id: number; code: string }; editable: boolean }) {
  const [t, zh, rows] = await Promise.all([
    getTranslations('returnFiling'),
    getLocale().then((l) => l === 'zh'),
    listProjectReturns({ actor, projectId: project.id }),
  ]);
  const action = (state: string) =>
    editable && can(actor, 'return:file') && ['NOT_DUE', 'OPEN', 'MISSING', 'RETURNED'].includes(state)
      ? 'open'
      : can(actor, 'return:review') && state === 'SUBMITTED'
        ? 'review'
        : 'view';
  return (
    <Section title={t('heading')} id="returns">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <TableScroll label={t('heading')}>
          <table className="w-full text-left text-sm" data-testid="project-returns">
            <thead className="whitespace-nowrap text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-normal">{t('return')}</th>
                <th className="py-1 pr-3 font-normal">{t('period')}</th>
                <th className="py-1 pr-3 font-normal">{t('due')}</th>
                <th className="py-1 pr-3 font-normal">{t('status')}</th>
                <th className="py-1 font-normal" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const href = returnPath(project.code, r.scheduleId, r.period);
                const kind = action(r.state);
                return (
                  <tr key={`${r.scheduleId}:${r.period}`} className="border-t border-slate-100" data-period={r.period} data-schedule={r.scheduleId}>
                    <td className="py-1 pr-3">{zh ? r.templateName : r.templateNameEn}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{r.period}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDay(r.due)}</td>
                    <td className="py-1 pr-3">
                      <ReturnStateBadge state={r.state} late={r.late} sample={r.isSample} />
                    </td>
                    <td className="py-1 whitespace-nowrap">
                      <Link href={kind === 'review' ? `${href}/review` : href} className="text-red-800 hover:underline" data-action={kind}>
                        {t(kind)}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}
