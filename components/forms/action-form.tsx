'use client';

import { createContext, Fragment, useActionState, useContext, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult, FormValues } from '@/lib/server/actions';

type Action<D> = (prev: ActionResult<D> | null, input: FormData) => Promise<ActionResult<D>>;

const ResultContext = createContext<ActionResult<unknown> | null>(null);

/**
 * A form posting to one server action: shows the action's result, the field
 * messages next to their fields, and on CONFLICT what is saved now.
 *
 * React resets a form after its action. After a refusal the fields (the inputs
 * of ./inputs) take what the user submitted as their defaults, and the fields
 * are mounted afresh for each answer, so the reset shows the user's own input
 * again rather than an empty form; after a save they start from the page's values.
 */
export function ActionForm<D = never>(props: {
  action: Action<D>;
  submitLabel: string;
  testId: string;
  children: React.ReactNode;
  className?: string;
  /** What the form changes, when not a project: its own wording of a conflict or a missing record (`forms.resultFor.<subject>`). */
  subject?: 'user' | 'password' | 'return' | 'export';
}) {
  const [state, formAction, pending] = useActionState<ActionResult<D> | null, FormData>(props.action, null);
  const [answer, setAnswer] = useState({ state, round: 0 });
  if (answer.state !== state) setAnswer({ state, round: answer.round + 1 });
  const t = useTranslations('forms');
  return (
    <form action={formAction} data-testid={props.testId} data-result={state?.message ?? ''} className={props.className ?? 'space-y-2'}>
      <ResultContext.Provider value={state}>
        <Fragment key={answer.round}>{props.children}</Fragment>
      </ResultContext.Provider>
      {state?.message && (
        <p
          role={state.ok ? 'status' : 'alert'}
          className={`text-sm ${state.ok ? 'text-emerald-700' : 'text-red-700'}`}
          data-testid={`${props.testId}-result`}
          data-reason={state.reason}
        >
          {t(resultKey(state, props.subject, t.has))}
        </p>
      )}
      {state?.message === 'CONFLICT' && state.current && <ConflictDetails current={state.current} />}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900 disabled:opacity-60 max-sm:min-h-10"
      >
        {pending ? t('saving') : props.submitLabel}
      </button>
    </form>
  );
}

/** The message of an answer: its reason when it gives one, else the subject's own wording of the code, else the code's. */
function resultKey(state: ActionResult<unknown>, subject: string | undefined, has: (key: string) => boolean): string {
  if (state.reason) return `result.${state.reason}`;
  const own = subject && `resultFor.${subject}.${state.message}`;
  return own && has(own) ? own : `result.${state.message}`;
}

function ConflictDetails({ current }: { current: Record<string, unknown> }) {
  const t = useTranslations('forms');
  return (
    <div className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="conflict">
      <p className="font-medium">{t('conflictNow')}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3">
        {Object.entries(current).map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-600">{t.has(`field.${key}`) ? t(`field.${key}`) : key}</dt>
            <dd data-field={key} className="whitespace-pre-line">
              {Array.isArray(value) ? value.join('、') : String(value ?? '')}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-slate-700">{t('conflictKept')}</p>
    </div>
  );
}

/** The result of the surrounding ActionForm's last submission, if any. */
export function useFormResult(): ActionResult<unknown> | null {
  return useContext(ResultContext);
}

/** What the user submitted last, when the surrounding form was refused; undefined otherwise. */
export function useSubmittedValues(): FormValues | undefined {
  return useFormResult()?.values;
}

/** The messages for one field of the surrounding ActionForm. */
export function FieldMessages({ name }: { name: string }) {
  const state = useFormResult();
  const t = useTranslations('formErrors');
  const messages = state?.fieldErrors?.[name];
  if (!messages?.length) return null;
  return (
    <span className="block text-xs text-red-700" data-field-error={name}>
      {messages.map((m) => (t.has(m) ? t(m) : t('invalid'))).join(' ')}
    </span>
  );
}

/** A labelled input with its messages. */
export function Field(props: { name: string; label: string; children: React.ReactNode }) {
  return (
    <label className="block text-sm">
      <span className="text-slate-700">{props.label}</span>
      {props.children}
      <FieldMessages name={props.name} />
    </label>
  );
}
