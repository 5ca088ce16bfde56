import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InferredBadge, PlaceholderBadge, StageBadge } from '@/components/badges';
import { ExportLinks } from '@/components/export-links';
import { getDefaultProgram } from '@/lib/programs';
import { listProjects } from '@/lib/projects';
import { requireActor } from '@/lib/session';

export async function generateMetadata() {
  return { title: (await getTranslations('projects'))('heading') };
}

export default async function ProjectsPage() {
  const actor = await requireActor();
  const program = await getDefaultProgram();
  if (!program) notFound();
  const [projects, t, locale] = await Promise.all([listProjects({ actor, programId: program.id }), getTranslations('projects'), getLocale()]);
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-600" data-testid="result-count" data-value={projects.length}>
            {t('count', { count: projects.length })}
          </p>
          <ExportLinks table="projects" />
        </div>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{t('code')}</th>
              <th scope="col" className="px-3 py-2">{t('name')}</th>
              <th scope="col" className="px-3 py-2">{t('lead')}</th>
              <th scope="col" className="px-3 py-2">{t('direction')}</th>
              <th scope="col" className="px-3 py-2">{t('field')}</th>
              <th scope="col" className="px-3 py-2">{t('stage')}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.code} className="border-t border-slate-100" data-project={p.code}>
                <td className="px-3 py-2 font-mono text-xs">{p.code}</td>
                <td className="px-3 py-2">
                  <Link href={`/projects/${p.code}`} className="text-red-800 hover:underline">
                    {p.name}
                  </Link>
                  {p.isPlaceholder && <PlaceholderBadge />}
                </td>
                <td className="px-3 py-2">
                  {p.lead?.name}
                  {p.lead?.isPlaceholder && <PlaceholderBadge />}
                </td>
                <td className="px-3 py-2">{p.field.direction.code}</td>
                <td className="px-3 py-2">
                  {locale === 'zh' ? p.field.name : p.field.nameEn}
                  {p.fieldInferred && !p.isPlaceholder && <InferredBadge />}
                </td>
                <td className="px-3 py-2">
                  <StageBadge stage={p.stage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {projects.length === 0 && <p className="p-4 text-slate-600">{t('empty')}</p>}
      </div>
    </div>
  );
}
