import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { TableScroll } from '@/components/table-scroll';
import { Section } from '@/components/section';
import type { BoardGroup, ReturnBoard } from '@/lib/data/return-board';
import { boardHref, type BoardQuery } from '@/lib/rules/return-board-query';
import { formatPercent } from '@/lib/rules/format';
import type { Locale } from '@/lib/i18n/config';

/** Completeness of one grouping (lead institution or direction): how many of the returns due were filed, accepted, missing. */
export function CompletenessTable(props: { title: string; groups: BoardGroup[]; href: (key: string) => string; testId: string }) {
  const t = useTranslations('returnBoard');
  const locale = useLocale() as Locale;
  if (props.groups.length === 0) return null;
  const th = 'px-3 py-2 text-right';
  return (
    <TableScroll label={props.title} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={props.testId}>
        <thead className="bg-slate-100 whitespace-nowrap text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {props.title}
            </th>
            <th scope="col" className={th}>
              {t('kpi.due')}
            </th>
            <th scope="col" className={th}>
              {t('kpi.filed')}
            </th>
            <th scope="col" className={th}>
              {t('kpi.accepted')}
            </th>
            <th scope="col" className={th}>
              {t('kpi.missing')}
            </th>
            <th scope="col" className={th}>
              {t('col.completeness')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr key={g.key} className="border-t border-slate-100" data-group={g.key} data-due={g.due} data-filed={g.filed}>
              <td className="min-w-48 px-3 py-2">
                {g.key ? (
                  <Link href={props.href(g.key)} className="text-red-800 hover:underline">
                    {locale === 'zh' ? g.name : g.nameEn}
                  </Link>
                ) : (
                  t('undisclosed')
                )}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{g.due}</td>
              <td className="px-3 py-2 text-right tabular-nums">{g.filed}</td>
              <td className="px-3 py-2 text-right tabular-nums">{g.accepted}</td>
              <td className="px-3 py-2 text-right tabular-nums">{g.missing}</td>
              <td className="px-3 py-2 text-right tabular-nums">{g.due ? formatPercent((g.filed / g.due) * 100, locale) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Completeness of the whole program, by lead institution and by direction; each name narrows the board to it. */
export function CompletenessSections({ figures, view }: { figures: NonNullable<ReturnBoard['figures']>; view: BoardQuery }) {
  const t = useTranslations('returnBoard');
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Section title={t('byInstitution')} id="by-institution">
        <CompletenessTable
          title={t('col.lead')}
          groups={figures.byInstitution}
          href={(k) => boardHref('/returns', view, { institution: k })}
          testId="by-institution"
        />
      </Section>
      <Section title={t('byDirection')} id="by-direction">
        <CompletenessTable
          title={t('col.direction')}
          groups={figures.byDirection}
          href={(k) => boardHref('/returns', view, { direction: k })}
          testId="by-direction"
        />
      </Section>
    </div>
  );
}
