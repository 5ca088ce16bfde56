'use client';

import { useState } from 'react';
import { FEEDBACK_MAX } from '@/lib/schemas/public-feedback';
import type { ActionResult } from '@/lib/server/actions';
import type { FeedbackLabels } from './project-view';

type State = { phase: 'idle' | 'sending' } | { phase: 'done'; status: number; result: ActionResult };

/**
 * The public's comment or complaint during a notice, posted to the feedback
 * route (the page itself is served from the cache, so the answer comes back
 * as JSON and is shown here). `website` is the honeypot: hidden from people.
 */
export function FeedbackForm({ projectCode, labels }: { projectCode: string; labels: FeedbackLabels }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setState({ phase: 'sending' });
    try {
      const response = await fetch('/public/feedback', { method: 'POST', body: new FormData(form) });
      const result = (await response.json()) as ActionResult;
      setState({ phase: 'done', status: response.status, result });
      if (result.ok) form.reset();
    } catch {
      setState({ phase: 'done', status: 503, result: { ok: false, message: 'DATABASE_UNAVAILABLE' } });
    }
  }
  const result = state.phase === 'done' ? state.result : null;
  const errorsOf = (field: string) => (result?.fieldErrors?.[field] ?? []).map((code) => labels.errors[code] ?? labels.errors.invalid);
  const message = !result
    ? null
    : result.ok
      ? labels.sent
      : state.phase === 'done' && state.status === 429
        ? labels.throttled
        : result.message === 'NOT_FOUND'
          ? labels.closed
          : result.message === 'INVALID_INPUT'
            ? labels.failed
            : labels.unavailable;
  return (
    <form onSubmit={submit} className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="feedback-form" aria-labelledby="feedback-heading">
      <h3 id="feedback-heading" className="font-semibold">
        {labels.heading}
      </h3>
      <p className="text-sm text-slate-700">{labels.intro}</p>
      <input type="hidden" name="projectCode" value={projectCode} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{labels.category}</legend>
        {(['COMMENT', 'COMPLAINT'] as const).map((c, i) => (
          <label key={c} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="radio" name="category" value={c} defaultChecked={i === 0} />
            {labels.categories[c]}
          </label>
        ))}
      </fieldset>
      <Field id="feedback-body" label={labels.body} errors={errorsOf('body')}>
        <textarea
          id="feedback-body"
          name="body"
          required
          maxLength={FEEDBACK_MAX}
          rows={5}
          className="w-full rounded border border-slate-400 p-2 text-sm"
          aria-describedby="feedback-body-errors"
        />
      </Field>
      <Field id="feedback-contact" label={labels.contact} errors={errorsOf('contact')}>
        <input
          id="feedback-contact"
          name="contact"
          maxLength={200}
          autoComplete="email"
          className="w-full rounded border border-slate-400 p-2 text-sm"
          aria-describedby="feedback-contact-errors"
        />
      </Field>
      {/* The honeypot: off screen and out of the tab order, so only robots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="feedback-website">{labels.honeypot}</label>
        <input id="feedback-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      {message && (
        <p
          role={result?.ok ? 'status' : 'alert'}
          className={`text-sm ${result?.ok ? 'text-emerald-800' : 'text-red-800'}`}
          data-testid="feedback-result"
          data-result={result?.message}
        >
          {message}
        </p>
      )}
      <button
        type="submit"
        disabled={state.phase === 'sending'}
        className="rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900 disabled:opacity-60"
      >
        {state.phase === 'sending' ? labels.sending : labels.submit}
      </button>
    </form>
  );
}

function Field({ id, label, errors, children }: { id: string; label: string; errors: string[]; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <p id={`${id}-errors`} className="text-sm text-red-800">
        {errors.join(' ')}
      </p>
    </div>
  );
}
