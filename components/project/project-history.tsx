import { useLocale, useTranslations } from 'next-intl';
import { StageBadge } from '@/components/badges';
import { RetiredBadge } from '@/components/retired';
import { Section } from '@/components/section';
import { describeDate } from '@/lib/rules/dates';
import { formatDay } from '@/lib/rules/time';
import { milestoneStatus } from '@/lib/data/milestones';
import type { ProjectDetail } from '@/lib/data/projects';
import { stageName, type Stage } from '@/lib/rules/stages';

/** `path`: the stages of the project's lifecycle, in order. */
type Props = Pick<ProjectDetail, 'stage' | 'stageChanges' | 'milestones'> & { path: Stage[]; today: Date };

const statusStyle = { done: 'text-emerald-800 bg-emerald-50', due: 'text-slate-800 bg-slate-100', overdue: 'text-red-800 bg-red-50' } as const;

/** The lifecycle's path with the date each stage was reached, the full history, and the milestones. */
export function ProjectHistory({ stage, stageChanges, milestones, path, today }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const reached = new Map(stageChanges.map((c) => [c.toStageId, c]));
  const date = (c: (typeof stageChanges)[number]) => {
    const { key, values } = describeDate(c);
    return `${t(`dates.${key}`, values)}${c.dateInferred ? t('dates.inferred') : ''}`;
  };
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <Section title={t('timeline.heading')}>
        {/* One row per stage on a phone, where a long path's names would wrap a character at a time; side by side from `sm`. */}
        <ol
          className="grid gap-1 text-xs sm:grid-cols-[repeat(var(--steps),minmax(0,1fr))] sm:text-center"
          style={{ '--steps': path.length } as React.CSSProperties}
          data-testid="stage-timeline"
        >
          {path.map((s) => {
            const c = reached.get(s.id);
            const current = s.code === stage.code;
            return (
              <li
                key={s.code}
                className="grid grid-cols-[2rem_minmax(0,1fr)_auto] items-center gap-x-2 sm:block"
                data-reached={Boolean(c)}
                aria-current={current ? 'step' : undefined}
              >
                <div className={`h-2 rounded ${c ? 'bg-red-800' : 'bg-slate-200'}`} />
                <div className={`sm:mt-1 ${current ? 'font-semibold' : ''}`}>{stageName(s, locale)}</div>
                <div className="tabular-nums text-slate-600">{c ? date(c) : '—'}</div>
              </li>
            );
          })}
        </ol>
        <h3 className="mb-2 mt-4 text-sm font-semibold text-slate-800">{t('project.stageHistory')}</h3>
        <ol className="space-y-2 text-sm" data-testid="stage-history">
          {stageChanges.map((c) => (
            <li key={c.id} className="border-l-2 border-red-800 pl-3">
              <div className="flex items-center gap-2">
                <StageBadge stage={c.toStage} />
                <span className="tabular-nums text-slate-700" data-date-precision={c.datePrecision}>
                  {date(c)}
                </span>
              </div>
              {c.note && <p className="mt-0.5 text-xs text-slate-600">{c.note}</p>}
            </li>
          ))}
        </ol>
      </Section>
      <Section title={t('project.milestones')}>
        {milestones.length === 0 ? (
          <p className="text-sm text-slate-600">{t('project.noMilestones')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {milestones.map((m) => {
              const status = milestoneStatus(m, today);
              return (
                <li key={m.id} className="flex items-center justify-between gap-2" data-milestone={status} data-milestone-id={m.id}>
                  <span className={m.retiredAt ? 'text-slate-500 line-through' : undefined}>
                    {m.title}
                    {m.retiredAt && <RetiredBadge />}
                  </span>
                  <span className="flex items-center gap-2 tabular-nums text-slate-600">
                    {m.completedAt ? t('project.completed', { date: formatDay(m.completedAt) }) : `${t('project.due')} ${formatDay(m.dueDate)}`}
                    <span className={`rounded px-1.5 py-0.5 text-xs ${statusStyle[status]}`}>{t(`timeline.${status}`)}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}
