import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InferredBadge, PlaceholderBadge, StageBadge, Undisclosed } from '@/components/badges';
import { ExportLinks } from '@/components/export-links';
import { FilterForm } from '@/components/filters/filter-form';
import { FilterNotices } from '@/components/filters/filter-notices';
import { Pagination } from '@/components/filters/pagination';
import { TableScroll } from '@/components/table-scroll';
import { RetiredBadge } from '@/components/retired';
import { resolveFilters } from '@/lib/data/filter-targets';
import { filterHref, parseFilters } from '@/lib/rules/filters';
import { listProjects } from '@/lib/data/projects';
import { requireActor } from '@/lib/server/session';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('projects'))('heading') };
}

export default async function ProjectsPage({ searchParams }: Props) {
  const query = await searchParams;
  const actorRead = requireActor();
  const [actor, resolved] = await Promise.all([actorRead, resolveFilters({ ...parseFilters(query), actor: actorRead })]);
  if (!resolved) notFound();
  const { targets, program, notices } = resolved;
  const [list, t, locale] = await Promise.all([listProjects({ actor, targets }), getTranslations('projects'), getLocale()]);
  const filters = { ...targets.filters, page: list.page };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-600" data-testid="result-count" data-value={list.total}>
            {t('count', { count: list.total })}
          </p>
          {/* Every matching row, not only this page. */}
          <ExportLinks table="projects" query={filterHref('', targets.filters, { page: undefined })} />
        </div>
      </div>
      <FilterForm actor={actor} programId={program.id} action="/projects" filters={targets.filters} withSort />
      <FilterNotices notices={notices} />
      <TableScroll label={t('heading')} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 whitespace-nowrap text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('code')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('lead')}
              </th>
              <th scope="col" className="px-3 py-2">
                {(locale === 'zh' ? program.directionLabel : program.directionLabelEn) ?? t('direction')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('field')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('stage')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((p) => (
              <tr key={p.code} className="border-t border-slate-100" data-project={p.code}>
                <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{p.code}</td>
                <td className="min-w-48 px-3 py-2">
                  <Link href={`/projects/${p.code}`} className="text-red-800 hover:underline">
                    {p.name}
                  </Link>
                  {p.isPlaceholder && <PlaceholderBadge />}
                  {p.retiredAt && <RetiredBadge />}
                </td>
                <td className="min-w-36 px-3 py-2">
                  {p.lead && (
                    <Link href={`/institutions/${p.lead.id}`} className="hover:underline">
                      {p.lead.name}
                    </Link>
                  )}
                  {p.lead?.isPlaceholder && <PlaceholderBadge />}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {p.direction ? (
                    <Link href={`/directions/${p.direction.code}`} className="hover:underline">
                      {p.direction.code}
                    </Link>
                  ) : (
                    <Undisclosed />
                  )}
                  {p.directionInferred && <InferredBadge note={p.directionNote} />}
                </td>
                <td className="min-w-28 px-3 py-2">
                  {p.field ? locale === 'zh' ? p.field.name : p.field.nameEn : <Undisclosed />}
                  {p.fieldInferred && <InferredBadge note={p.fieldNote} />}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <StageBadge stage={p.stage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.total === 0 && (
          <p className="p-4 text-slate-600" data-testid="empty-state">
            {t('empty')}
          </p>
        )}
      </TableScroll>
      <Pagination path="/projects" filters={filters} page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
