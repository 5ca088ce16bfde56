import { intlLocale, type Locale } from '../i18n/config';

// Building an Intl.NumberFormat costs far more than formatting with one (the
// dashboard formats a few hundred numbers a request), so each is built once.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, kind: 'compact' | 'standard' | 'percent' | 'integer'): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      kind === 'percent'
        ? { style: 'percent', maximumFractionDigits: 1 }
        : kind === 'integer'
          ? { maximumFractionDigits: 0 }
          : { notation: kind, maximumFractionDigits: 2 };
    format = new Intl.NumberFormat(intlLocale(locale), options);
    formats.set(key, format);
  }
  return format;
}

/**
 * Numbers as Chinese readers expect them: 32.55万, 4.06亿 (Intl's compact
 * notation in zh-CN), exact digits below 10,000. English gets 325.5K, 406M.
 */
export function formatQuantity(value: number, locale: Locale): string {
  return numberFormat(locale, Math.abs(value) >= 10_000 ? 'compact' : 'standard').format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return numberFormat(locale, 'percent').format(value / 100);
}

export function formatInteger(value: number, locale: Locale): string {
  return numberFormat(locale, 'integer').format(value);
}
