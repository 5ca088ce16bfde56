import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicProjectView } from '@/components/public/project-view';
import { PublicShell } from '@/components/public/public-shell';
import { cachedPublicProject } from '@/lib/data/public-cache';
import { translatorFor } from '@/lib/i18n/translator';
import { isPublicLocale, publicAlternates, siteOrigin } from '@/lib/rules/public-paths';

// Each project's page is rendered on its first request and then served from the
// cache, renewed by the public tag or after five minutes.
export const dynamic = 'force-static';
export const revalidate = 300;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  if (!isPublicLocale(locale)) return {};
  const [t, project] = await Promise.all([translatorFor(locale), cachedPublicProject(decodeURIComponent(code))]);
  if (!project) return {};
  return {
    // Canonical and alternate links are absolute, as search engines want them.
    metadataBase: new URL(siteOrigin()),
    title: { absolute: `${t('public.projectTitle', { name: project.name, code: project.code })} · ${t('public.siteTitle')}` },
    description: t('public.projectDescription', {
      name: project.name,
      institutions: project.institutions.map((i) => i.name).join(locale === 'en' ? ', ' : '、'),
    }),
    alternates: publicAlternates(locale, project.code),
  };
}

export default async function PublicProjectPage({ params }: Props) {
  const { locale, code } = await params;
  if (!isPublicLocale(locale)) notFound();
  const [t, project] = await Promise.all([translatorFor(locale), cachedPublicProject(decodeURIComponent(code))]);
  if (!project) notFound();
  return (
    <PublicShell locale={locale} t={t} code={project.code}>
      <PublicProjectView project={project} locale={locale} t={t} />
    </PublicShell>
  );
}
