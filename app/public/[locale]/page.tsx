import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicShell } from '@/components/public/public-shell';
import { RegisterTable } from '@/components/public/register-table';
import { cachedPublicRegisters } from '@/lib/data/public-cache';
import { translatorFor } from '@/lib/i18n/translator';
import { isPublicLocale, publicAlternates, siteOrigin } from '@/lib/rules/public-paths';

// Rendered once per language on first request, then served from the cache; the
// public tag (revalidated by the writes that change the record) or five minutes renews it.
export const dynamic = 'force-static';
export const revalidate = 300;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isPublicLocale(locale)) return {};
  const t = await translatorFor(locale);
  return {
    // Canonical and alternate links are absolute, as search engines want them.
    metadataBase: new URL(siteOrigin()),
    title: { absolute: t('public.siteTitle') },
    description: t('public.description'),
    alternates: { ...publicAlternates(locale), types: { 'application/atom+xml': '/public/feed.xml' } },
    robots: { index: true, follow: true },
  };
}

export default async function PublicRegisterPage({ params }: Props) {
  const { locale } = await params;
  if (!isPublicLocale(locale)) notFound();
  const [t, registers] = await Promise.all([translatorFor(locale), cachedPublicRegisters()]);
  return (
    <PublicShell locale={locale} t={t}>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('public.siteTitle')}</h1>
        <p className="text-slate-700">{t('public.description')}</p>
        <p className="text-sm text-slate-600">{t('public.principle')}</p>
      </header>
      <p className="text-sm text-slate-700">{t('public.intro', { label: locale === 'en' ? 'direction' : '方向／类别' })}</p>
      {registers.map((r) => (
        <RegisterTable key={r.code} register={r} locale={locale} t={t} />
      ))}
    </PublicShell>
  );
}
