import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { FilterNotices } from '@/components/filters/filter-notices';
import { preloadDashboard } from '@/lib/data/dashboard';
import { getFilterOptions, resolveFilters } from '@/lib/data/filter-targets';
import { filterHref, parseFilters } from '@/lib/rules/filters';
import { requireActor } from '@/lib/server/session';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard scoped to one direction (and, with ?field=, to one of its fields). */
export default async function DirectionPage({ params, searchParams }: Props) {
  const query = parseFilters({ ...(await searchParams), direction: (await params).code });
  const actorRead = requireActor();
  const [actor, resolved] = await Promise.all([actorRead, resolveFilters({ ...query, actor: actorRead })]);
  if (!resolved || resolved.targets.directionId === undefined) notFound();
  const { program, targets } = resolved;
  preloadDashboard({ actor, targets });
  const [options, t, locale] = await Promise.all([getFilterOptions({ actor, programId: program.id }), getTranslations(), getLocale()]);
  // The 「未公开」 bucket (direction=UNDISCLOSED): the projects the record does not place, with no fields to pick.
  const direction = options.directions.find((d) => d.code === targets.filters.direction) ?? {
    code: t('breakdown.undisclosedLabel'),
    name: t('directions.undisclosed'),
    nameEn: t('directions.undisclosed'),
    fields: [],
  };
  const zh = locale === 'zh';
  return (
    <div className="space-y-4">
      <Link href={filterHref('/dashboard', { program: targets.filters.program })} className="text-sm text-red-800 hover:underline">
        ← {t('directions.back')}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('directions.heading', { code: direction.code })}</h1>
        <p className="mt-1 text-slate-700">{zh ? direction.name : direction.nameEn}</p>
      </div>
      <nav aria-label={t('directions.fields')} className="flex flex-wrap gap-2 text-sm">
        {direction.fields.map((f) => (
          <Link
            key={f.code}
            href={filterHref(
              `/directions/${direction.code}`,
              { ...targets.filters, direction: undefined },
              { field: targets.filters.field === f.code ? undefined : f.code },
            )}
            aria-current={targets.filters.field === f.code ? 'page' : undefined}
            className={`rounded border px-2 py-1 ${targets.filters.field === f.code ? 'border-red-800 bg-red-800 text-white' : 'border-slate-300 bg-white text-red-800'}`}
          >
            {zh ? f.name : f.nameEn}
          </Link>
        ))}
      </nav>
      <FilterNotices notices={resolved.notices} />
      <DashboardCards actor={actor} targets={targets} />
    </div>
  );
}
