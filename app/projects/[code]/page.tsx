import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { InferredBadge, PlaceholderBadge, StageBadge } from '@/components/badges';
import { ProjectFacts } from '@/components/project/project-facts';
import { ProjectHistory } from '@/components/project/project-history';
import { ProjectMetrics } from '@/components/project/project-metrics';
import { ProjectAuditHistory } from '@/components/project/project-audit-history';
import { ProjectComments } from '@/components/project/project-comments';
import { ProjectProgressReports } from '@/components/project/project-progress-reports';
import { ProjectEditPanel } from '@/components/project/project-edit-panel';
import { listProjectHistory } from '@/lib/audit';
import { can } from '@/lib/authz';
import { listComments } from '@/lib/comments';
import { isoDate } from '@/lib/format';
import { listIndicators } from '@/lib/metrics';
import { getProjectVersion } from '@/lib/project-edits';
import { listProgressReports } from '@/lib/progress-reports';
import { getProject } from '@/lib/projects';
import { getActor, requireActor } from '@/lib/session';
import { getPendingProposal } from '@/lib/stage-proposals';

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
  const [t, tEdit, tStage, locale, version, pending, history, comments, reports] = await Promise.all([
    getTranslations('project'),
    getTranslations('editPanel'),
    getTranslations('stage'),
    getLocale(),
    // null unless the actor may edit: only the lead institution's users see the forms.
    getProjectVersion({ actor, projectId: project.id }),
    getPendingProposal({ actor, projectId: project.id }),
    listProjectHistory({ actor, projectId: project.id }),
    listComments({ actor, projectId: project.id }),
    listProgressReports({ actor, projectId: project.id }),
  ]);
  const indicators = version === null ? [] : await listIndicators();
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
      <ProjectHistory stageChanges={project.stageChanges} milestones={project.milestones} />
      {pending && (
        <p className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="pending-proposal">
          {tEdit('pending', { from: tStage(pending.fromStage), to: tStage(pending.toStage), date: isoDate(pending.effectiveDate) })}
        </p>
      )}
      {version !== null ? (
        <ProjectEditPanel project={project} version={version} indicators={indicators} hasPendingProposal={!!pending} locale={locale} />
      ) : (
        actor.role === 'INSTITUTION' && <p className="text-sm text-slate-600" data-testid="read-only">{tEdit('readOnlyParticipant')}</p>
      )}
      <ProjectProgressReports projectId={project.id} reports={reports} canSubmit={version !== null} />
      <ProjectComments projectId={project.id} comments={comments} canComment={can(actor, 'comment:write')} />
      <ProjectAuditHistory entries={history} />
    </article>
  );
}
