import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InstitutionKindText, PlaceholderBadge, Undisclosed } from '@/components/badges';
import { ExportLinks } from '@/components/export-links';
import { FilterForm } from '@/components/filters/filter-form';
import { FilterNotices } from '@/components/filters/filter-notices';
import { TableScroll } from '@/components/table-scroll';
import { RetiredBadge } from '@/components/retired';
import { resolveFilters } from '@/lib/data/filter-targets';
import { filterHref, parseFilters } from '@/lib/rules/filters';
import { listInstitutions } from '@/lib/data/institutions';
import { requireActor } from '@/lib/server/session';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('institutions'))('heading') };
}

export default async function InstitutionsPage({ searchParams }: Props) {
  const query = await searchParams;
  const actorRead = requireActor();
  const [actor, resolved] = await Promise.all([actorRead, resolveFilters({ ...parseFilters(query), actor: actorRead })]);
  if (!resolved) notFound();
  const [{ rows, undisclosed }, t] = await Promise.all([listInstitutions({ actor, targets: resolved.targets }), getTranslations()]);
  const total = rows.length + undisclosed.institutions;
  const licensed = (v: boolean | null) => t(v === null ? 'project.licensedUnknown' : v ? 'project.licensedYes' : 'project.licensedNo');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold">{t('institutions.heading')}</h1>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-600" data-testid="result-count" data-value={total}>
            {t('institutions.count', { count: total })}
          </p>
          <ExportLinks table="institutions" query={filterHref('', resolved.targets.filters, { page: undefined, sort: undefined })} />
        </div>
      </div>
      <FilterForm actor={actor} programId={resolved.program.id} action="/institutions" filters={resolved.targets.filters} />
      <FilterNotices notices={resolved.notices} />
      <TableScroll label={t('institutions.heading')} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 whitespace-nowrap text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('institutions.name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('institutions.kind')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('institutions.licensed')}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t('institutions.led')}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t('institutions.joined')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} className="border-t border-slate-100" data-institution={i.id}>
                <td className="min-w-48 px-3 py-2">
                  <Link href={`/institutions/${i.id}`} className="text-red-800 hover:underline">
                    {i.name}
                  </Link>
                  {i.retiredAt && <RetiredBadge />}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <InstitutionKindText kind={i.kind} inferred={i.kindInferred} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{licensed(i.licensed)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{i.led}</td>
                <td className="px-3 py-2 text-right tabular-nums">{i.joined}</td>
              </tr>
            ))}
            {undisclosed.institutions > 0 && (
              <tr className="border-t border-slate-100 bg-amber-50/40" data-institution="undisclosed" data-value={undisclosed.institutions}>
                <td className="min-w-48 px-3 py-2">
                  {t('institutions.undisclosed', { count: undisclosed.institutions })}
                  <PlaceholderBadge />
                </td>
                <td className="px-3 py-2">
                  <Undisclosed />
                </td>
                <td className="px-3 py-2">
                  <Undisclosed />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{undisclosed.led}</td>
                <td className="px-3 py-2 text-right tabular-nums">{undisclosed.joined}</td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
