import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { sectionTitle } from '@/components/returns/answer-view';
import { ReturnHeader } from '@/components/returns/return-header';
import { ReturnReviewForm } from '@/components/returns/return-review-form';
import { ReturnSubmissions } from '@/components/returns/return-submissions';
import { Section } from '@/components/section';
import { getReturnPage } from '@/lib/data/returns';
import { can } from '@/lib/rules/authz';
import { requireActor } from '@/lib/server/session';
import { ClientMessages } from '@/components/client-messages';

type Props = { params: Promise<{ code: string; schedule: string; period: string }> };

/**
 * A regulator's review of a return: the latest submission with what changed
 * since the one before (the history below), and the decision form while the
 * return waits for review. Nobody else has a review page.
 */
export default async function ReturnReviewPage({ params }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'return:review')) notFound();
  const { code, schedule, period } = await params;
  const page = await getReturnPage({ actor, code, scheduleId: Number(schedule), period: decodeURIComponent(period) });
  if (!page) notFound();
  const [t, zh] = await Promise.all([getTranslations('returnFiling'), getLocale().then((l) => l === 'zh')]);
  const latest = page.stored?.submissions.at(-1);
  return (
    <ClientMessages namespaces={['returnFiling']}>
      <article className="space-y-4">
        <ReturnHeader page={page} />
        {page.mayReview && page.stored && latest ? (
          <Section title={t('reviewHeading')} id="review">
            <p className="mb-2 text-sm text-slate-600">{t('reviewLatest', { number: latest.number })}</p>
            <ReturnReviewForm
              returnId={page.stored.id}
              version={page.stored.version}
              sections={page.sections.map((s) => ({ id: s.id, title: sectionTitle(s, page.indicators, zh) }))}
            />
          </Section>
        ) : (
          page.stored?.status === 'ACCEPTED' && <p className="text-sm text-emerald-800">{t('frozen')}</p>
        )}
        <ReturnSubmissions page={page} />
      </article>
    </ClientMessages>
  );
}
