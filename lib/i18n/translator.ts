import { createTranslator } from 'next-intl';
import type { Locale } from './config';

/** A message by key with its values, and whether a key exists: next-intl's `t`, or one built here. */
export type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

export async function messagesFor(locale: Locale) {
  return (await import(`./messages/${locale}.json`)).default;
}

/** A translator outside any request (exports, scripts, tests): the same messages the pages use. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  return createTranslator({ locale, messages: await messagesFor(locale) });
}
