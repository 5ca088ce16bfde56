import Link from 'next/link';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translator';
import { PUBLIC_FEED_PATH, publicPath } from '@/lib/rules/public-paths';

/**
 * The frame of every public page: its own heading and language (in the path,
 * so the page can be served from the cache to everyone), the other language,
 * the sign-in link for staff, and the feed.
 */
export function PublicShell(props: { locale: Locale; t: Translate; code?: string; children: React.ReactNode }) {
  const { locale, t, code } = props;
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  return (
    <div lang={locale === 'zh' ? 'zh-CN' : 'en'} className="space-y-6" data-testid="public-page">
      <nav aria-label={t('public.siteTitle')} className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 text-sm">
        <Link href={publicPath(locale)} className="font-semibold text-red-800 hover:underline">
          {t('public.siteTitle')}
        </Link>
        <span className="flex flex-wrap gap-4">
          <Link
            href={publicPath(other, code)}
            hrefLang={other === 'zh' ? 'zh-CN' : 'en'}
            lang={other === 'zh' ? 'zh-CN' : 'en'}
            className="text-red-800 underline"
          >
            {t('public.switchLanguage')}
          </Link>
          <Link href="/signin" className="text-red-800 underline" prefetch={false}>
            {t('public.signIn')}
          </Link>
        </span>
      </nav>
      {props.children}
      <footer className="space-y-2 border-t border-slate-200 pt-3 text-sm">
        <p>
          <a href={PUBLIC_FEED_PATH} className="text-red-800 underline">
            {t('public.feed')}
          </a>
        </p>
        <p className="text-xs text-slate-600">{t('time.pageNote')}</p>
      </footer>
    </div>
  );
}
