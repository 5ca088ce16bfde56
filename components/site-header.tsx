import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/authz';
import { DatabaseUnavailableError } from '@/lib/errors';
import { getActor } from '@/lib/session';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  // With the database down the header still renders (signed-out look); the page
  // below fails on its own and shows the database-unavailable message.
  const [t, actor] = await Promise.all([
    getTranslations(),
    getActor().catch((err: unknown) => {
      if (err instanceof DatabaseUnavailableError) return null;
      throw err;
    }),
  ]);
  return (
    <header className="bg-red-800 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto leading-tight">
          <span className="block text-xs opacity-80">{t('app.owner')}</span>
          <span className="block text-lg font-semibold">{t('app.title')}</span>
        </Link>
        {actor && (
          <nav aria-label={t('app.shortTitle')} className="flex gap-4 text-sm">
            <Link href="/" className="hover:underline">
              {t('nav.home')}
            </Link>
            <Link href="/dashboard" className="hover:underline">
              {t('nav.dashboard')}
            </Link>
            <Link href="/projects" className="hover:underline">
              {t('nav.projects')}
            </Link>
            <Link href="/institutions" className="hover:underline">
              {t('nav.institutions')}
            </Link>
            <Link href="/leadership" className="hover:underline">
              {t('nav.leadership')}
            </Link>
            {can(actor, 'data:import') && (
              <Link href="/import" className="hover:underline">
                {t('nav.import')}
              </Link>
            )}
            {can(actor, 'stage:decide') && (
              <Link href="/proposals" className="hover:underline">
                {t('accountsNav.proposals')}
              </Link>
            )}
            {can(actor, 'audit:read') && (
              <Link href="/audit" className="hover:underline">
                {t('accountsNav.audit')}
              </Link>
            )}
            {can(actor, 'user:manage') && (
              <Link href="/admin/users" className="hover:underline">
                {t('accountsNav.users')}
              </Link>
            )}
          </nav>
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
