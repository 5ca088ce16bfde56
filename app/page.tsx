import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { HeadlineCards } from '@/components/dashboard/headline-cards';
import { PendingProposalsCard } from '@/components/pending-proposals-card';
import { ProgramsOverview } from '@/components/programs-overview';
import { resolveFilters } from '@/lib/data/filter-targets';
import { can } from '@/lib/rules/authz';
import { parseFilters } from '@/lib/rules/filters';
import { requireActor } from '@/lib/server/session';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The programs the reader follows, and one of them (the URL's, else the first) in figures. */
export default async function HomePage({ searchParams }: Props) {
  const { program: code } = await searchParams;
  const actorRead = requireActor();
  const [actor, resolved] = await Promise.all([
    actorRead,
    resolveFilters({ ...parseFilters(typeof code === 'string' ? { program: code } : {}), actor: actorRead }),
  ]);
  // An expert reviewer opens no program view: its home is the assessments assigned to it.
  if (!can(actor, 'program:read') && can(actor, 'assessment:read')) redirect('/assessments');
  if (!resolved) notFound();
  const { program, targets } = resolved;
  const [t, locale] = await Promise.all([getTranslations('home'), getLocale()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('heading', { program: locale === 'zh' ? program.name : program.nameEn })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <HeadlineCards actor={actor} targets={targets} view="home" />
      <section className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        <PendingProposalsCard actor={actor} />
      </section>
      <p className="rounded border border-dashed border-amber-500 bg-amber-50 p-2 text-sm text-amber-900">{t('placeholderNotice')}</p>
      <ProgramsOverview actor={actor} current={program.code} />
      <Link
        href={`/projects?program=${program.code}`}
        className="inline-flex min-h-10 items-center rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900"
      >
        {t('viewProjects')}
      </Link>
    </div>
  );
}
