import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ManageForms, ScoreForm } from '@/components/assessments/forms';
import { RoundsTable } from '@/components/assessments/rounds-table';
import { RadarChartView } from '@/components/charts/radar-chart';
import { Section } from '@/components/section';
import { getProjectAssessment } from '@/lib/data/assessments';
import { can } from '@/lib/rules/authz';
import { formatMoment } from '@/lib/rules/time';
import { requireActor } from '@/lib/server/session';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  return { title: (await getTranslations('assessments'))('projectHeading', { code: decodeURIComponent((await params).code) }) };
}

/** One project's assessment: each round and the consolidated score, the radar against the program, and what the actor may do. */
export default async function ProjectAssessmentPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requireActor();
  if (!can(actor, 'assessment:read')) notFound();
  const { code } = await params;
  const [view, t, ts, locale] = await Promise.all([
    getProjectAssessment({ actor, code: decodeURIComponent(code) }),
    getTranslations('assessments'),
    getTranslations('assessmentStatus'),
    getLocale(),
  ]);
  if (!view) notFound();
  const { project, assessment, rubric } = view;
  const radar = rubric.dimensions.map((d) => ({
    label: locale === 'zh' ? d.name : d.nameEn,
    project: view.result.byDimension[d.id],
    median: view.medians[d.id],
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        <Link href={`/assessments?program=${project.program.code}`} className="text-base font-normal text-red-800 hover:underline">
          {t('heading')}
        </Link>
        <span className="block">
          {t('projectHeading', { code: project.code })} · {project.name}
        </span>
      </h1>
      <p className="flex flex-wrap gap-2 text-sm" data-testid="assessment-status" data-status={assessment?.status ?? 'OPEN'}>
        <span className="rounded bg-slate-100 px-2">{ts(assessment?.status ?? 'OPEN')}</span>
        {assessment?.confirmedAt && <span>{t('confirmedBy', { name: assessment.confirmedBy?.name ?? '—', at: formatMoment(assessment.confirmedAt) })}</span>}
        {assessment?.isSample && (
          <span className="rounded bg-amber-100 px-2 text-amber-800" data-sample>
            {t('sample')}
          </span>
        )}
      </p>
      <Section title={t('rounds')}>
        <RoundsTable view={view} locale={locale} />
      </Section>
      <Section title={t('radar')}>
        <RadarChartView
          name="assessment-radar"
          rows={radar}
          max={rubric.scaleMax}
          projectLabel={t('radarProject')}
          medianLabel={t('radarMedian')}
          height={320}
        />
      </Section>
      <Section title={t('reviewers')}>
        <p className="mb-2 text-sm" data-testid="assessment-reviewers">
          {project.reviewers.length ? project.reviewers.map((r) => r.user.name).join('、') : t('noReviewers')}
        </p>
        {view.mayManage && <ManageForms view={view} />}
      </Section>
      {view.mayScore && (
        <Section title={t('score')}>
          <ScoreForm view={view} locale={locale} />
        </Section>
      )}
    </div>
  );
}
