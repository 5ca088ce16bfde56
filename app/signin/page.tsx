import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/sign-in-form';
import { safeCallbackPath } from '@/lib/rules/callback-url';
import { getActor } from '@/lib/server/session';
import { ClientMessages } from '@/components/client-messages';

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

// Any origin serves to tell a path on this site from another site; NEXTAUTH_URL also accepts the portal's own absolute URLs.
const PORTAL_ORIGIN = process.env.NEXTAUTH_URL ?? 'http://portal.invalid';

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('heading') };
}

export default async function SignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, PORTAL_ORIGIN);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations('signIn');
  return (
    <ClientMessages namespaces={['signIn']}>
      <div className="mx-auto max-w-sm space-y-4 py-10">
        <h1 className="text-2xl font-semibold">{t('heading')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
        <SignInForm callbackUrl={callbackUrl} />
        <p className="border-t border-slate-200 pt-4 text-sm">
          <Link href="/public" className="text-red-800 underline" data-testid="public-register-link">
            {t('publicRegister')}
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}
