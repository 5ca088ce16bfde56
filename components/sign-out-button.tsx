'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/signin' })} className="text-sm text-white underline-offset-2 hover:underline">
      {t('signOut')}
    </button>
  );
}
