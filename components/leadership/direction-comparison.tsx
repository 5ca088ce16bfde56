import { getLocale, getTranslations } from 'next-intl/server';
import { MetricText } from '@/components/metric-text';
import { Section } from '@/components/section';
import type { Actor } from '@/lib/rules/authz';
import { getDirectionStages, getIndicators } from '@/lib/data/dashboard';
import { formatInteger, formatPercent } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';
import type { FilterTargets } from '@/lib/rules/project-filter';

/** The four directions side by side: projects, online and promotion rates, and the most-reported indicators. */
export async function DirectionComparison(props: { actor: Actor; targets: FilterTargets }) {
  const [directions, indicators, t, locale] = await Promise.all([
    getDirectionStages(props),
    getIndicators(props),
    getTranslations('leadership'),
    getLocale() as Promise<Locale>,
  ]);
  const key = [...indicators].sort((a, b) => b.projects - a.projects).slice(0, 3);
  const rate = (part: number, whole: number) => (whole ? formatPercent((part / whole) * 100, locale) : '—');
  return (
    <Section title={t('directions')}>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="direction-comparison">
          <thead className="text-slate-500">
            <tr>
              <th scope="col">{t('direction')}</th>
              <th scope="col">{t('projects')}</th>
              <th scope="col">{t('onlineRate')}</th>
              <th scope="col">{t('promotionRate')}</th>
              {key.map((i) => (
                <th key={i.code} scope="col">
                  {locale === 'zh' ? i.nameZh : i.nameEn}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {directions.map((d) => (
              <tr key={d.code} className="border-t border-slate-100 align-top" data-direction={d.code} data-value={d.total}>
                <td className="py-1">
                  <span className="font-mono text-xs">{d.code}</span> {locale === 'zh' ? d.name : d.nameEn}
                </td>
                <td className="tabular-nums">{formatInteger(d.total, locale)}</td>
                <td className="tabular-nums">{rate(d.online, d.total)}</td>
                <td className="tabular-nums">{rate(d.promotion, d.total)}</td>
                {key.map((i) => {
                  const share = i.byDirection[d.code];
                  return (
                    <td key={i.code} className="tabular-nums">
                      {share ? <MetricText value={share.value} unit={i.unit} kind={i.kind} qualifier={share.qualifier} /> : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
