import { useTranslations } from 'next-intl';
import { StageBadge } from '@/components/badges';
import { Section } from '@/components/section';
import { isoDate } from '@/lib/format';
import type { ProjectDetail } from '@/lib/projects';

type Props = Pick<ProjectDetail, 'stageChanges' | 'milestones'>;

export function ProjectHistory({ stageChanges, milestones }: Props) {
  const t = useTranslations('project');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Section title={t('stageHistory')}>
        <ol className="space-y-2 text-sm" data-testid="stage-history">
          {stageChanges.map((c) => (
            <li key={c.id} className="border-l-2 border-red-800 pl-3">
              <div className="flex items-center gap-2">
                <StageBadge stage={c.toStage} />
                <span className="tabular-nums text-slate-700">
                  {c.dateApprox ? t('approxDate', { date: isoDate(c.effectiveDate) }) : isoDate(c.effectiveDate)}
                </span>
              </div>
              {c.note && <p className="mt-0.5 text-xs text-slate-600">{c.note}</p>}
            </li>
          ))}
        </ol>
      </Section>
      <Section title={t('milestones')}>
        {milestones.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noMilestones')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {milestones.map((m) => (
              <li key={m.id} className="flex justify-between gap-2">
                <span>{m.title}</span>
                <span className="tabular-nums text-slate-600">
                  {m.completedAt ? t('completed', { date: isoDate(m.completedAt) }) : `${t('due')} ${isoDate(m.dueDate)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
