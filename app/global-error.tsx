'use client';

import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh.json';
import './globals.css';

/** Last resort, when the root layout itself fails: no i18n context here, so both languages are shown. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const key = error.digest === 'DATABASE_UNAVAILABLE' ? 'db' : 'generic';
  return (
    <html lang="zh-CN">
      <body className="bg-slate-50 text-slate-900">
        <div className="mx-auto max-w-lg space-y-4 py-16 text-center" role="alert" data-testid={key === 'db' ? 'db-unavailable' : 'error'}>
          {[zh, en].map((m, i) => (
            <div key={i} lang={i === 0 ? 'zh-CN' : 'en'}>
              <h1 className="text-xl font-semibold">{m.errors[`${key}Title`]}</h1>
              <p className="text-slate-600">{m.errors[`${key}Body`]}</p>
            </div>
          ))}
        </div>
      </body>
    </html>
  );
}
