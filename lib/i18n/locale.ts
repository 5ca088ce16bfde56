import { cookies } from 'next/headers';
import { createTranslator } from 'next-intl';
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from './config';
import { messagesFor } from './translator';

/** The reader's language, from the cookie the language switch sets. */
export async function requestLocale(): Promise<Locale> {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(stored) ? stored : defaultLocale;
}

export { messagesFor };

/** Translations for route handlers (downloads), which render no React tree. */
export async function routeTranslator() {
  const locale = await requestLocale();
  return { locale, t: createTranslator({ locale, messages: await messagesFor(locale) }) };
}
