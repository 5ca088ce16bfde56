/** The portal's messages as a plain translator, built as route handlers build theirs (lib/i18n/locale.ts). */
import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/rules/audit-display';

export async function translatorFor(locale: Locale): Promise<Translate> {
  const messages = (await import(`../../lib/i18n/messages/${locale}.json`)).default;
  return createTranslator({ locale, messages });
}
