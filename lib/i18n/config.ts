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

/**
 * Of those, the ones the layout sends with every page; a page whose client
 * components read any other wraps them in `<ClientMessages namespaces={…}>`
 * (components/client-messages.tsx), which a unit test checks.
 */
export const SHARED_CLIENT_NAMESPACES = ['errors', 'forms', 'formErrors', 'nav', 'programs'] as const satisfies readonly (typeof CLIENT_NAMESPACES)[number][];
export type PageClientNamespace = Exclude<(typeof CLIENT_NAMESPACES)[number], (typeof SHARED_CLIENT_NAMESPACES)[number]>;

/** The BCP 47 tag given to Intl for number and date formats. */
export const intlLocale = (locale: Locale) => (locale === 'zh' ? 'zh-CN' : 'en-US');
