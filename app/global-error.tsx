'use client';

import { useEffect, useState } from 'react';
import './globals.css';

type ErrorTexts = { dbTitle: string; dbBody: string; genericTitle: string; genericBody: string };

/**
 * Last resort, when the root layout itself fails: no i18n context here, so both languages are shown.
 * The message files are loaded when this page is shown: imported statically they went to the
 * browser with every page (about 36 KB compressed) for a page almost never seen.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const key = error.digest === 'DATABASE_UNAVAILABLE' ? 'db' : 'generic';
  const [texts, setTexts] = useState<ErrorTexts[]>([]);
  useEffect(() => {
    Promise.all([import('@/lib/i18n/messages/zh.json'), import('@/lib/i18n/messages/en.json')]).then((files) => setTexts(files.map((f) => f.default.errors)));
  }, []);
  return (
    <html lang="zh-CN">
      <body className="bg-slate-50 text-slate-900">
        <div className="mx-auto max-w-lg space-y-4 py-16 text-center" role="alert" data-testid={key === 'db' ? 'db-unavailable' : 'error'}>
          {texts.map((m, i) => (
            <div key={i} lang={i === 0 ? 'zh-CN' : 'en'}>
              <h1 className="text-xl font-semibold">{m[`${key}Title`]}</h1>
              <p className="text-slate-600">{m[`${key}Body`]}</p>
            </div>
          ))}
        </div>
      </body>
    </html>
  );
}
