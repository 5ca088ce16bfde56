import { useTranslations } from 'next-intl';
import { addCommentAction } from '@/app/actions/comments';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextArea } from '@/components/forms/inputs';
import { CommentCorrections } from '@/components/project/record-forms';
import { RetiredBadge } from '@/components/retired';
import { Section } from '@/components/section';
import type { CommentRow } from '@/lib/data/comments';
import { formatMoment } from '@/lib/rules/time';

/** Regulators' remarks on the project; the form only for those who may comment, and the corrections of one's own remarks. */
export function ProjectComments({
  projectId,
  comments,
  canComment,
  userId,
}: {
  projectId: number;
  comments: CommentRow[];
  canComment: boolean;
  userId: number;
}) {
  const t = useTranslations('comments');
  return (
    <Section title={t('heading')} id="comments">
      {comments.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="mb-3 space-y-2 text-sm" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id} className="border-l-2 border-amber-500 pl-3" data-comment={c.id}>
              <p className={c.retiredAt ? 'text-slate-500 line-through' : undefined}>{c.body}</p>
              <p className="text-xs text-slate-500">
                {c.author.name} · {formatMoment(c.createdAt)}
                {c.retiredAt && <RetiredBadge />}
              </p>
              {canComment && c.authorId === userId && <CommentCorrections comment={c} />}
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <ActionForm action={addCommentAction} submitLabel={t('submit')} testId="comment-form">
          <input type="hidden" name="projectId" value={projectId} />
          <Field name="body" label={t('body')}>
            <TextArea name="body" rows={2} required />
          </Field>
        </ActionForm>
      )}
    </Section>
  );
}
