import { getTranslations } from 'next-intl/server';
import { answerFeedbackAction, moderateFeedbackAction } from '@/app/actions/feedback';
import { ActionForm, Field } from '@/components/forms/action-form';
import { SelectInput, TextArea, TextInput, VersionInput } from '@/components/forms/inputs';
import { Section } from '@/components/section';
import { firstAnswerStats, listProjectFeedback } from '@/lib/data/public-feedback';
import type { Actor } from '@/lib/rules/authz';
import { formatMoment } from '@/lib/rules/time';

/**
 * The public's comments and complaints on an application during its notice:
 * for regulators with contacts, the moderation form and the time to first
 * answer; for the lead institution its complaints and the answer form. Others
 * see nothing of it.
 */
export async function ProjectFeedback({ actor, projectId }: { actor: Actor; projectId: number }) {
  const list = await listProjectFeedback({ actor, projectId });
  if (!list || (!list.moderator && list.rows.length === 0)) return null;
  const t = await getTranslations('feedback');
  const stats = firstAnswerStats(list.rows);
  return (
    <Section title={t('heading')} id="public-feedback">
      {list.moderator && (
        <p className="mb-2 text-sm text-slate-700" data-testid="first-answer">
          {t('stats', { complaints: stats.complaints, answered: stats.answered, waiting: stats.waiting })}{' '}
          {stats.medianHours !== null && t('median', { hours: stats.medianHours.toFixed(1) })}
        </p>
      )}
      {list.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="space-y-3 text-sm" data-testid="feedback-list">
          {list.rows.map((f) => (
            <li key={f.id} className="space-y-1 border-l-2 border-slate-300 pl-3" data-feedback={f.id} data-status={f.status}>
              <p className="text-xs text-slate-600">
                {t(`category.${f.category}`)} · {t(`status.${f.status}`)} · {t('received', { time: formatMoment(f.createdAt) })}
              </p>
              <p className="whitespace-pre-line">{f.body}</p>
              {'contact' in f && f.contact && <p className="text-xs text-slate-600">{t('contact', { contact: f.contact })}</p>}
              {f.summary && <p className="text-xs">{t('summary', { summary: f.summary })}</p>}
              {f.answer && <p className="text-xs">{t('answer', { answer: f.answer })}</p>}
              {f.answeredAt && <p className="text-xs text-slate-600">{t('answeredAt', { time: formatMoment(f.answeredAt) })}</p>}
              {list.moderator ? (
                <ActionForm action={moderateFeedbackAction} submitLabel={t('moderate')} testId={`moderate-${f.id}`} className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="feedbackId" value={f.id} />
                  <VersionInput version={f.version} />
                  <Field name="decision" label={t('decision')}>
                    <SelectInput name="decision" initial="PUBLISH">
                      {(['PUBLISH', 'HANDLE', 'HIDE'] as const).map((d) => (
                        <option key={d} value={d}>
                          {t(`decisions.${d}`)}
                        </option>
                      ))}
                    </SelectInput>
                  </Field>
                  <Field name="summary" label={t('summaryLabel')}>
                    <TextInput name="summary" initial={f.summary ?? ''} maxLength={500} />
                  </Field>
                </ActionForm>
              ) : (
                <ActionForm action={answerFeedbackAction} submitLabel={t('answerSubmit')} testId={`answer-${f.id}`}>
                  <input type="hidden" name="feedbackId" value={f.id} />
                  <VersionInput version={f.version} />
                  <Field name="answer" label={t('answerLabel')}>
                    <TextArea name="answer" rows={2} initial={f.answer} maxLength={2000} required />
                  </Field>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
