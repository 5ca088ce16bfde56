import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterNotices } from '@/components/filters/filter-notices';
import { ExportLinks } from '@/components/returns/export-links';
import { BoardFilters } from '@/components/returns/board-filters';
import { BoardKpis } from '@/components/returns/board-kpis';
import { BoardTable } from '@/components/returns/board-table';
import { CompletenessSections } from '@/components/returns/completeness-table';
import { Section } from '@/components/section';
import { getReturnBoard } from '@/lib/data/return-board';
import { can } from '@/lib/rules/authz';
import { boardHref, parseBoardQuery } from '@/lib/rules/return-board-query';
import { dueDate } from '@/lib/rules/returns';
import { formatDay } from '@/lib/rules/time';
import { requireActor } from '@/lib/server/session';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('returnBoard'))('heading') };
}

/** The overdue board: for a program, template and period, every project's return and who is late. */
export default async function ReturnsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const { query, notices } = parseBoardQuery(await searchParams);
  const [board, t, locale] = await Promise.all([getReturnBoard({ actor, query, notices }), getTranslations('returnBoard'), getLocale()]);
  if (!board) notFound();
  const manage = can(actor, 'return:manage');
  const view = { ...query, program: board.program.code, template: board.template?.code, period: board.period?.key };
  const schedule = board.template?.schedules.find((s) => s.frequency === board.period?.frequency);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        {manage && (
          <Link href="/returns/templates" className="text-sm text-red-800 hover:underline" data-testid="manage-templates">
            {t('templates')}
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-600">{t('intro', { program: locale === 'zh' ? board.program.name : board.program.nameEn })}</p>
      <FilterNotices notices={board.notices} />
      {!board.template ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm" data-testid="no-template">
          {t('noTemplate')}
        </p>
      ) : !board.period || !board.figures ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">{t('noPeriod')}</p>
      ) : (
        <>
          <BoardFilters board={board} query={query} institutions={board.figures.byInstitution} directions={board.figures.byDirection} />
          <p className="text-sm text-slate-600" data-testid="board-period" data-period={board.period.key}>
            {t('periodLine', {
              period: board.period.key,
              from: formatDay(board.period.from),
              to: formatDay(board.period.to),
              due: schedule ? formatDay(dueDate(board.period, schedule.dueDays)) : '—',
              today: formatDay(board.figures.today),
            })}
          </p>
          <BoardKpis counts={board.figures.counts} query={view} />
          <p className="text-xs text-slate-500">{t('countsNote')}</p>
          {board.figures.placeholders > 0 && (
            <p className="text-xs text-slate-600" data-testid="board-placeholders" data-count={board.figures.placeholders}>
              {t('placeholders', { count: board.figures.placeholders })}
            </p>
          )}
          <Section title={t('projects')} id="board-projects">
            <div className="mb-2 flex justify-end">
              <ExportLinks query={boardHref('', view).slice(1)} />
            </div>
            <BoardTable rows={board.figures.rows} />
          </Section>
          <CompletenessSections figures={board.figures} view={view} />
        </>
      )}
    </div>
  );
}
