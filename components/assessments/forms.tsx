import { useTranslations } from 'next-intl';
import { assignReviewerAction, confirmAssessmentAction, recordScoresAction, saveRubricAction } from '@/app/actions/assessments';
import { ActionForm, Field, FieldMessages } from '@/components/forms/action-form';
import { ListInput, ListTextArea, SelectInput, TextInput, VersionInput } from '@/components/forms/inputs';
import type { ProjectAssessment, RubricView } from '@/lib/data/assessments';

/** The scale and each dimension's weight (the schema refuses weights that do not add up to 1). */
export function RubricForm({ rubric, locale }: { rubric: RubricView; locale: string }) {
  const t = useTranslations('assessments');
  return (
    <ActionForm action={saveRubricAction} submitLabel={t('saveRubric')} testId="rubric-form">
      <input type="hidden" name="programId" value={rubric.programId} />
      <VersionInput version={rubric.version} />
      <Field name="scaleMax" label={t('scaleMax')}>
        <TextInput name="scaleMax" inputMode="numeric" initial={String(rubric.scaleMax)} className="w-24 rounded border border-slate-300 px-2 py-1" />
      </Field>
      <div className="grid gap-2 sm:grid-cols-2">
        {rubric.dimensions.map((d, i) => (
          <label key={d.id} className="flex items-center justify-between gap-2 text-sm">
            <span>{locale === 'zh' ? d.name : d.nameEn}</span>
            <input type="hidden" name="dimensionId" value={d.id} />
            <ListInput name="weight" index={i} initial={String(d.weight)} inputMode="decimal" className="w-24 rounded border border-slate-300 px-2 py-1" />
          </label>
        ))}
      </div>
      <FieldMessages name="weight" />
    </ActionForm>
  );
}

/** The actor's own scores in its round, every dimension with its evidence. */
export function ScoreForm({ view, locale }: { view: ProjectAssessment; locale: string }) {
  const t = useTranslations('assessments');
  const tr = useTranslations('assessmentRound');
  const mine = (id: number) => view.myScores.find((s) => s.dimensionId === id);
  return (
    <ActionForm action={recordScoresAction} submitLabel={t('submitScores')} testId="score-form">
      <h3 className="font-medium">{t('myScores', { round: tr(view.myRound ?? 'SELF') })}</h3>
      <input type="hidden" name="projectId" value={view.project.id} />
      <VersionInput version={view.assessment?.version ?? 1} />
      {view.rubric.dimensions.map((d, i) => (
        <fieldset key={d.id} className="grid gap-1 border-t border-slate-100 pt-2 sm:grid-cols-[10rem_6rem_1fr] sm:items-start sm:gap-3">
          <legend className="sr-only">{d.name}</legend>
          <span className="text-sm font-medium">{locale === 'zh' ? d.name : d.nameEn}</span>
          <input type="hidden" name="dimensionId" value={d.id} />
          <ListInput
            name="score"
            index={i}
            initial={mine(d.id) ? String(mine(d.id)!.score) : ''}
            inputMode="numeric"
            aria-label={`${t('score')} ${d.name}`}
            className="w-20 rounded border border-slate-300 px-2 py-1"
          />
          <ListTextArea
            name="evidence"
            index={i}
            initial={mine(d.id)?.evidence ?? ''}
            rows={2}
            aria-label={`${t('evidence')} ${d.name}`}
            placeholder={t('evidence')}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </fieldset>
      ))}
      <FieldMessages name="score" />
      <FieldMessages name="evidence" />
    </ActionForm>
  );
}

/** Confirm the assessment (freezes it), and name an expert reviewer. */
export function ManageForms({ view }: { view: ProjectAssessment }) {
  const t = useTranslations('assessments');
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {view.mayConfirm && (
        <ActionForm action={confirmAssessmentAction} submitLabel={t('confirm')} testId="confirm-form">
          <p className="text-sm text-slate-600">{t('confirmNote')}</p>
          <input type="hidden" name="projectId" value={view.project.id} />
          <VersionInput version={view.assessment?.version ?? 1} />
          <FieldMessages name="_form" />
        </ActionForm>
      )}
      {view.candidates.length > 0 && (
        <ActionForm action={assignReviewerAction} submitLabel={t('assign')} testId="reviewer-form">
          <input type="hidden" name="projectId" value={view.project.id} />
          <Field name="userId" label={t('reviewer')}>
            <SelectInput name="userId" initial={String(view.candidates[0].id)}>
              {view.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectInput>
          </Field>
        </ActionForm>
      )}
    </div>
  );
}
