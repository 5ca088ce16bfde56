import type { MetadataRoute } from 'next';
import { siteOrigin } from '@/lib/rules/public-paths';

/** Robots may read the public register and nothing else of the portal. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/public', disallow: '/' },
    sitemap: `${siteOrigin()}/sitemap.xml`,
  };
}
