'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { applyImportAction, previewImportAction, type ImportAnswer, type ImportResult } from '@/app/actions/imports';
import { ImportProgress } from '@/components/import-progress';
import { TableScroll } from '@/components/table-scroll';

/** What the outcome line shows: an answer of the server, a refusal of the action, or a file too large to send. */
type Shown = { kind: 'answer'; answer: ImportAnswer } | { kind: 'message'; code: string } | { kind: 'tooLarge' } | null;

function shown(result: ImportResult): Shown {
  if (result.data) return { kind: 'answer', answer: result.data };
  if (result.fieldErrors?.file?.includes('TOO_LARGE')) return { kind: 'tooLarge' };
  return result.message ? { kind: 'message', code: result.message } : null;
}

/** A random (version 4) uuid; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function newImportId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Upload → dry-run preview listing every problem, with its progress → confirm,
 * which names the previewed run: the server writes the rows it checked, and the
 * file is not sent again. A file over `maxBytes` (the server's limit) never leaves the browser.
 */
export function ImportForm({ tables, maxBytes }: { tables: string[]; maxBytes: number }) {
  const t = useTranslations('transfer');
  const [preview, check, checking] = useActionState<ImportResult, FormData>(previewImportAction, { ok: false });
  const [applied, apply, applying] = useActionState<ImportResult, FormData>(applyImportAction, { ok: false });
  const [table, setTable] = useState(tables[0]);
  const [file, setFile] = useState<File | null>(null);
  // Chosen here for each check, so the page can ask the server how far it has read.
  const [importId, setImportId] = useState<string | null>(null);
  const [step, setStep] = useState<'edit' | 'tooLarge' | 'checked' | 'applied'>('edit');
  const ready = step === 'checked' && !checking && preview.data?.status === 'READY' ? preview.data : null;
  const pending = checking || applying;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file && file.size > maxBytes) return setStep('tooLarge');
    const form = new FormData();
    if (ready?.importId) form.set('importId', ready.importId);
    else {
      const id = newImportId();
      setImportId(id);
      form.set('importId', id);
      form.set('table', table);
      if (file) form.set('file', file);
    }
    setStep(ready ? 'applied' : 'checked');
    startTransition(() => (ready ? apply(form) : check(form)));
  }
  const state: Shown =
    step === 'tooLarge' ? { kind: 'tooLarge' } : step === 'applied' && !applying ? shown(applied) : step === 'checked' && !checking ? shown(preview) : null;

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-form">
      <label className="block text-sm">
        <span className="text-slate-700">{t('table')}</span>
        <select
          name="table"
          value={table}
          onChange={(e) => {
            setTable(e.target.value);
            setStep('edit');
          }}
          className="mt-1 block rounded border border-slate-300 px-2 py-1 max-sm:min-h-10"
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
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setStep(chosen && chosen.size > maxBytes ? 'tooLarge' : 'edit');
          }}
        />
      </label>
      <button
        type="submit"
        disabled={pending || step === 'tooLarge'}
        className="rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900 disabled:opacity-60 max-sm:min-h-10"
      >
        {ready ? t('confirm', { rows: ready.rows ?? 0 }) : t('check')}
      </button>
      {pending && <ImportProgress importId={checking ? importId : null} writing={applying} />}
      <ImportOutcome state={state} maxBytes={maxBytes} />
    </form>
  );
}

function ImportOutcome({ state, maxBytes }: { state: Shown; maxBytes: number }) {
  const t = useTranslations('transfer');
  const forms = useTranslations('formErrors');
  // The sheet's own codes, else the rules shared with the forms (unit, dates, cumulative order).
  const problemText = (code: string) => (t.has(`problemCode.${code}`) ? t(`problemCode.${code}`) : forms.has(code) ? forms(code) : code);
  if (!state) return null;
  const answer = state.kind === 'answer' ? state.answer : null;
  const outcome = answer ? answer.status : state.kind === 'message' ? state.code : 'TOO_LARGE';
  const refusal = answer?.refusal;
  let text: string;
  if (state.kind === 'tooLarge') text = t('tooLargeToSend', { mb: maxBytes / 1024 / 1024 });
  else if (state.kind === 'message') text = t.has(`outcome.${state.code}`) ? t(`outcome.${state.code}`) : t('outcome.UNEXPECTED');
  else if (refusal)
    text = t(`refusal.${refusal.code}`, {
      limit: 'limit' in refusal ? refusal.limit : 0,
      mb: 'limit' in refusal ? Math.round(refusal.limit / 1024 / 1024) : 0,
      columns: 'columns' in refusal ? refusal.columns.join('、') : '',
    });
  else
    text = t(`outcome.${state.answer.status}`, {
      rows: state.answer.rows ?? 0,
      written: state.answer.written ?? 0,
      problems: state.answer.problems?.length ?? 0,
    });
  const good = answer?.status === 'READY' || answer?.status === 'WRITTEN';
  return (
    <div role="status" data-testid="import-outcome" data-outcome={outcome} data-refusal={refusal?.code} className="space-y-2 text-sm">
      <p className={good ? 'text-emerald-800' : 'text-red-800'}>{text}</p>
      {answer?.problems && answer.problems.length > 0 && (
        <TableScroll label={t('problemsTable')}>
          <table className="w-full text-left" data-testid="import-problems">
            <thead className="text-slate-500">
              <tr>
                <th scope="col">{t('line')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.problems.map((p, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-0.5 tabular-nums">{p.line}</td>
                  <td>{p.column}</td>
                  <td>{problemText(p.code)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
