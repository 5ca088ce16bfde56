'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { safeCallbackPath } from '@/lib/rules/callback-url';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      // Checked again here: whatever reached this component, the browser only ever goes to a path on this site.
      window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
      return;
    }
    setError(result?.error === 'THROTTLED' ? t('throttled') : t('failed'));
  }

  return (
    <form action={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <label className="block text-sm">
        <span className="text-slate-700">{t('email')}</span>
        <input name="email" type="email" required autoComplete="username" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">{t('password')}</span>
        <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
      </label>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="min-h-10 w-full rounded bg-red-800 py-2 text-sm text-white hover:bg-red-900 disabled:opacity-60">
        {pending ? t('signingIn') : t('submit')}
      </button>
    </form>
  );
}
