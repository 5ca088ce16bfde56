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
        className="rounded border border-white/40 px-2 py-1 text-sm text-white hover:bg-white/10"
        data-testid="language-switch"
      >
        {t('switchTo')}
      </button>
    </form>
  );
}
