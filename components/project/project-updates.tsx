import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectAdminPanel } from '@/components/project/project-admin-panel';
import { ProjectAuditHistory } from '@/components/project/project-audit-history';
import { ProjectComments } from '@/components/project/project-comments';
import { ProjectEditPanel } from '@/components/project/project-edit-panel';
import { ProjectProgressReports } from '@/components/project/project-progress-reports';
import { ProposalNotices } from '@/components/project/proposal-notices';
import { RetiredToggle } from '@/components/retired';
import { listProjectHistory, namesInEntries } from '@/lib/data/audit';
import { can, type Actor } from '@/lib/rules/authz';
import { listComments } from '@/lib/data/comments';
import { listIndicators } from '@/lib/data/metrics';
import { getProjectEditor } from '@/lib/data/project-admin';
import { getProjectVersion } from '@/lib/data/project-edits';
import { listProgressReports } from '@/lib/data/progress-reports';
import type { ProjectDetail } from '@/lib/data/projects';
import { getLatestRejection, getPendingProposal } from '@/lib/data/stage-proposals';
import type { RetiredMode } from '@/lib/rules/retired';
import type { Lifecycle } from '@/lib/rules/stages';

/**
 * Everything below a project's facts that comes from institutions' and
 * regulators' writes: the pending proposal, the edit forms (only for the lead
 * institution's users), the administrator's corrections, progress reports,
 * comments and the change history. Retired milestones, reports and comments
 * are shown only when the page is asked for them (`retired=include`).
 */
export async function ProjectUpdates(props: { actor: Actor; project: ProjectDetail; lifecycle: Lifecycle; retired?: RetiredMode }) {
  const { actor, project, lifecycle, retired } = props;
  const [t, locale, version, editor, pending, rejection, history, comments, reports] = await Promise.all([
    getTranslations('editPanel'),
    getLocale(),
    // null unless the data layer says this actor may edit the project.
    getProjectVersion({ actor, projectId: project.id }),
    // null unless the actor may correct projects (administrators).
    getProjectEditor({ actor, projectId: project.id }),
    getPendingProposal({ actor, projectId: project.id }),
    getLatestRejection({ actor, projectId: project.id }),
    listProjectHistory({ actor, projectId: project.id }),
    listComments({ actor, projectId: project.id, retired }),
    listProgressReports({ actor, projectId: project.id, retired }),
  ]);
  const [indicators, names] = await Promise.all([version === null ? [] : listIndicators(), namesInEntries(history)]);
  const shown = retired === 'include' || retired === 'only';
  return (
    <>
      <ProposalNotices pending={pending} rejection={rejection} />
      {editor && <ProjectAdminPanel project={project} editor={editor} />}
      {version !== null ? (
        <ProjectEditPanel project={project} lifecycle={lifecycle} version={version} indicators={indicators} hasPendingProposal={!!pending} locale={locale} />
      ) : (
        actor.role === 'INSTITUTION' && (
          <p className="text-sm text-slate-600" data-testid="read-only">
            {t(project.retiredAt ? 'readOnlyRetired' : 'readOnlyParticipant')}
          </p>
        )
      )}
      <RetiredToggle shown={shown} href={{ show: `/projects/${project.code}?retired=include`, hide: `/projects/${project.code}` }} />
      <ProjectProgressReports projectId={project.id} reports={reports} canSubmit={version !== null} />
      <ProjectComments projectId={project.id} comments={comments} canComment={can(actor, 'comment:write')} userId={actor.userId} />
      <ProjectAuditHistory entries={history} lookups={names} />
    </>
  );
}
