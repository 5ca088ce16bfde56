import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/account-forms';
import { Section } from '@/components/section';
import { requireActor } from '@/lib/server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('account'))('passwordHeading') };
}

/**
 * Changing one's own password. The one page open to a user whose password an
 * administrator reset (every other page sends them here) until they change it.
 */
export default async function PasswordPage() {
  const [actor, t] = await Promise.all([requireActor({ passwordPage: true }), getTranslations('account')]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('passwordHeading')}</h1>
      {actor.mustChangePassword ? (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="must-change-password">
          {t('mustChange')}
        </p>
      ) : (
        <p>
          <Link href="/account" className="text-sm text-red-800 hover:underline">
            ← {t('back')}
          </Link>
        </p>
      )}
      <Section title={t('newPasswordHeading')}>
        <p className="mb-3 text-sm text-slate-600">{t('passwordIntro')}</p>
        <ChangePasswordForm />
      </Section>
    </div>
  );
}
