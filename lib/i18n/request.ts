import { getRequestConfig } from 'next-intl/server';
import { messagesFor, requestLocale } from './locale';

// No locale in the URL: the reader's choice lives in a cookie, Chinese by default.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, timeZone: 'Asia/Shanghai', messages: await messagesFor(locale) };
});
