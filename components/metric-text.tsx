import { useLocale, useTranslations } from 'next-intl';
import { formatPercent, formatQuantity } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { IndicatorKind, ValueQualifier } from '@/lib/generated/prisma/enums';

type Metric = { value: number; unit: string; kind: IndicatorKind; qualifier: ValueQualifier };
/** A translator of the whole message tree, from useTranslations() or getTranslations(). */
type Translate = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

/** An outcome figure in the reader's language, as text (for a table built from compact rows). */
export function metricText(t: Translate, locale: Locale, props: Metric): string {
  if (props.kind === 'PERCENT') return formatPercent(props.value, locale);
  const unit = t.has(`unit.${props.unit}`) ? t(`unit.${props.unit}`) : props.unit;
  return t(`metric.${props.qualifier}`, { value: formatQuantity(props.value, locale), unit }).trim();
}

/** An outcome figure in the reader's language: 约1,325户, 4.06亿元, over 2,000 units. */
export function MetricText(props: Metric) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  return <>{metricText(t, locale, props)}</>;
}
