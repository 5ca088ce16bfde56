import { useTranslations } from 'next-intl';
import { addMilestoneAction, completeMilestoneAction, editProjectDetailsAction, proposeStageAction } from '@/app/actions/projects';
import { ActionForm, Field } from '@/components/forms/action-form';
import { SelectInput, TextArea, TextInput, VersionInput } from '@/components/forms/inputs';
import { MetricForm } from '@/components/project/metric-form';
import { MilestoneCorrections } from '@/components/project/record-forms';
import { RetiredBadge } from '@/components/retired';
import { Section } from '@/components/section';
import { formatDay } from '@/lib/rules/time';
import type { ProjectDetail } from '@/lib/data/projects';
import { nextStages, stageName, type Lifecycle } from '@/lib/rules/stages';

type Indicator = { code: string; nameZh: string; nameEn: string; unit: string };
type Props = {
  project: Pick<ProjectDetail, 'id' | 'stageId' | 'summary' | 'scenarios' | 'milestones'>;
  lifecycle: Lifecycle;
  version: number;
  indicators: Indicator[];
  hasPendingProposal: boolean;
  locale: string;
};

/** The institution's forms on its own project page; shown only when the actor may edit the project. */
export function ProjectEditPanel({ project, lifecycle, version, indicators, hasPendingProposal, locale }: Props) {
  const t = useTranslations('editPanel');
  const open = project.milestones.filter((m) => !m.completedAt && !m.retiredAt);
  const stages = nextStages(lifecycle, project.stageId);
  return (
    <Section title={t('heading')} id="edit">
      <p className="mb-3 text-sm text-slate-600">{t('intro')}</p>
      <div className="grid gap-6 md:grid-cols-2">
        <MetricForm projectId={project.id} indicators={indicators} locale={locale} />

        {!hasPendingProposal && stages.length > 0 && (
          <ActionForm action={proposeStageAction} submitLabel={t('propose')} testId="proposal-form">
            <h3 className="font-medium">{t('proposal')}</h3>
            <input type="hidden" name="projectId" value={project.id} />
            <VersionInput version={version} />
            <Field name="toStage" label={t('toStage')}>
              <SelectInput name="toStage" initial={stages[0].code}>
                {stages.map((s) => (
                  <option key={s.code} value={s.code}>
                    {stageName(s, locale)}
                    {s.requiresApproval ? '' : ` (${t('noApproval')})`}
                  </option>
                ))}
              </SelectInput>
            </Field>
            <Field name="effectiveDate" label={t('effectiveDate')}>
              <TextInput name="effectiveDate" type="date" required />
            </Field>
            <Field name="evidenceNote" label={t('evidenceNote')}>
              <TextArea name="evidenceNote" required rows={2} />
            </Field>
          </ActionForm>
        )}

        <ActionForm action={editProjectDetailsAction} submitLabel={t('saveDetails')} testId="details-form">
          <h3 className="font-medium">{t('details')}</h3>
          <input type="hidden" name="projectId" value={project.id} />
          <VersionInput version={version} />
          <Field name="summary" label={t('summary')}>
            <TextArea name="summary" rows={4} initial={project.summary} />
          </Field>
          <Field name="scenarios" label={t('scenarios')}>
            <TextArea name="scenarios" rows={3} initial={project.scenarios.join('\n')} />
          </Field>
        </ActionForm>

        <div className="space-y-4">
          <ActionForm action={addMilestoneAction} submitLabel={t('add')} testId="milestone-add-form">
            <h3 className="font-medium">{t('milestoneAdd')}</h3>
            <input type="hidden" name="projectId" value={project.id} />
            <Field name="title" label={t('title')}>
              <TextInput name="title" required />
            </Field>
            <Field name="dueDate" label={t('dueDate')}>
              <TextInput name="dueDate" type="date" required />
            </Field>
          </ActionForm>
          {open.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noOpenMilestones')}</p>
          ) : (
            <ActionForm action={completeMilestoneAction} submitLabel={t('complete')} testId="milestone-complete-form">
              <h3 className="font-medium">{t('milestoneComplete')}</h3>
              <input type="hidden" name="projectId" value={project.id} />
              <Field name="milestoneId" label={t('milestone')}>
                <SelectInput name="milestoneId" initial={String(open[0].id)}>
                  {open.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title}（{formatDay(m.dueDate)}）
                    </option>
                  ))}
                </SelectInput>
              </Field>
              <Field name="completedAt" label={t('completedAt')}>
                <TextInput name="completedAt" type="date" required />
              </Field>
            </ActionForm>
          )}
          {project.milestones.length > 0 && (
            <div data-testid="milestone-corrections">
              <h3 className="font-medium">{t('milestonesCorrect')}</h3>
              <ul className="space-y-1 text-sm">
                {project.milestones.map((m) => (
                  <li key={m.id} data-milestone-id={m.id}>
                    {m.title}（{formatDay(m.dueDate)}）{m.retiredAt && <RetiredBadge />}
                    <MilestoneCorrections projectId={project.id} milestone={m} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </Section>
  );
}
