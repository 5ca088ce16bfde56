'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

type Progress = { status: string; rowsDone: number; rowsTotal: number };

/** How often the page asks where a running import stands. */
const POLL_MS = 700;

/**
 * The progress of the import `importId` while its file is read and checked (the
 * server counts rows as it reads them), or an open-ended bar while it is written.
 */
export function ImportProgress({ importId, writing }: { importId: string | null; writing: boolean }) {
  const t = useTranslations('transfer.progress');
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    if (!importId || writing) return;
    let stopped = false;
    const poll = async () => {
      const answer = await fetch(`/api/imports/${importId}`, { cache: 'no-store' }).catch(() => null);
      if (!stopped && answer?.ok) setProgress((await answer.json()) as Progress);
    };
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [importId, writing]);

  if (!writing && !progress) return null;
  const reading = !writing && progress?.status === 'READING';
  const text = writing
    ? t('WRITING')
    : reading
      ? t('READING', { done: progress.rowsDone, total: progress.rowsTotal })
      : t('CHECKING', { done: progress?.rowsDone ?? 0 });
  return (
    <div className="space-y-1 text-sm text-slate-600" data-testid="import-progress">
      <progress
        className="h-2 w-full max-w-md accent-red-800"
        aria-label={t('label')}
        max={reading ? Math.max(progress.rowsTotal, 1) : undefined}
        value={reading ? progress.rowsDone : undefined}
      />
      <p aria-live="polite">{text}</p>
    </div>
  );
}
