'use client';

import { useFormResult } from '@/components/forms/action-form';

/** After a reset: the temporary password, shown this once (the server keeps only its hash). */
export function TemporaryPassword({ label, note }: { label: string; note: string }) {
  const data = useFormResult()?.data;
  const password = typeof data === 'object' && data !== null && 'temporaryPassword' in data ? String(data.temporaryPassword) : null;
  if (!password) return null;
  return (
    <p className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" role="status">
      {label}{' '}
      <code className="select-all font-mono text-base" data-testid="temporary-password">
        {password}
      </code>
      <span className="block text-xs text-slate-700">{note}</span>
    </p>
  );
}
