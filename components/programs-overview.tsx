import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getHeadline } from '@/lib/data/headline';
import { listPrograms } from '@/lib/data/programs';
import type { Actor } from '@/lib/rules/authz';
import { formatInteger } from '@/lib/rules/format';
import { stageName } from '@/lib/rules/stages';
import type { Locale } from '@/lib/i18n/config';
import { TableScroll } from '@/components/table-scroll';

/**
 * The programs the reader may read, side by side: each one's projects,
 * institutions and headline stages as of today, with a link to its own view.
 * Only shown when there is more than one.
 */
export async function ProgramsOverview({ actor, current, path = '' }: { actor: Actor; current: string; path?: string }) {
  const [programs, t, locale] = await Promise.all([listPrograms({ actor }), getTranslations('programs'), getLocale() as Promise<Locale>]);
  if (programs.length < 2) return null;
  const rows = await Promise.all(
    programs.map(async (p) => ({ program: p, headline: await getHeadline({ actor, targets: { programId: p.id, filters: {} }, view: 'home' }) })),
  );
  const n = (v: number | null) => (v === null ? '—' : formatInteger(v, locale));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label={t('overview')} data-testid="programs-overview">
      <h2 className="mb-2 text-lg font-semibold">{t('overview')}</h2>
      <TableScroll label={t('overview')}>
        <table className="w-full text-left text-sm">
          <thead className="whitespace-nowrap text-slate-500">
            <tr>
              <th scope="col">{t('program')}</th>
              <th scope="col">{t('projects')}</th>
              <th scope="col">{t('institutions')}</th>
              <th scope="col">{t('headlineStages')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ program, headline }) => {
              const value = (key: string) => headline.cards.find((c) => c.key === key)?.value ?? null;
              const stages = headline.cards.filter((c) => c.stage && !c.isRate);
              return (
                <tr
                  key={program.code}
                  className="border-t border-slate-100 align-top"
                  data-program={program.code}
                  aria-current={program.code === current ? 'true' : undefined}
                >
                  <td className="py-1">
                    <Link href={`${path || '/'}?program=${program.code}`} className="text-red-800 hover:underline">
                      {locale === 'zh' ? program.name : program.nameEn}
                    </Link>
                  </td>
                  <td className="tabular-nums" data-program-kpi="projects" data-value={value('projects') ?? ''}>
                    {n(value('projects'))}
                  </td>
                  <td className="tabular-nums">{n(value('institutions'))}</td>
                  <td>
                    {stages.map((c) => (
                      <span key={c.key} className="mr-3 inline-block" data-program-kpi={c.key} data-value={c.value ?? ''}>
                        {stageName(c.stage!, locale)} <span className="tabular-nums font-medium">{n(c.value)}</span>
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
