import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { RubricForm } from '@/components/assessments/forms';
import { RankingTable } from '@/components/assessments/ranking-table';
import { Section } from '@/components/section';
import { listAssessmentPrograms, listAssessmentRanking } from '@/lib/data/assessments';
import { can, mayOpenProgram } from '@/lib/rules/authz';
import { requireActor } from '@/lib/server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('assessments'))('heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A program's rubric and the ranking of its assessed projects (a reviewer: those assigned to it), exportable. */
export default async function AssessmentsPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'assessment:read')) notFound();
  const [query, programs, t, locale] = await Promise.all([searchParams, listAssessmentPrograms(actor), getTranslations('assessments'), getLocale()]);
  const program = programs.find((p) => p.code === query.program) ?? programs[0];
  if (!program) return <p className="text-sm text-slate-600">{t('noPrograms')}</p>;
  const { rubric, rows } = await listAssessmentRanking({ actor, programId: program.id });
  const exportHref = (format: string) => `/api/assessments/ranking?${new URLSearchParams({ program: program.code, format })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {programs.length > 1 && (
        <nav className="flex flex-wrap gap-2 text-sm" data-testid="assessment-programs">
          {programs.map((p) => (
            <Link
              key={p.id}
              href={`/assessments?program=${p.code}`}
              aria-current={p.id === program.id ? 'page' : undefined}
              className="rounded border border-slate-300 px-2 py-1 aria-[current=page]:bg-red-800 aria-[current=page]:text-white"
            >
              {locale === 'zh' ? p.name : p.nameEn}
            </Link>
          ))}
        </nav>
      )}
      <Section title={t('ranking')}>
        <div className="mb-2 flex flex-wrap gap-3 text-sm" data-testid="ranking-export">
          <a href={exportHref('xlsx')} className="text-red-800 hover:underline">
            {t('export')}
          </a>
          <a href={exportHref('csv')} className="text-red-800 hover:underline">
            {t('exportCsv')}
          </a>
        </div>
        <RankingTable rows={rows} />
      </Section>
      <Section title={t('rubric')}>
        {!rubric ? (
          <p className="text-sm text-slate-600">{t('noRubric')}</p>
        ) : can(actor, 'assessment:manage') && mayOpenProgram(actor, program.id) ? (
          <RubricForm rubric={rubric} locale={locale} />
        ) : (
          <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="rubric">
            {rubric.dimensions.map((d) => (
              <li key={d.id} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                <span>{locale === 'zh' ? d.name : d.nameEn}</span>
                <span>{d.weight}</span>
              </li>
            ))}
          </ul>
        )}
        {rubric && <p className="mt-2 text-xs text-slate-500">{t('scale', { max: rubric.scaleMax })}</p>}
      </Section>
    </div>
  );
}
