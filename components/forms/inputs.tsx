'use client';

/**
 * The fields of an ActionForm. Each shows the form's initial value, or after a
 * refusal what the user submitted, so React's reset after the action puts the
 * user's own input back instead of emptying the form. Passwords are never sent
 * back: a refused form asks for the password again.
 */
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslations } from 'next-intl';
import type { FormValues } from '@/lib/server/actions';
import { useFormResult, useSubmittedValues } from './action-form';
import { inputClass } from './styles';

type Own<T> = Omit<T, 'name' | 'value' | 'defaultValue' | 'defaultChecked' | 'checked'> & { name: string };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The submitted text of `name` after a refusal (empty when it was not sent), else `initial`. */
function shown(values: FormValues | undefined, name: string, initial: string, join?: string): string {
  if (!values) return initial;
  const v = values[name];
  return (Array.isArray(v) && join !== undefined ? v.join(join) : first(v)) ?? '';
}

export function TextInput({ initial = '', className = inputClass, ...props }: Own<InputHTMLAttributes<HTMLInputElement>> & { initial?: string }) {
  return <input {...props} className={className} defaultValue={shown(useSubmittedValues(), props.name, initial)} />;
}

/** A textarea; a field sent as a list (scenarios) comes back one item per line. */
export function TextArea({ initial = '', className = inputClass, ...props }: Own<TextareaHTMLAttributes<HTMLTextAreaElement>> & { initial?: string }) {
  return <textarea {...props} className={className} defaultValue={shown(useSubmittedValues(), props.name, initial, '\n')} />;
}

/** A select; after a refusal the submitted choice, or `initial` when none was sent. */
export function SelectInput({ initial = '', className = inputClass, ...props }: Own<SelectHTMLAttributes<HTMLSelectElement>> & { initial?: string }) {
  const values = useSubmittedValues();
  return <select {...props} className={className} defaultValue={first(values?.[props.name]) ?? initial} />;
}

/** A checkbox; after a refusal ticked exactly when it was sent ticked. */
export function CheckboxInput({ initial = false, ...props }: Own<InputHTMLAttributes<HTMLInputElement>> & { initial?: boolean }) {
  const values = useSubmittedValues();
  const sent = first(values?.[props.name]);
  return <input {...props} type="checkbox" defaultChecked={values ? sent === 'on' || sent === 'true' : initial} />;
}

/** The submitted choices of `name` after a refusal (a field sent once is a list of one), else undefined. */
const sentList = (values: FormValues | undefined, name: string) => {
  if (!values) return undefined;
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A select of several choices; after a refusal the choices submitted. */
export function MultiSelect({ initial = [], className = inputClass, ...props }: Own<SelectHTMLAttributes<HTMLSelectElement>> & { initial?: string[] }) {
  return <select {...props} multiple className={className} defaultValue={sentList(useSubmittedValues(), props.name) ?? initial} />;
}

/** One checkbox of a group sharing a name (a list of ids); after a refusal ticked exactly when its value was sent. */
export function CheckboxList({ initial = false, value, ...props }: Own<InputHTMLAttributes<HTMLInputElement>> & { value: string; initial?: boolean }) {
  const sent = sentList(useSubmittedValues(), props.name);
  return <input {...props} type="checkbox" value={value} defaultChecked={sent ? sent.includes(value) : initial} />;
}

/** A password: empty again after every answer, with a note saying so after a refusal (`note={false}`: the form's first password field says it). */
export function PasswordInput({ className = inputClass, note = true, ...props }: Own<InputHTMLAttributes<HTMLInputElement>> & { note?: boolean }) {
  const t = useTranslations('forms');
  const refused = useFormResult()?.ok === false && note;
  return (
    <>
      <input {...props} type="password" className={className} />
      {refused && (
        <span className="block text-xs text-slate-600" data-testid="password-again">
          {t('passwordAgain')}
        </span>
      )}
    </>
  );
}

/**
 * The project version an edit was read at. After a CONFLICT the form carries
 * the version saved now, and after any other refusal the version it sent
 * (versions only grow), so resubmitting the merged edit succeeds.
 */
export function VersionInput({ version }: { version: number }) {
  const result = useFormResult();
  const saved = result?.message === 'CONFLICT' ? result.current?.version : undefined;
  const sent = Number(first(result?.values?.version));
  const known = [version, typeof saved === 'number' ? saved : 0, Number.isSafeInteger(sent) ? sent : 0];
  return <input type="hidden" name="version" value={Math.max(...known)} />;
}

/** The submitted value of row `index` of a field repeated per row, after a refusal; else `initial`. */
function shownAt(values: FormValues | undefined, name: string, index: number, initial: string): string {
  if (!values) return initial;
  const v = values[name];
  return (Array.isArray(v) ? v[index] : index === 0 ? v : undefined) ?? '';
}

/** One row's input of a field repeated per row (a score per dimension): after a refusal, that row's own submitted value. */
export function ListInput({
  initial = '',
  index,
  className = inputClass,
  ...props
}: Own<InputHTMLAttributes<HTMLInputElement>> & { initial?: string; index: number }) {
  return <input {...props} className={className} defaultValue={shownAt(useSubmittedValues(), props.name, index, initial)} />;
}

/** One row's textarea of a field repeated per row (the evidence of each score). */
export function ListTextArea({
  initial = '',
  index,
  className = inputClass,
  ...props
}: Own<TextareaHTMLAttributes<HTMLTextAreaElement>> & { initial?: string; index: number }) {
  return <textarea {...props} className={className} defaultValue={shownAt(useSubmittedValues(), props.name, index, initial)} />;
}
