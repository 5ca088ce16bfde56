import type { MetadataRoute } from 'next';
import { cachedPublicProjectCodes } from '@/lib/data/public-cache';
import { PUBLIC_LOCALES, publicPath, siteOrigin } from '@/lib/rules/public-paths';

// Built from the cached reads on each request: the build has no database.
export const dynamic = 'force-dynamic';

/** Every public page in both languages, each with its alternate; nothing behind the sign-in. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  const codes = [undefined, ...(await cachedPublicProjectCodes()).map((p) => p.code)];
  return codes.flatMap((code) =>
    PUBLIC_LOCALES.map((locale) => ({
      url: `${origin}${publicPath(locale, code)}`,
      alternates: { languages: { 'zh-CN': `${origin}${publicPath('zh', code)}`, en: `${origin}${publicPath('en', code)}` } },
    })),
  );
}
