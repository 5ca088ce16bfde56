import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { FilterForm } from '@/components/filters/filter-form';
import { FilterNotices } from '@/components/filters/filter-notices';
import { PendingProposalsCard } from '@/components/pending-proposals-card';
import { ReturnsCard } from '@/components/returns/returns-card';
import { preloadDashboard } from '@/lib/data/dashboard';
import { resolveFilters } from '@/lib/data/filter-targets';
import { parseFilters } from '@/lib/rules/filters';
import { requireActor } from '@/lib/server/session';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('nav'))('dashboard') };
}

export default async function DashboardPage({ searchParams }: Props) {
  const query = await searchParams;
  const actorRead = requireActor();
  const [actor, resolved] = await Promise.all([actorRead, resolveFilters({ ...parseFilters(query), actor: actorRead })]);
  if (!resolved) notFound();
  const { program, targets, notices } = resolved;
  preloadDashboard({ actor, targets });
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('heading', { program: locale === 'zh' ? program.name : program.nameEn })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
        {program.isSynthetic && <p className="mt-1 text-sm font-medium text-amber-800">{t('synthetic')}</p>}
      </div>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,20rem)_minmax(0,28rem)]">
        <PendingProposalsCard actor={actor} />
        {/* Returns are the supervision cycle's: the card's figures link into the returns board. */}
        <Suspense fallback={<div className="h-28 animate-pulse rounded-lg bg-slate-100" />}>
          <ReturnsCard actor={actor} program={program.code} />
        </Suspense>
      </div>
      <FilterForm actor={actor} programId={program.id} action="/dashboard" filters={targets.filters} />
      <FilterNotices notices={notices} />
      <DashboardCards actor={actor} targets={targets} />
    </div>
  );
}
