import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectAuditHistory } from '@/components/project/project-audit-history';
import { ProjectComments } from '@/components/project/project-comments';
import { ProjectEditPanel } from '@/components/project/project-edit-panel';
import { ProjectProgressReports } from '@/components/project/project-progress-reports';
import { listProjectHistory } from '@/lib/data/audit';
import { can, type Actor } from '@/lib/rules/authz';
import { listComments } from '@/lib/data/comments';
import { formatDay } from '@/lib/rules/time';
import { listIndicators } from '@/lib/data/metrics';
import { getProjectVersion } from '@/lib/data/project-edits';
import { listProgressReports } from '@/lib/data/progress-reports';
import type { ProjectDetail } from '@/lib/data/projects';
import { getPendingProposal } from '@/lib/data/stage-proposals';
import { stageName, type Lifecycle } from '@/lib/rules/stages';

/**
 * Everything below a project's facts that comes from institutions' and
 * regulators' writes: the pending proposal, the edit forms (only for the lead
 * institution's users), progress reports, comments and the change history.
 */
export async function ProjectUpdates({ actor, project, lifecycle }: { actor: Actor; project: ProjectDetail; lifecycle: Lifecycle }) {
  const [t, locale, version, pending, history, comments, reports] = await Promise.all([
    getTranslations('editPanel'),
    getLocale(),
    // null unless the data layer says this actor may edit the project.
    getProjectVersion({ actor, projectId: project.id }),
    getPendingProposal({ actor, projectId: project.id }),
    listProjectHistory({ actor, projectId: project.id }),
    listComments({ actor, projectId: project.id }),
    listProgressReports({ actor, projectId: project.id }),
  ]);
  const indicators = version === null ? [] : await listIndicators();
  return (
    <>
      {pending && (
        <p className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="pending-proposal">
          {t('pending', { from: stageName(pending.fromStage, locale), to: stageName(pending.toStage, locale), date: formatDay(pending.effectiveDate) })}
        </p>
      )}
      {version !== null ? (
        <ProjectEditPanel project={project} lifecycle={lifecycle} version={version} indicators={indicators} hasPendingProposal={!!pending} locale={locale} />
      ) : (
        actor.role === 'INSTITUTION' && (
          <p className="text-sm text-slate-600" data-testid="read-only">
            {t('readOnlyParticipant')}
          </p>
        )
      )}
      <ProjectProgressReports projectId={project.id} reports={reports} canSubmit={version !== null} />
      <ProjectComments projectId={project.id} comments={comments} canComment={can(actor, 'comment:write')} />
      <ProjectAuditHistory entries={history} />
    </>
  );
}
