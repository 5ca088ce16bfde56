import Link from 'next/link';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { countUnreadNotifications } from '@/lib/data/notifications';
import { listPrograms } from '@/lib/data/programs';
import { ProgramLink, ProgramSwitcher } from './program-switcher';
import { can, type Capability } from '@/lib/rules/authz';
import { DatabaseUnavailableError } from '@/lib/server/errors';
import { getActor } from '@/lib/server/session';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';
import { SiteMenu } from './site-menu';

/** The portal's sections; a capability hides a link from those the permission map refuses. */
const NAV: { href: string; label: string; capability?: Capability }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/dashboard', label: 'nav.dashboard' },
  { href: '/projects', label: 'nav.projects' },
  { href: '/institutions', label: 'nav.institutions' },
  { href: '/metrics', label: 'nav.metrics' },
  { href: '/leadership', label: 'nav.leadership' },
  { href: '/returns', label: 'nav.returns' },
  { href: '/risk', label: 'nav.risk' },
  { href: '/assessments', label: 'nav.assessments', capability: 'assessment:read' },
  // Administrators import every table; institutions their own projects' metric values.
  { href: '/import', label: 'nav.import', capability: 'metric:import' },
  { href: '/proposals', label: 'accountsNav.proposals', capability: 'stage:decide' },
  { href: '/audit', label: 'accountsNav.audit', capability: 'audit:read' },
  { href: '/admin/users', label: 'accountsNav.users', capability: 'user:manage' },
  { href: '/admin/catalogues', label: 'accountsNav.catalogues', capability: 'catalogue:manage' },
];

/**
 * The title, then (signed in) the account controls and the navigation in a
 * SiteMenu: on wide screens the controls sit beside the title and the links on
 * a row of their own; on narrow ones both fold behind the menu button.
 */
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
  const [programs, unread] = actor ? await Promise.all([listPrograms({ actor }).catch(() => []), countUnreadNotifications({ actor }).catch(() => 0)]) : [[], 0];
  return (
    <header className="bg-red-800 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 lg:gap-x-6">
        <Link href="/" className="min-w-0 flex-1 leading-tight">
          <span className="block text-xs opacity-80">{t('app.owner')}</span>
          <span className="block text-base font-semibold sm:text-lg">{t('app.title')}</span>
        </Link>
        {actor ? (
          <>
            <Link
              href="/notifications"
              className="inline-flex min-h-10 items-center gap-1 rounded px-1 text-sm hover:underline lg:min-h-0"
              data-testid="notifications-link"
              data-unread={unread}
            >
              {t('nav.notifications')}
              {/* The name a screen reader hears starts with what is shown ("消息 3"), then says what the number is. */}
              {unread > 0 && <span className="rounded-full bg-white px-1.5 text-xs font-semibold text-red-800">{unread > 99 ? '99+' : unread}</span>}
              {unread > 0 && <span className="sr-only">{t('nav.unreadSuffix')}</span>}
            </Link>
            <SiteMenu>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm" data-testid="signed-in-as" data-role={actor.role}>
                <Link href="/account" className="opacity-90 hover:underline" title={t('nav.account')}>
                  {t('nav.signedInAs', { name: actor.name, role: t(`userRole.${actor.role}`) })}
                </Link>
                <SignOutButton />
              </div>
              {programs.length > 1 && !actor.mustChangePassword && (
                <Suspense>
                  <ProgramSwitcher programs={programs} locale={locale} />
                </Suspense>
              )}
              <LanguageSwitch />
              {/* A user who must change a reset password can open nothing else: no sections to offer. */}
              {!actor.mustChangePassword && (
                <nav aria-label={t('app.shortTitle')} className="basis-full text-sm lg:border-t lg:border-white/20 lg:pt-2">
                  <ul className="flex flex-col max-lg:-mx-2 lg:flex-row lg:flex-wrap lg:gap-x-5 lg:gap-y-1">
                    {NAV.filter((item) => !item.capability || can(actor, item.capability)).map((item) => {
                      const className =
                        'flex min-h-10 items-center rounded px-2 whitespace-nowrap hover:bg-white/10 lg:min-h-0 lg:px-0 lg:hover:bg-transparent lg:hover:underline';
                      return (
                        <li key={item.href}>
                          <Suspense
                            fallback={
                              <Link href={item.href} className={className}>
                                {t(item.label)}
                              </Link>
                            }
                          >
                            <ProgramLink href={item.href} className={className}>
                              {t(item.label)}
                            </ProgramLink>
                          </Suspense>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
              )}
            </SiteMenu>
          </>
        ) : (
          <LanguageSwitch />
        )}
      </div>
    </header>
  );
}
