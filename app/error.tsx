'use client';

import { useTranslations } from 'next-intl';

/** Shown when a page fails. The database-down case is told apart by its fixed digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const dbDown = error.digest === 'DATABASE_UNAVAILABLE';
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center" role="alert" data-testid={dbDown ? 'db-unavailable' : 'error'}>
      <h1 className="text-xl font-semibold">{t(dbDown ? 'dbTitle' : 'genericTitle')}</h1>
      <p className="text-slate-600">{t(dbDown ? 'dbBody' : 'genericBody')}</p>
      {error.digest && !dbDown && <p className="text-xs text-slate-500">{t('reference', { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="rounded bg-red-800 px-4 py-2 text-sm text-white hover:bg-red-900">
        {t('retry')}
      </button>
    </div>
  );
}
