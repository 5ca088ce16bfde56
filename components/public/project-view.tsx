import Link from 'next/link';
import type { Locale } from '@/lib/i18n/config';
import type { Translate } from '@/lib/i18n/translator';
import type { PublicProject } from '@/lib/data/public-register';
import { publicPath } from '@/lib/rules/public-paths';
import { STATEMENT_SECTIONS } from '@/lib/rules/statement';
import { FeedbackForm } from './feedback-form';
import { StageDate } from './stage-date';

type Props = { project: PublicProject; locale: Locale; t: Translate };
const named = (en: boolean) => (x: { name: string; nameEn: string }) => (en ? x.nameEn : x.name);

/** A listed project's public page: what the record states, its stage history, published figures and, for an application, its notice. */
export function PublicProjectView({ project: p, locale, t }: Props) {
  const name = named(locale === 'en');
  const label = (locale === 'en' ? p.program.directionLabelEn : p.program.directionLabel) ?? (locale === 'en' ? 'Direction' : '方向');
  return (
    <article className="space-y-6" data-project={p.code}>
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={publicPath(locale)} className="text-red-800 underline">
            {t('public.backToRegister')}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{p.name}</h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{name(p.program)}</dt>
          <dd>{p.code}</dd>
          <dt className="text-slate-600">{t('public.institutions')}</dt>
          <dd>{p.institutions.map((i) => `${i.name}（${t(`role.${i.role}`)}）`).join(locale === 'en' ? '; ' : '；')}</dd>
          <dt className="text-slate-600">{t('public.placement', { label })}</dt>
          <dd>
            {p.direction ? name(p.direction) : t('public.notStated')}
            {p.field && ` / ${name(p.field)}`}
          </dd>
          <dt className="text-slate-600">{t('public.stage')}</dt>
          <dd>
            {name(p.stage)}
            {p.since && (
              <>
                {' · '}
                <StageDate change={p.since} t={t} />
              </>
            )}
          </dd>
        </dl>
      </header>
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-lg font-semibold">
          {t('public.history')}
        </h2>
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {p.history.map((c, i) => (
            <li key={i}>
              {name(c.stage)} · <StageDate change={c} t={t} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="figures" className="space-y-2">
        <h2 id="figures" className="text-lg font-semibold">
          {t('public.projectFigures')}
        </h2>
        {p.figures.length === 0 ? (
          <p className="text-sm text-slate-700">{t('public.noFigures')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {p.figures.map((f, i) => (
              <li key={i}>
                {locale === 'en' ? f.indicator.nameEn : f.indicator.nameZh}: {f.value} {f.indicator.unit} ({f.asOf}) —{' '}
                {t('public.figureSource', { source: f.sourceNote })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {p.notice && <NoticeSection project={p} t={t} />}
    </article>
  );
}

function NoticeSection({ project: p, t }: Omit<Props, 'locale'>) {
  const notice = p.notice!;
  return (
    <section aria-labelledby="notice" className="space-y-3" data-testid="notice">
      <h2 id="notice" className="text-lg font-semibold">
        {t('public.notice')}
      </h2>
      <p className="text-sm">
        {notice.open
          ? t('public.noticeOpen', { from: notice.from })
          : notice.until
            ? t('public.noticeClosed', { from: notice.from, until: notice.until })
            : t('public.noticeEndUnknown', { from: notice.from })}
      </p>
      <h3 className="font-semibold">{t('public.statement')}</h3>
      {notice.statement && Object.keys(notice.statement).length > 0 ? (
        <dl className="space-y-2 text-sm" data-testid="statement">
          {STATEMENT_SECTIONS.filter((k) => notice.statement?.[k]).map((k) => (
            <div key={k}>
              <dt className="font-medium">{t(`dossier.section.${k}`)}</dt>
              <dd className="whitespace-pre-line text-slate-800">{notice.statement?.[k]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-slate-700">{t('public.noStatement')}</p>
      )}
      <h3 className="font-semibold">{t('public.complaintChannel')}</h3>
      <p className="text-sm">{notice.open ? t('public.complaintText') : t('public.complaintClosed')}</p>
      {notice.feedback.length > 0 && (
        <>
          <h3 className="font-semibold">{t('public.publishedFeedback')}</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="published-feedback">
            {notice.feedback.map((f, i) => (
              <li key={i}>
                {t(`feedback.category.${f.category}`)} · {f.date}: <span className="whitespace-pre-line">{f.summary}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {notice.open && <FeedbackForm projectCode={p.code} labels={feedbackLabels(t)} />}
    </section>
  );
}

function feedbackLabels(t: Translate) {
  const keys = [
    'heading',
    'intro',
    'category',
    'body',
    'contact',
    'honeypot',
    'submit',
    'sending',
    'sent',
    'throttled',
    'failed',
    'closed',
    'unavailable',
  ] as const;
  return {
    ...(Object.fromEntries(keys.map((k) => [k, t(`public.form.${k}`)])) as Record<(typeof keys)[number], string>),
    categories: { COMMENT: t('feedback.category.COMMENT'), COMPLAINT: t('feedback.category.COMPLAINT') },
    errors: Object.fromEntries(['required', 'tooLong', 'invalid', 'controlCharacters', 'markup'].map((k) => [k, t(`formErrors.${k}`)])),
  };
}
export type FeedbackLabels = ReturnType<typeof feedbackLabels>;
