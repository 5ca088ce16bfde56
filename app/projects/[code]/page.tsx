import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProjectFacts } from '@/components/project/project-facts';
import { ProjectHeader } from '@/components/project/project-header';
import { ProjectHistory } from '@/components/project/project-history';
import { IndicatorHistory } from '@/components/project/indicator-history';
import { ProjectMetrics } from '@/components/project/project-metrics';
import { ProjectUpdates } from '@/components/project/project-updates';
import { ProjectDossier } from '@/components/project/project-dossier';
import { ProjectFeedback } from '@/components/project/project-feedback';
import { RetiredNotice } from '@/components/retired';
import { ProjectReturns } from '@/components/returns/project-returns';
import { ProjectRisk } from '@/components/risk/project-risk';
import { getProgramLifecycle } from '@/lib/data/lifecycles';
import { getProject } from '@/lib/data/projects';
import { canEditProject } from '@/lib/data/project-edits';
import { parseFilters } from '@/lib/rules/filters';
import { pathOf } from '@/lib/rules/stages';
import { getActor, requireActor } from '@/lib/server/session';
import { todayInBeijing } from '@/lib/rules/time';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const actor = await getActor();
  const project = actor ? await getProject({ actor, code: (await params).code }) : null;
  return { title: project ? `${project.code} ${project.name}` : undefined };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  // `retired=include` shows the project's retired milestones, reports and comments too.
  const { retired } = parseFilters(await searchParams).filters;
  const project = await getProject({ actor, code: (await params).code, retired });
  if (!project) notFound();
  const [t, lifecycle] = await Promise.all([getTranslations('project'), getProgramLifecycle(project.programId)]);
  return (
    <article className="space-y-4">
      <Link href={`/projects?program=${project.program.code}`} className="text-sm text-red-800 hover:underline">
        ← {t('back')}
      </Link>
      {project.retiredAt && <RetiredNotice retiredAt={project.retiredAt} by={project.retiredBy?.name ?? null} kind="project" />}
      <ProjectHeader project={project} />
      <ProjectFacts project={project} />
      <ProjectMetrics values={project.metricValues} />
      <IndicatorHistory values={project.metricValues} />
      {lifecycle.hasStatement && <ProjectDossier actor={actor} projectId={project.id} />}
      {lifecycle.hasStatement && <ProjectFeedback actor={actor} projectId={project.id} />}
      <ProjectHistory
        stage={project.stage}
        stageChanges={project.stageChanges}
        milestones={project.milestones}
        path={pathOf(lifecycle)}
        today={todayInBeijing()}
      />
      <ProjectReturns actor={actor} project={project} editable={await canEditProject({ actor, projectId: project.id })} />
      <ProjectRisk actor={actor} projectId={project.id} />
      <ProjectUpdates actor={actor} project={project} lifecycle={lifecycle} retired={retired} />
    </article>
  );
}
