import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const t = useTranslations();
  return (
    <header className="bg-red-800 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto leading-tight">
          <span className="block text-xs opacity-80">{t('app.owner')}</span>
          <span className="block text-lg font-semibold">{t('app.title')}</span>
        </Link>
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
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
