import { useLocale, useTranslations } from 'next-intl';
import { setLocale } from '@/app/actions/locale';

/** A plain form: works without JavaScript, and the server re-renders in the new language. */
export function LanguageSwitch() {
  const t = useTranslations('nav');
  const other = useLocale() === 'zh' ? 'en' : 'zh';
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other === 'zh' ? 'zh-CN' : 'en'}
        aria-label={`${t('language')}: ${t('switchTo')}`}
        className="min-h-10 rounded border border-white/40 px-3 text-sm text-white hover:bg-white/10 lg:min-h-0 lg:px-2 lg:py-1"
        data-testid="language-switch"
      >
        {t('switchTo')}
      </button>
    </form>
  );
}
