import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectAuditHistory } from '@/components/project/project-audit-history';
import { ProjectComments } from '@/components/project/project-comments';
import { ProjectEditPanel } from '@/components/project/project-edit-panel';
import { ProjectProgressReports } from '@/components/project/project-progress-reports';
import { ProposalNotices } from '@/components/project/proposal-notices';
import { listProjectHistory, namesInEntries } from '@/lib/data/audit';
import { can, type Actor } from '@/lib/rules/authz';
import { listComments } from '@/lib/data/comments';
import { listIndicators } from '@/lib/data/metrics';
import { getProjectVersion } from '@/lib/data/project-edits';
import { listProgressReports } from '@/lib/data/progress-reports';
import type { ProjectDetail } from '@/lib/data/projects';
import { getLatestRejection, getPendingProposal } from '@/lib/data/stage-proposals';
import type { Lifecycle } from '@/lib/rules/stages';

/**
 * Everything below a project's facts that comes from institutions' and
 * regulators' writes: the pending proposal, the edit forms (only for the lead
 * institution's users), progress reports, comments and the change history.
 */
export async function ProjectUpdates({ actor, project, lifecycle }: { actor: Actor; project: ProjectDetail; lifecycle: Lifecycle }) {
  const [t, locale, version, pending, rejection, history, comments, reports] = await Promise.all([
    getTranslations('editPanel'),
    getLocale(),
    // null unless the data layer says this actor may edit the project.
    getProjectVersion({ actor, projectId: project.id }),
    getPendingProposal({ actor, projectId: project.id }),
    getLatestRejection({ actor, projectId: project.id }),
    listProjectHistory({ actor, projectId: project.id }),
    listComments({ actor, projectId: project.id }),
    listProgressReports({ actor, projectId: project.id }),
  ]);
  const [indicators, names] = await Promise.all([version === null ? [] : listIndicators(), namesInEntries(history)]);
  return (
    <>
      <ProposalNotices pending={pending} rejection={rejection} />
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
      <ProjectAuditHistory entries={history} lookups={names} />
    </>
  );
}
