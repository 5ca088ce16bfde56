export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/**
 * The message namespaces client components read (useTranslations in a 'use client'
 * module). Only these travel to the browser with every page; the rest are used
 * on the server. A unit test checks the list against the client components.
 */
export const CLIENT_NAMESPACES = ['errors', 'forms', 'formErrors', 'nav', 'programs', 'returnFiling', 'sectionsEditor', 'signIn', 'transfer'] as const;

/** The BCP 47 tag given to Intl for number and date formats. */
export const intlLocale = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-US');
