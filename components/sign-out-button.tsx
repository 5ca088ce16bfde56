'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/signin' })}
      className="min-h-10 rounded border border-white/40 px-3 text-sm text-white hover:bg-white/10 lg:min-h-0 lg:border-0 lg:px-0 lg:underline-offset-2 lg:hover:bg-transparent lg:hover:underline"
    >
      {t('signOut')}
    </button>
  );
}
