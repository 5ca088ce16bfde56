/**
 * Where the public register lives. The locale is in the path, so every public
 * page can be rendered once and served to everyone: Chinese at /public, English
 * at /public/en. Pure.
 */
import type { Locale } from '../i18n/config';

export const PUBLIC_LOCALES: readonly Locale[] = ['zh', 'en'];

export const isPublicLocale = (value: string): value is Locale => (PUBLIC_LOCALES as readonly string[]).includes(value);

/** The register's path in a language, or one project's page. */
export function publicPath(locale: Locale, code?: string): string {
  const base = locale === 'zh' ? '/public' : `/public/${locale}`;
  return code ? `${base}/projects/${encodeURIComponent(code)}` : base;
}

/** One program's register as JSON (the same public fields as the pages). */
export const publicJsonPath = (programCode: string) => `/public/data/${encodeURIComponent(programCode)}.json`;
export const PUBLIC_FEED_PATH = '/public/feed.xml';

/** What shared caches and browsers may keep of a public answer: five minutes, then a stale copy while it is renewed. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** The portal's public origin (NEXTAUTH_URL), for absolute links in the sitemap, the feed and canonical links. */
export function siteOrigin(value: string | undefined = process.env.NEXTAUTH_URL): string {
  try {
    return value ? new URL(value).origin : 'http://localhost:3000';
  } catch {
    return 'http://localhost:3000';
  }
}

/** The language alternates of a public page (hreflang), as Next.js metadata wants them. */
export function publicAlternates(locale: Locale, code?: string) {
  return {
    canonical: publicPath(locale, code),
    languages: { 'zh-CN': publicPath('zh', code), en: publicPath('en', code), 'x-default': publicPath('zh', code) },
  };
}
