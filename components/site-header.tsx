import Link from 'next/link';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { listPrograms } from '@/lib/data/programs';
import { ProgramLink, ProgramSwitcher } from './program-switcher';
import { can, type Capability } from '@/lib/rules/authz';
import { DatabaseUnavailableError } from '@/lib/server/errors';
import { getActor } from '@/lib/server/session';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';

/** The portal's sections; a capability hides a link from those the permission map refuses. */
const NAV: { href: string; label: string; capability?: Capability }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/dashboard', label: 'nav.dashboard' },
  { href: '/projects', label: 'nav.projects' },
  { href: '/institutions', label: 'nav.institutions' },
  { href: '/metrics', label: 'nav.metrics' },
  { href: '/leadership', label: 'nav.leadership' },
  // Administrators import every table; institutions their own projects' metric values.
  { href: '/import', label: 'nav.import', capability: 'metric:import' },
  { href: '/proposals', label: 'accountsNav.proposals', capability: 'stage:decide' },
  { href: '/audit', label: 'accountsNav.audit', capability: 'audit:read' },
  { href: '/admin/users', label: 'accountsNav.users', capability: 'user:manage' },
  { href: '/admin/catalogues', label: 'accountsNav.catalogues', capability: 'catalogue:manage' },
];

export async function SiteHeader() {
  // With the database down the header still renders (signed-out look); the page
  // below fails on its own and shows the database-unavailable message.
  const [t, locale, actor] = await Promise.all([
    getTranslations(),
    getLocale(),
    getActor().catch((err: unknown) => {
      if (err instanceof DatabaseUnavailableError) return null;
      throw err;
    }),
  ]);
  const programs = actor ? await listPrograms({ actor }).catch(() => []) : [];
  return (
    <header className="bg-red-800 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto leading-tight">
          <span className="block text-xs opacity-80">{t('app.owner')}</span>
          <span className="block text-lg font-semibold">{t('app.title')}</span>
        </Link>
        {actor && (
          <nav aria-label={t('app.shortTitle')} className="flex gap-4 text-sm">
            {NAV.filter((item) => !item.capability || can(actor, item.capability)).map((item) => (
              <Suspense key={item.href} fallback={<Link href={item.href}>{t(item.label)}</Link>}>
                <ProgramLink href={item.href} className="hover:underline">
                  {t(item.label)}
                </ProgramLink>
              </Suspense>
            ))}
          </nav>
        )}
        {programs.length > 1 && (
          <Suspense>
            <ProgramSwitcher programs={programs} locale={locale} />
          </Suspense>
        )}
        {actor && (
          <div className="flex items-center gap-3 text-sm" data-testid="signed-in-as" data-role={actor.role}>
            <span className="opacity-90">{t('nav.signedInAs', { name: actor.name, role: t(`userRole.${actor.role}`) })}</span>
            <SignOutButton />
          </div>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}
