import { useLocale, useTranslations } from 'next-intl';
import type { ReturnPage } from '@/lib/data/returns';
import { changedSections } from '@/lib/rules/return-answers';
import { formatMoment } from '@/lib/rules/time';
import { Section } from '@/components/section';
import { AnswerView, sectionTitle } from './answer-view';

type Submission = NonNullable<ReturnPage['stored']>['submissions'][number];

/** Every submission of a return, latest first, each readable whole, its changes from the one before marked, with the review it received. */
export function ReturnSubmissions({ page }: { page: ReturnPage }) {
  const t = useTranslations('returnFiling');
  const submissions = page.stored?.submissions ?? [];
  return (
    <Section title={t('history')} id="submissions">
      {submissions.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noSubmissions')}</p>
      ) : (
        <ol className="space-y-3" data-testid="return-submissions">
          {[...submissions].reverse().map((s) => (
            <SubmissionItem
              key={s.number}
              page={page}
              submission={s}
              previous={submissions.find((p) => p.number === s.number - 1)}
              open={s === submissions.at(-1)}
            />
          ))}
        </ol>
      )}
    </Section>
  );
}

function SubmissionItem({ page, submission: s, previous, open }: { page: ReturnPage; submission: Submission; previous?: Submission; open: boolean }) {
  const t = useTranslations('returnFiling');
  const zh = useLocale() === 'zh';
  const changed = new Set(previous ? changedSections(page.sections, previous.answers, s.answers) : []);
  return (
    <li className="rounded border border-slate-200 text-sm" data-submission={s.number} data-decision={s.decision ?? ''}>
      <details open={open}>
        <summary className="cursor-pointer p-2">
          <span className="font-medium">{t('submissionN', { number: s.number })}</span>
          <span className="ml-2 text-slate-600">{t('submittedBy', { name: s.submittedBy.name, time: formatMoment(s.submittedAt) })}</span>
          <span className="ml-2">{s.decision ? t(`decision.${s.decision}`) : t('awaitingReview')}</span>
        </summary>
        <div className="space-y-2 border-t border-slate-200 p-2">
          {s.decision && (
            <p className="text-slate-700" data-testid="review-note">
              {t('reviewedBy', { name: s.reviewedBy?.name ?? '—', time: s.reviewedAt ? formatMoment(s.reviewedAt) : '—' })}
              {s.reviewNote && `：${s.reviewNote}`}
            </p>
          )}
          <dl className="space-y-2">
            {page.sections.map((section) => (
              <div
                key={section.id}
                data-section={section.id}
                data-changed={changed.has(section.id) ? 'true' : 'false'}
                className={changed.has(section.id) ? 'border-l-4 border-amber-400 pl-2' : 'pl-3'}
              >
                <dt className="font-medium text-slate-800">
                  {sectionTitle(section, page.indicators, zh)}
                  {changed.has(section.id) && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t('changed')}</span>}
                </dt>
                <dd>
                  <AnswerView section={section} answer={s.answers[section.id]} unit={unitOf(page, section)} />
                  {changed.has(section.id) && previous && (
                    <div className="mt-1 text-xs text-slate-500" data-testid="previous-answer">
                      {t('previous')}：<AnswerView section={section} answer={previous.answers[section.id]} unit={unitOf(page, section)} />
                    </div>
                  )}
                  {s.sectionComments[section.id] && (
                    <p className="mt-1 text-xs text-orange-900" data-testid="section-comment">
                      {t('sectionComment')}：{s.sectionComments[section.id]}
                    </p>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
    </li>
  );
}

export const unitOf = (page: ReturnPage, section: ReturnPage['sections'][number]) =>
  section.kind === 'INDICATOR' ? (page.indicators[section.indicatorCode]?.unit ?? '') : '';
