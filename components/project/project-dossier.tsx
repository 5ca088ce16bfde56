import { FrozenAssessment } from '@/components/assessments/frozen-assessment';
import { getLocale, getTranslations } from 'next-intl/server';
import { editStatementAction } from '@/app/actions/projects';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextArea, VersionInput } from '@/components/forms/inputs';
import { Section } from '@/components/section';
import { getStatementDraft, listDossiers, type DossierRow } from '@/lib/data/dossiers';
import type { Actor } from '@/lib/rules/authz';
import { beijingDay, formatDay } from '@/lib/rules/time';
import { STATEMENT_SECTIONS, stateChanges, statementChanges } from '@/lib/rules/statement';
import { stageName } from '@/lib/rules/stages';

/**
 * A sandbox application's public statement (声明书): the draft as its lead
 * institution edits it while applying, and every version frozen by a stage
 * approval, with what changed from the version before.
 */
export async function ProjectDossier({ actor, projectId }: { actor: Actor; projectId: number }) {
  const [draft, dossiers, t, locale] = await Promise.all([
    getStatementDraft({ actor, projectId }),
    listDossiers({ actor, projectId }),
    getTranslations('dossier'),
    getLocale(),
  ]);
  if (!draft) return null;
  const filled = STATEMENT_SECTIONS.filter((k) => draft.statement[k]);
  return (
    <Section title={t('heading')} id="dossier">
      {draft.editable ? (
        <ActionForm action={editStatementAction} submitLabel={t('save')} testId="statement-form">
          <p className="text-sm text-slate-600">{t('editIntro')}</p>
          <input type="hidden" name="projectId" value={projectId} />
          <VersionInput version={draft.version} />
          {STATEMENT_SECTIONS.map((k) => (
            <Field key={k} name={k} label={t(`section.${k}`)}>
              <TextArea name={k} rows={3} initial={draft.statement[k] ?? ''} />
            </Field>
          ))}
        </ActionForm>
      ) : filled.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="statement-empty">
          {t('notPublic')}
        </p>
      ) : (
        <dl className="space-y-2 text-sm" data-testid="statement">
          {filled.map((k) => (
            <div key={k}>
              <dt className="font-medium text-slate-700">{t(`section.${k}`)}</dt>
              <dd className="whitespace-pre-line">{draft.statement[k]}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="mb-2 mt-4 text-sm font-semibold text-slate-800">{t('versions')}</h3>
      {dossiers.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noVersions')}</p>
      ) : (
        <ol className="space-y-3 text-sm" data-testid="dossiers">
          {dossiers.map((d, i) => (
            <li key={d.id} className="border-l-2 border-slate-300 pl-3" data-dossier={d.number}>
              <p className="font-medium">
                {t('version', {
                  number: d.number,
                  stage: stageName(d.stage, locale),
                  // The stage's own date, a calendar day; else the day (in Beijing) the approval was made.
                  date: d.stageChange ? formatDay(d.stageChange.effectiveDate) : beijingDay(d.approvedAt),
                  by: d.approvedBy?.name ?? t('bySystem'),
                })}
              </p>
              <Changes dossier={d} previous={dossiers[i + 1]} t={t} />
              {d.assessment && <FrozenAssessment result={d.assessment} locale={locale} />}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'dossier'>>>;

/** What a frozen version changed from the one before it; the first version freezes the whole. */
function Changes({ dossier, previous, t }: { dossier: DossierRow; previous?: DossierRow; t: T }) {
  if (!previous) return <p className="text-xs text-slate-600">{t('first')}</p>;
  const sections = statementChanges(previous.statement ?? {}, dossier.statement ?? {});
  const facts = stateChanges(previous.state, dossier.state).filter((c) => c.key !== 'stage');
  if (sections.length + facts.length === 0) return <p className="text-xs text-slate-600">{t('unchanged')}</p>;
  return (
    <ul className="mt-1 space-y-1 text-xs" data-testid="dossier-changes">
      {sections.map((c) => (
        <li key={c.section}>
          <span className="font-medium">{t(`section.${c.section}`)}：</span>
          <del className="text-red-800">{c.before || t('empty')}</del> → <ins className="text-emerald-800 no-underline">{c.after || t('empty')}</ins>
        </li>
      ))}
      {facts.map((c) => (
        <li key={c.key}>
          <span className="font-medium">{t(`fact.${c.key}`)}：</span>
          <del className="text-red-800">{c.before || t('empty')}</del> → <ins className="text-emerald-800 no-underline">{c.after || t('empty')}</ins>
        </li>
      ))}
    </ul>
  );
}
