import { cachedPublicChanges } from '@/lib/data/public-cache';
import { translatorFor } from '@/lib/i18n/translator';
import { buildAtom } from '@/lib/rules/atom';
import { PUBLIC_CACHE_CONTROL, PUBLIC_FEED_PATH, publicPath, siteOrigin } from '@/lib/rules/public-paths';

// Built from the cached reads on each request (never at build time, which has no database); caches may keep it five minutes.
export const dynamic = 'force-dynamic';

/** The Atom feed of the register's stage changes and public notices, newest first. */
export async function GET() {
  const [t, changes] = await Promise.all([translatorFor('zh'), cachedPublicChanges()]);
  const origin = siteOrigin();
  const xml = buildAtom({
    id: `${origin}${PUBLIC_FEED_PATH}`,
    title: t('public.feedTitle'),
    updated: `${changes[0]?.date ?? '2019-12-01'}T00:00:00+08:00`,
    selfLink: `${origin}${PUBLIC_FEED_PATH}`,
    alternateLink: `${origin}${publicPath('zh')}`,
    lang: 'zh-CN',
    entries: changes.map((c) => ({
      id: `${origin}${publicPath('zh', c.project.code)}#change-${c.id}`,
      title: c.stage.publicNotice
        ? t('public.feedNotice', { project: c.project.name })
        : t('public.feedEntry', { project: c.project.name, stage: c.stage.name }),
      updated: `${c.date}T00:00:00+08:00`,
      link: `${origin}${publicPath('zh', c.project.code)}`,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': PUBLIC_CACHE_CONTROL } });
}
