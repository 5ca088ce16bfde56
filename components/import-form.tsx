'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { applyImportAction, previewImportAction, type ImportPreview } from '@/app/actions/imports';
import type { ActionResult } from '@/lib/server/actions';

/** Upload → dry-run preview listing every problem → confirm, which sends the same file with its hash. */
export function ImportForm({ tables }: { tables: string[] }) {
  const t = useTranslations('transfer');
  const [preview, check, checking] = useActionState<ImportPreview, FormData>(previewImportAction, { ok: false });
  const [applied, apply, applying] = useActionState<ActionResult & { rows?: number }, FormData>(applyImportAction, { ok: false });
  // The choice and the file are kept here: the confirm step must send the very file that was checked.
  const [table, setTable] = useState(tables[0]);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<'edit' | 'checked' | 'applied'>('edit');
  const ready = step === 'checked' && preview.message === 'READY' && preview.hash;
  const pending = checking || applying;

  function submit(event: FormEvent) {
    event.preventDefault();
    const form = new FormData();
    form.set('table', table);
    if (file) form.set('file', file);
    if (ready) form.set('hash', preview.hash!);
    setStep(ready ? 'applied' : 'checked');
    startTransition(() => (ready ? apply(form) : check(form)));
  }
  const changed = () => setStep('edit');
  const state: ImportState =
    step === 'applied' && !applying
      ? applied.ok
        ? { ok: true, message: 'WRITTEN', rows: preview.rows }
        : { ok: false, message: applied.message === 'CONFLICT' ? 'CONFLICT' : 'PROBLEMS' }
      : step === 'checked' && !checking
        ? preview
        : { ok: false };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-form">
      <label className="block text-sm">
        <span className="text-slate-700">{t('table')}</span>
        <select
          name="table"
          value={table}
          onChange={(e) => {
            setTable(e.target.value);
            changed();
          }}
          className="mt-1 block rounded border border-slate-300 px-2 py-1"
        >
          {tables.map((table) => (
            <option key={table} value={table}>
              {t(`tables.${table}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">{t('file')}</span>
        <input
          name="file"
          type="file"
          required
          accept=".xlsx,.csv"
          className="mt-1 block"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            changed();
          }}
        />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900 disabled:opacity-60">
        {ready ? t('confirm', { rows: preview.rows ?? 0 }) : t('check')}
      </button>
      <ImportOutcome state={state} />
    </form>
  );
}

type ImportState = Omit<ImportPreview, 'message'> & { message?: ImportPreview['message'] | 'WRITTEN' | 'CONFLICT' };

function ImportOutcome({ state }: { state: ImportState }) {
  const t = useTranslations('transfer');
  const forms = useTranslations('formErrors');
  // The sheet's own codes, else the rules shared with the forms (unit, dates, cumulative order).
  const problemText = (code: string) => (t.has(`problemCode.${code}`) ? t(`problemCode.${code}`) : forms.has(code) ? forms(code) : code);
  if (!state.message) return null;
  const refusal = state.refusal;
  return (
    <div role="status" data-testid="import-outcome" data-outcome={state.message} className="space-y-2 text-sm">
      <p className={state.ok ? 'text-emerald-800' : 'text-red-800'}>
        {refusal
          ? t(`refusal.${refusal.code}`, {
              limit: 'limit' in refusal ? refusal.limit : 0,
              mb: 'limit' in refusal ? Math.round(refusal.limit / 1024 / 1024) : 0,
              columns: 'columns' in refusal ? refusal.columns.join('、') : '',
            })
          : t(`outcome.${state.message}`, { rows: state.rows ?? 0, written: state.rows ?? 0, problems: state.problems?.length ?? 0 })}
      </p>
      {state.problems && state.problems.length > 0 && (
        <table className="w-full text-left" data-testid="import-problems">
          <thead className="text-slate-500">
            <tr>
              <th scope="col">{t('line')}</th>
              <th scope="col">{t('column')}</th>
              <th scope="col">{t('problem')}</th>
            </tr>
          </thead>
          <tbody>
            {state.problems.map((p, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className="py-0.5 tabular-nums">{p.line}</td>
                <td>{p.column}</td>
                <td>{problemText(p.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
