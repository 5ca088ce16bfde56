import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/kpi-card';
import { PendingProposalsCard } from '@/components/pending-proposals-card';
import { getDefaultProgram, getProgramKpis } from '@/lib/data/programs';
import { requireActor } from '@/lib/server/session';

export default async function HomePage() {
  const actor = await requireActor();
  const program = await getDefaultProgram();
  if (!program) notFound();
  const [kpis, t, locale] = await Promise.all([getProgramKpis({ actor, programId: program.id }), getTranslations('home'), getLocale()]);
  const sources = [...new Set(kpis.flatMap((k) => (k.published ? [k.published.source] : [])))];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('heading', { program: locale === 'zh' ? program.name : program.nameEn })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <section className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        {kpis.map((kpi) => (
          <KpiCard key={kpi.key} kpi={kpi} />
        ))}
      </section>
      <section className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        <PendingProposalsCard actor={actor} />
      </section>
      <div className="space-y-1 text-sm text-slate-600">
        {sources.map((s) => (
          <p key={s}>{t('source', { source: s })}</p>
        ))}
        <p className="rounded border border-dashed border-amber-500 bg-amber-50 p-2 text-amber-900">{t('placeholderNotice')}</p>
      </div>
      <Link href="/projects" className="inline-block rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900">
        {t('viewProjects')}
      </Link>
    </div>
  );
}
