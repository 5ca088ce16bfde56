export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The BCP 47 tag given to Intl for number and date formats. */
export const intlLocale = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-US');
