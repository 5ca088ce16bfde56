import { intlLocale, type Locale } from './i18n/config';

/**
 * Numbers as Chinese readers expect them: 32.55万, 4.06亿 (Intl's compact
 * notation in zh-CN), exact digits below 10,000. English gets 325.5K, 406M.
 */
export function formatQuantity(value: number, locale: Locale): string {
  const compact = Math.abs(value) >= 10_000;
  return new Intl.NumberFormat(intlLocale(locale), {
    notation: compact ? 'compact' : 'standard',
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

export function formatInteger(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A calendar date (stored as a UTC midnight) as YYYY-MM-DD, independent of the server's zone. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
