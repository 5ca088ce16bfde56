import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReturnFilingForm } from '@/components/returns/return-filing-form';
import { ReturnHeader } from '@/components/returns/return-header';
import { ReturnSubmissions } from '@/components/returns/return-submissions';
import { Section } from '@/components/section';
import { getReturnPage, returnPath } from '@/lib/data/returns';
import { todayInBeijing } from '@/lib/rules/time';
import { requireActor } from '@/lib/server/session';
import { ClientMessages } from '@/components/client-messages';

type Props = { params: Promise<{ code: string; schedule: string; period: string }> };

/** One return: the filing form for the lead institution while it may file, and every submission with its review for all who read the project. */
export default async function ReturnPage({ params }: Props) {
  const actor = await requireActor();
  const { code, schedule, period } = await params;
  const page = await getReturnPage({ actor, code, scheduleId: Number(schedule), period: decodeURIComponent(period) });
  if (!page) notFound();
  const [t, locale] = await Promise.all([getTranslations('returnFiling'), getLocale()]);
  const lastReview = page.stored?.status === 'RETURNED' ? page.stored.submissions.at(-1) : undefined;
  return (
    <ClientMessages namespaces={['returnFiling', 'transfer']}>
      <article className="space-y-4">
        <ReturnHeader page={page} />
        {lastReview && (
          <p className="rounded border border-orange-300 bg-orange-50 p-2 text-sm text-orange-900" data-testid="returned-note">
            <span className="font-medium">{t('returnedHeading')}</span>
            {lastReview.reviewNote && `：${lastReview.reviewNote}`}
          </p>
        )}
        {page.stored?.status === 'ACCEPTED' && <p className="text-sm text-emerald-800">{t('frozen')}</p>}
        {page.mayReview && (
          <Link
            href={`${returnPath(page.project.code, page.schedule.id, page.period.key)}/review`}
            className="text-sm text-red-800 hover:underline"
            data-testid="to-review"
          >
            {t('toReview')}
          </Link>
        )}
        {page.mayFile ? (
          <Section title={t('formHeading')} id="filing">
            <ReturnFilingForm
              key={`${locale}:${page.stored?.version ?? 0}`}
              projectId={page.project.id}
              scheduleId={page.schedule.id}
              period={page.period.key}
              version={page.stored?.version ?? 0}
              sections={page.sections}
              indicators={page.indicators}
              initial={page.stored?.answers ?? {}}
              comments={lastReview?.sectionComments ?? {}}
              periodEnded={page.period.to < todayInBeijing()}
            />
          </Section>
        ) : (
          actor.role === 'INSTITUTION' && !page.stored && <p className="text-sm text-slate-600">{t('readOnly')}</p>
        )}
        <ReturnSubmissions page={page} />
      </article>
    </ClientMessages>
  );
}
