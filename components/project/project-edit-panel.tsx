import { useTranslations } from 'next-intl';
import { addMilestoneAction, completeMilestoneAction, editProjectDetailsAction, proposeStageAction, recordMetricAction } from '@/app/actions/projects';
import { ActionForm, Field, inputClass } from '@/components/forms/action-form';
import { Section } from '@/components/section';
import { isoDate } from '@/lib/rules/format';
import type { ProjectDetail } from '@/lib/data/projects';
import { nextStages } from '@/lib/rules/stages';

type Indicator = { code: string; nameZh: string; nameEn: string; unit: string };
type Props = {
  project: Pick<ProjectDetail, 'id' | 'stage' | 'summary' | 'scenarios' | 'milestones'>;
  version: number;
  indicators: Indicator[];
  hasPendingProposal: boolean;
  locale: string;
};

/** The institution's forms on its own project page; shown only when the actor may edit the project. */
export function ProjectEditPanel({ project, version, indicators, hasPendingProposal, locale }: Props) {
  const t = useTranslations('editPanel');
  const stageLabel = useTranslations('stage');
  const open = project.milestones.filter((m) => !m.completedAt);
  const stages = nextStages(project.stage);
  return (
    <Section title={t('heading')} id="edit">
      <p className="mb-3 text-sm text-slate-600">{t('intro')}</p>
      <div className="grid gap-6 md:grid-cols-2">
        <ActionForm action={recordMetricAction} submitLabel={t('record')} testId="metric-form">
          <h3 className="font-medium">{t('metric')}</h3>
          <input type="hidden" name="projectId" value={project.id} />
          <Field name="indicatorCode" label={t('indicator')}>
            <select name="indicatorCode" className={inputClass}>
              {indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {locale === 'zh' ? i.nameZh : i.nameEn}（{i.unit}）
                </option>
              ))}
            </select>
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field name="asOf" label={t('asOf')}>
              <input name="asOf" type="date" required className={inputClass} />
            </Field>
            <Field name="value" label={t('value')}>
              <input name="value" inputMode="decimal" required className={inputClass} />
            </Field>
            <Field name="unit" label={t('unit')}>
              <input name="unit" required className={inputClass} />
            </Field>
            <Field name="qualifier" label={t('qualifier')}>
              <select name="qualifier" className={inputClass}>
                {(['EXACT', 'ABOUT', 'OVER'] as const).map((q) => (
                  <option key={q} value={q}>
                    {t(`qualifier${q}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field name="sourceNote" label={t('sourceNote')}>
            <input name="sourceNote" required className={inputClass} />
          </Field>
          <Field name="correctionNote" label={t('correctionNote')}>
            <input name="correctionNote" className={inputClass} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="correct" /> {t('correct')}
          </label>
        </ActionForm>

        {!hasPendingProposal && stages.length > 0 && (
          <ActionForm action={proposeStageAction} submitLabel={t('propose')} testId="proposal-form">
            <h3 className="font-medium">{t('proposal')}</h3>
            <input type="hidden" name="projectId" value={project.id} />
            <input type="hidden" name="version" value={version} />
            <Field name="toStage" label={t('toStage')}>
              <select name="toStage" className={inputClass}>
                {stages.map((s) => (
                  <option key={s} value={s}>
                    {stageLabel(s)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="effectiveDate" label={t('effectiveDate')}>
              <input name="effectiveDate" type="date" required className={inputClass} />
            </Field>
            <Field name="evidenceNote" label={t('evidenceNote')}>
              <textarea name="evidenceNote" required rows={2} className={inputClass} />
            </Field>
          </ActionForm>
        )}

        <ActionForm action={editProjectDetailsAction} submitLabel={t('details')} testId="details-form">
          <h3 className="font-medium">{t('details')}</h3>
          <input type="hidden" name="projectId" value={project.id} />
          <input type="hidden" name="version" value={version} />
          <Field name="summary" label={t('summary')}>
            <textarea name="summary" rows={4} defaultValue={project.summary} className={inputClass} />
          </Field>
          <Field name="scenarios" label={t('scenarios')}>
            <textarea name="scenarios" rows={3} defaultValue={project.scenarios.join('\n')} className={inputClass} />
          </Field>
        </ActionForm>

        <div className="space-y-4">
          <ActionForm action={addMilestoneAction} submitLabel={t('add')} testId="milestone-add-form">
            <h3 className="font-medium">{t('milestoneAdd')}</h3>
            <input type="hidden" name="projectId" value={project.id} />
            <Field name="title" label={t('title')}>
              <input name="title" required className={inputClass} />
            </Field>
            <Field name="dueDate" label={t('dueDate')}>
              <input name="dueDate" type="date" required className={inputClass} />
            </Field>
          </ActionForm>
          {open.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noOpenMilestones')}</p>
          ) : (
            <ActionForm action={completeMilestoneAction} submitLabel={t('complete')} testId="milestone-complete-form">
              <h3 className="font-medium">{t('milestoneComplete')}</h3>
              <input type="hidden" name="projectId" value={project.id} />
              <Field name="milestoneId" label={t('milestone')}>
                <select name="milestoneId" className={inputClass}>
                  {open.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}（{isoDate(m.dueDate)}）
                    </option>
                  ))}
                </select>
              </Field>
              <Field name="completedAt" label={t('completedAt')}>
                <input name="completedAt" type="date" required className={inputClass} />
              </Field>
            </ActionForm>
          )}
        </div>
      </div>
    </Section>
  );
}
