/** The portal's messages as a plain translator, as exports and route handlers build theirs. */
export { translatorFor } from '@/lib/i18n/translator';
