import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center" data-testid="not-found">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-slate-600">{t('notFoundBody')}</p>
      <Link href="/" className="inline-block text-red-800 hover:underline">
        {t('backHome')}
      </Link>
    </div>
  );
}
