import { useTranslations } from 'next-intl';
import { editCommentAction, setCommentRetiredAction } from '@/app/actions/comments';
import { editMilestoneAction, editProgressReportAction, setMilestoneRetiredAction, setProgressReportRetiredAction } from '@/app/actions/projects';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextArea, TextInput, VersionInput } from '@/components/forms/inputs';
import { RetireButton } from '@/components/retired';
import { formatDay } from '@/lib/rules/time';

type Correctable = { id: number; version: number; retiredAt: Date | null };

/** A record's corrections, folded away beside it: the edit form (while it is not retired) and the retire or restore button. */
function Corrections({ label, testId, children, retire }: { label: string; testId: string; children?: React.ReactNode; retire: React.ReactNode }) {
  return (
    <details className="mt-1 text-sm" data-testid={testId}>
      <summary className="cursor-pointer text-xs text-red-800 hover:underline">{label}</summary>
      <div className="mt-2 space-y-3 rounded border border-slate-200 p-2">
        {children}
        {retire}
      </div>
    </details>
  );
}

export function MilestoneCorrections({ projectId, milestone }: { projectId: number; milestone: Correctable & { title: string; dueDate: Date } }) {
  const t = useTranslations('editPanel');
  const ids = { projectId, milestoneId: milestone.id };
  return (
    <Corrections
      label={t('correctRecord')}
      testId={`milestone-corrections-${milestone.id}`}
      retire={
        <RetireButton
          action={setMilestoneRetiredAction}
          ids={ids}
          version={milestone.version}
          retired={milestone.retiredAt !== null}
          testId={`milestone-retire-${milestone.id}`}
        />
      }
    >
      {!milestone.retiredAt && (
        <ActionForm action={editMilestoneAction} submitLabel={t('saveMilestone')} testId={`milestone-edit-${milestone.id}`}>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="milestoneId" value={milestone.id} />
          <VersionInput version={milestone.version} />
          <Field name="title" label={t('title')}>
            <TextInput name="title" required initial={milestone.title} />
          </Field>
          <Field name="dueDate" label={t('dueDate')}>
            <TextInput name="dueDate" type="date" required initial={formatDay(milestone.dueDate)} />
          </Field>
        </ActionForm>
      )}
    </Corrections>
  );
}

export function ReportCorrections({ projectId, report }: { projectId: number; report: Correctable & { period: string; body: string } }) {
  const t = useTranslations('reports');
  const ids = { projectId, reportId: report.id };
  return (
    <Corrections
      label={t('correct')}
      testId={`report-corrections-${report.id}`}
      retire={
        <RetireButton
          action={setProgressReportRetiredAction}
          ids={ids}
          version={report.version}
          retired={report.retiredAt !== null}
          testId={`report-retire-${report.id}`}
        />
      }
    >
      {!report.retiredAt && (
        <ActionForm action={editProgressReportAction} submitLabel={t('save')} testId={`report-edit-${report.id}`}>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="reportId" value={report.id} />
          <VersionInput version={report.version} />
          <Field name="period" label={t('period')}>
            <TextInput name="period" required initial={report.period} />
          </Field>
          <Field name="body" label={t('body')}>
            <TextArea name="body" rows={4} required initial={report.body} />
          </Field>
        </ActionForm>
      )}
    </Corrections>
  );
}

export function CommentCorrections({ comment }: { comment: Correctable & { body: string } }) {
  const t = useTranslations('comments');
  return (
    <Corrections
      label={t('correct')}
      testId={`comment-corrections-${comment.id}`}
      retire={
        <RetireButton
          action={setCommentRetiredAction}
          ids={{ commentId: comment.id }}
          version={comment.version}
          retired={comment.retiredAt !== null}
          testId={`comment-retire-${comment.id}`}
        />
      }
    >
      {!comment.retiredAt && (
        <ActionForm action={editCommentAction} submitLabel={t('save')} testId={`comment-edit-${comment.id}`}>
          <input type="hidden" name="commentId" value={comment.id} />
          <VersionInput version={comment.version} />
          <Field name="body" label={t('body')}>
            <TextArea name="body" rows={2} required initial={comment.body} />
          </Field>
        </ActionForm>
      )}
    </Corrections>
  );
}
