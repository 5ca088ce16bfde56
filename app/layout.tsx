import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { SHARED_CLIENT_NAMESPACES } from '@/lib/i18n/config';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('title'), template: `%s · ${t('shortTitle')}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, messages, requestHeaders] = await Promise.all([getLocale(), getTranslations(), getMessages(), headers()]);
  // A page rendered once for everyone (the public register, `dynamic = 'force-static'`) sees no request
  // headers: it brings its own frame, labels and footer in its own language, so it gets none of the portal's.
  const shared = !requestHeaders.has('host');
  const clientMessages = shared ? {} : Object.fromEntries(SHARED_CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
            {t('app.skipToContent')}
          </a>
          {!shared && <SiteHeader />}
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
          {/* Said once on every page: the times above are Beijing time. */}
          {!shared && (
            <footer className="mx-auto max-w-6xl px-4 pb-6 text-xs text-slate-500 print:hidden" data-testid="time-zone-note">
              {t('time.pageNote')}
            </footer>
          )}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
