'use client';

import { useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { saveReturnDraftAction, submitReturnAction } from '@/app/actions/return-filing';
import { answerErrors } from '@/lib/rules/return-answers';
import { formatMoment } from '@/lib/rules/time';
import { returnAnswersSchema, type ReturnAnswers, type ReturnSection } from '@/lib/schemas/returns';
import { sectionTitle, type IndicatorInfo } from './answer-view';
import { SectionInput } from './section-input';

type Props = {
  projectId: number;
  scheduleId: number;
  period: string;
  version: number;
  sections: ReturnSection[];
  indicators: Record<string, IndicatorInfo>;
  initial: ReturnAnswers;
  /** The regulator's comments per section when the return was sent back. */
  comments: Record<string, string>;
  /** Submitting waits for the period's end; a draft may be saved before. */
  periodEnded: boolean;
};
type Draft = { state: 'idle' | 'saving' | 'saved' | 'failed'; at?: string; reason?: string };
type Errors = Record<string, string[]>;

/**
 * The form generated from a return's template. Every change is checked by the
 * template's answers schema (the draft's, which allows gaps) and, when it
 * passes, saved as the draft shortly after typing stops; submitting checks the
 * whole schema first, and the server checks both again.
 */
export function ReturnFilingForm(props: Props) {
  const t = useTranslations('returnFiling');
  const tf = useTranslations('forms');
  const te = useTranslations('formErrors');
  const zh = useLocale() === 'zh';
  const router = useRouter();
  const [answers, setAnswers] = useState<ReturnAnswers>(props.initial);
  const [errors, setErrors] = useState<Errors>({});
  const [draft, setDraft] = useState<Draft>({ state: 'idle' });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const version = useRef(props.version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftSchema = useMemo(() => returnAnswersSchema(props.sections, { draft: true }), [props.sections]);
  const fullSchema = useMemo(() => returnAnswersSchema(props.sections), [props.sections]);

  const payload = (a: ReturnAnswers) => ({
    projectId: props.projectId,
    scheduleId: props.scheduleId,
    period: props.period,
    version: version.current,
    answers: JSON.stringify(a),
  });
  // One write at a time, in order: a submission never overtakes the draft saved before it.
  const enqueue = (work: () => Promise<void>) => (queue.current = queue.current.then(work, work));
  const refusal = (message: string | undefined) =>
    tf.has(`resultFor.return.${message}`) ? tf(`resultFor.return.${message}`) : tf.has(`result.${message}`) ? tf(`result.${message}`) : tf('result.UNEXPECTED');

  function change(id: string, value: unknown) {
    const next = { ...answers, [id]: value };
    setAnswers(next);
    setResult(null);
    const check = draftSchema.safeParse(next);
    setErrors(check.success ? {} : answerErrors(check.error.issues));
    clearTimeout(timer.current);
    // A malformed answer is not saved until it is corrected.
    if (check.success) timer.current = setTimeout(() => void save(next), 800);
  }

  function save(a: ReturnAnswers) {
    setDraft({ state: 'saving' });
    return enqueue(async () => {
      const r = await saveReturnDraftAction(null, payload(a));
      if (r.ok && r.data) {
        version.current = r.data.version;
        setDraft({ state: 'saved', at: formatMoment(new Date(), { seconds: true }) });
      } else {
        setDraft({ state: 'failed', reason: refusal(r.message) });
        if (r.fieldErrors) setErrors(r.fieldErrors);
      }
    });
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    clearTimeout(timer.current);
    const check = fullSchema.safeParse(answers);
    if (!check.success) {
      setErrors(answerErrors(check.error.issues));
      setResult({ ok: false, text: t('fixErrors') });
      return;
    }
    setSubmitting(true);
    await enqueue(async () => {
      const r = await submitReturnAction(null, payload(answers));
      if (r.ok) {
        setResult({ ok: true, text: t('submitted') });
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setResult({ ok: false, text: r.message === 'INVALID_INPUT' ? t('fixErrors') : refusal(r.message) });
      }
    });
    setSubmitting(false);
  }

  const messagesFor = (id: string) =>
    Object.entries(errors)
      .filter(([field]) => field === `answers.${id}` || field.startsWith(`answers.${id}.`))
      .flatMap(([, codes]) => codes.map((c) => (te.has(c) ? te(c) : te('invalid'))));
  const general = [...(errors.period ?? []), ...(errors._form ?? [])];

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="return-form" noValidate>
      {props.sections.map((section) => {
        const messages = messagesFor(section.id);
        const required = 'required' in section ? section.required : true;
        return (
          <fieldset key={section.id} className="space-y-1" data-section={section.id} aria-invalid={messages.length > 0}>
            <legend className="text-sm font-medium text-slate-800" id={`answer-${section.id}-label`}>
              {sectionTitle(section, props.indicators, zh)}
              <span className="ml-2 text-xs font-normal text-slate-500">{t(required ? 'required' : 'optional')}</span>
            </legend>
            {props.comments[section.id] && (
              <p className="rounded bg-orange-50 px-2 py-1 text-sm text-orange-900" data-testid="section-comment">
                {t('sectionComment')}：{props.comments[section.id]}
              </p>
            )}
            <SectionInput
              section={section}
              value={answers[section.id]}
              unit={section.kind === 'INDICATOR' ? (props.indicators[section.indicatorCode]?.unit ?? '') : ''}
              onChange={(v) => change(section.id, v)}
            />
            {messages.length > 0 && (
              <span className="block text-xs text-red-700" data-field-error={section.id}>
                {messages.join(' ')}
              </span>
            )}
          </fieldset>
        );
      })}
      {general.length > 0 && (
        <p className="text-sm text-red-700" role="alert">
          {general.map((c) => (te.has(c) ? te(c) : te('invalid'))).join(' ')}
        </p>
      )}
      <p className="text-xs text-slate-600" data-testid="draft-status" data-state={draft.state} aria-live="polite">
        {draft.state === 'saved'
          ? t('draftSaved', { time: draft.at ?? '' })
          : draft.state === 'saving'
            ? t('draftSaving')
            : draft.state === 'failed'
              ? t('draftFailed', { reason: draft.reason ?? '' })
              : t('draftIdle')}
      </p>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={`text-sm ${result.ok ? 'text-emerald-700' : 'text-red-700'}`} data-testid="return-form-result">
          {result.text}
        </p>
      )}
      {props.periodEnded ? (
        <button
          type="submit"
          disabled={submitting}
          className="rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900 disabled:opacity-60 max-sm:min-h-10"
        >
          {submitting ? t('submitting') : t('submit')}
        </button>
      ) : (
        <p className="text-sm text-slate-600">{t('notEnded')}</p>
      )}
    </form>
  );
}
