'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { reviewReturnAction } from '@/app/actions/return-filing';
import { ActionForm, Field, FieldMessages, useSubmittedValues } from '@/components/forms/action-form';
import { TextArea } from '@/components/forms/inputs';
import { inputClass } from '@/components/forms/styles';

/** The comments per section a refused form sent, so they come back as typed. */
function sentComments(raw: unknown): Record<string, string> {
  if (typeof raw !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The regulator's decision on the latest submission: accept, or send back with a note and a comment per section. */
export function ReturnReviewForm(props: { returnId: number; version: number; sections: { id: string; title: string }[] }) {
  const t = useTranslations('returnFiling');
  return (
    <ActionForm action={reviewReturnAction} submitLabel={t('saveReview')} testId="review-form" subject="return" className="space-y-3">
      <input type="hidden" name="returnId" value={props.returnId} />
      <input type="hidden" name="version" value={props.version} />
      <ReviewFields sections={props.sections} />
    </ActionForm>
  );
}

function ReviewFields({ sections }: { sections: { id: string; title: string }[] }) {
  const t = useTranslations('returnFiling');
  const sent = useSubmittedValues();
  const [decision, setDecision] = useState(typeof sent?.decision === 'string' ? sent.decision : 'RETURN');
  const [comments, setComments] = useState<Record<string, string>>(() => sentComments(sent?.sectionComments));
  return (
    <>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t('decide')}</legend>
        <div className="flex flex-wrap gap-4">
          {(['ACCEPT', 'RETURN'] as const).map((d) => (
            <label key={d} className="flex items-center gap-1 text-sm">
              <input type="radio" name="decision" value={d} data-testid={`decision-${d}`} checked={decision === d} onChange={() => setDecision(d)} />
              {t(d === 'ACCEPT' ? 'accept' : 'sendBack')}
            </label>
          ))}
        </div>
        <FieldMessages name="decision" />
        {decision === 'ACCEPT' && <p className="text-xs text-slate-600">{t('acceptNote')}</p>}
      </fieldset>
      <Field name="reviewNote" label={t('reviewNote')}>
        <TextArea name="reviewNote" rows={2} maxLength={2000} data-testid="review-note-input" />
      </Field>
      <input type="hidden" name="sectionComments" value={decision === 'RETURN' ? JSON.stringify(comments) : ''} />
      {decision === 'RETURN' && (
        <fieldset className="space-y-2">
          {sections.map((s) => (
            <label key={s.id} className="block text-sm">
              <span className="text-slate-700">
                {s.title} · {t('sectionComment')}
              </span>
              <textarea
                rows={1}
                maxLength={2000}
                className={inputClass}
                data-testid={`comment-${s.id}`}
                value={comments[s.id] ?? ''}
                onChange={(e) => setComments({ ...comments, [s.id]: e.target.value })}
              />
            </label>
          ))}
          <FieldMessages name="sectionComments" />
        </fieldset>
      )}
    </>
  );
}
