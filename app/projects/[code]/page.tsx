import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InferredBadge, PlaceholderBadge, StageBadge } from '@/components/badges';
import { ProjectFacts } from '@/components/project/project-facts';
import { ProjectHistory } from '@/components/project/project-history';
import { IndicatorHistory } from '@/components/project/indicator-history';
import { ProjectMetrics } from '@/components/project/project-metrics';
import { ProjectUpdates } from '@/components/project/project-updates';
import { getProject } from '@/lib/data/projects';
import { getActor, requireActor } from '@/lib/server/session';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props) {
  const actor = await getActor();
  const project = actor ? await getProject({ actor, code: (await params).code }) : null;
  return { title: project ? `${project.code} ${project.name}` : undefined };
}

export default async function ProjectPage({ params }: Props) {
  const actor = await requireActor();
  const project = await getProject({ actor, code: (await params).code });
  if (!project) notFound();
  const [t, locale] = await Promise.all([getTranslations('project'), getLocale()]);
  const direction = project.field.direction;
  return (
    <article className="space-y-4">
      <Link href="/projects" className="text-sm text-red-800 hover:underline">
        ← {t('back')}
      </Link>
      <header className="space-y-2">
        <p className="font-mono text-xs text-slate-500">{project.code}</p>
        <h1 className="text-2xl font-semibold">
          {project.name}
          {project.isPlaceholder && <PlaceholderBadge />}
        </h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm text-slate-700">
          <div className="contents">
            <dt className="text-slate-500">{t('stage')}</dt>
            <dd>
              <StageBadge stage={project.stage} />
            </dd>
          </div>
          <div className="contents">
            <dt className="text-slate-500">{t('direction')}</dt>
            <dd>
              {direction.code} {locale === 'zh' ? direction.name : direction.nameEn}
            </dd>
          </div>
          <div className="contents">
            <dt className="text-slate-500">{t('field')}</dt>
            <dd>
              {locale === 'zh' ? project.field.name : project.field.nameEn}
              {project.fieldInferred && !project.isPlaceholder && <InferredBadge />}
            </dd>
          </div>
        </dl>
      </header>
      <ProjectFacts project={project} />
      <ProjectMetrics values={project.metricValues} />
      <IndicatorHistory values={project.metricValues} />
      <ProjectHistory stage={project.stage} stageChanges={project.stageChanges} milestones={project.milestones} today={new Date()} />
      <ProjectUpdates actor={actor} project={project} />
    </article>
  );
}
