import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/sign-in-form';
import { getActor } from '@/lib/server/session';

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** Only same-site paths are followed after sign-in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('heading') };
}

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations('signIn');
  return (
    <div className="mx-auto max-w-sm space-y-4 py-10">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
