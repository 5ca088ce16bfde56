import { getLocale, getTranslations } from 'next-intl/server';
import { MetricText } from '@/components/metric-text';
import { Section } from '@/components/section';
import { directionWord } from '@/lib/data/programs';
import { TableScroll } from '@/components/table-scroll';
import { getDirectionsAtEnd, getIndicatorsInPeriod, type CountRange } from '@/lib/data/leadership';
import type { Actor } from '@/lib/rules/authz';
import { formatInteger, formatPercent } from '@/lib/rules/format';
import { stageName } from '@/lib/rules/stages';
import type { Locale } from '@/lib/i18n/config';
import type { Period } from '@/lib/rules/periods';
import type { FilterTargets } from '@/lib/rules/project-filter';

/**
 * The directions side by side as of the period's end: the disclosed projects
 * only, each rate a share of the direction's own projects (said in the cell),
 * and the projects without a public direction counted beside the table.
 */
export async function DirectionComparison(props: { actor: Actor; targets: FilterTargets; period: Period }) {
  const [{ stages, directions }, { indicators }, t, locale] = await Promise.all([
    getDirectionsAtEnd(props),
    getIndicatorsInPeriod(props),
    getTranslations('leadership'),
    getLocale() as Promise<Locale>,
  ]);
  const word = await directionWord(props.targets.programId, locale, t('direction'));
  const lower = locale === 'zh' ? word : word.toLowerCase();
  const disclosed = directions.filter((d) => d.name !== null);
  const undisclosed = directions.find((d) => d.name === null)!;
  const key = [...indicators].sort((a, b) => Object.keys(b.byDirection).length - Object.keys(a.byDirection).length).slice(0, 3);
  const n = (v: number) => formatInteger(v, locale);
  const rate = (part: CountRange, whole: number) => {
    if (!whole) return '—';
    const pct = (v: number) => formatPercent((v / whole) * 100, locale);
    const share = part.min === part.max ? pct(part.min) : `${pct(part.min)}–${pct(part.max)}`;
    return t('shareOf', { share, n: n(whole) });
  };
  return (
    <Section title={t('directions', { label: lower })}>
      <TableScroll label={t('directions', { label: lower })}>
        <table className="w-full text-left text-sm" data-testid="direction-comparison">
          <thead className="whitespace-nowrap text-slate-500">
            <tr>
              <th scope="col" className="pr-3">
                {word}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('disclosedProjects')}
              </th>
              {stages.map((st) => (
                <th key={st.code} scope="col" className="pr-3 text-right">
                  {t('stageRate', { stage: stageName(st, locale) })}
                </th>
              ))}
              {key.map((i) => (
                <th key={i.code} scope="col" className="pr-3 text-right">
                  {locale === 'zh' ? i.nameZh : i.nameEn}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {disclosed.map((d) => (
              <tr key={d.code} className="border-t border-slate-100 align-top" data-direction={d.code} data-value={d.projects}>
                <td className="min-w-40 py-1 pr-3">
                  <span className="font-mono text-xs">{d.code}</span> {locale === 'zh' ? d.name : d.nameEn}
                </td>
                <td className="pr-3 text-right tabular-nums">{n(d.projects)}</td>
                {d.reached.map((r, i) => (
                  <td key={stages[i].code} className="pr-3 text-right whitespace-nowrap tabular-nums">
                    {rate(r, d.projects)}
                  </td>
                ))}
                {key.map((i) => {
                  const share = i.byDirection[d.code];
                  return (
                    <td key={i.code} className="pr-3 text-right whitespace-nowrap tabular-nums">
                      {share ? <MetricText value={share.value} unit={i.unit} kind={i.kind} qualifier={share.qualifier} /> : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="mt-2 text-xs text-slate-600" data-testid="direction-undisclosed" data-value={undisclosed.projects}>
        {t('undisclosedBeside', { n: n(undisclosed.projects), label: lower })}
      </p>
    </Section>
  );
}
