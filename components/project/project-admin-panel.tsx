import { useLocale, useTranslations } from 'next-intl';
import { editProjectAction, setProjectRetiredAction } from '@/app/actions/corrections';
import { ActionForm, Field, FieldMessages } from '@/components/forms/action-form';
import { CheckboxInput, CheckboxList, MultiSelect, SelectInput, TextArea, TextInput, VersionInput } from '@/components/forms/inputs';
import { RetireButton } from '@/components/retired';
import { Section } from '@/components/section';
import type { ProjectEditor } from '@/lib/data/project-admin';
import type { ProjectDetail } from '@/lib/data/projects';

type Props = { project: ProjectDetail; editor: ProjectEditor };

/**
 * An administrator's corrections of a project (everything but the stage, which
 * moves only through stage proposals), and retiring or restoring it.
 */
export function ProjectAdminPanel({ project, editor }: Props) {
  const t = useTranslations('correct');
  const zh = useLocale() === 'zh';
  const lead = project.institutions.find((i) => i.role === 'LEAD')?.institution.id;
  const participants = project.institutions.filter((i) => i.role === 'PARTICIPANT').map((i) => String(i.institution.id));
  const linked = new Set(project.technologies.map((x) => x.technology.name));
  const choice = (name: string, retired: Date | null) => (retired ? `${name}（${t('retired')}）` : name);
  return (
    <Section title={t('heading')} id="correct">
      <p className="mb-3 text-sm text-slate-600">{t('intro')}</p>
      <ActionForm action={editProjectAction} submitLabel={t('save')} testId="project-edit-form" className="grid gap-3 md:grid-cols-2">
        <input type="hidden" name="projectId" value={project.id} />
        <VersionInput version={editor.version} />
        <Field name="name" label={t('name')}>
          <TextInput name="name" required initial={project.name} />
        </Field>
        <Field name="scenarios" label={t('scenarios')}>
          <TextArea name="scenarios" rows={2} initial={project.scenarios.join('\n')} />
        </Field>
        <div className="md:col-span-2">
          <Field name="summary" label={t('summary')}>
            <TextArea name="summary" rows={3} initial={project.summary} />
          </Field>
        </div>
        <fieldset className="space-y-1 rounded border border-slate-200 p-2">
          <Field name="directionId" label={t('direction')}>
            <SelectInput name="directionId" initial={project.direction ? String(editor.directions.find((d) => d.code === project.direction?.code)?.id) : ''}>
              <option value="">{t('undisclosed')}</option>
              {editor.directions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.code} {zh ? d.name : d.nameEn}
                </option>
              ))}
            </SelectInput>
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <CheckboxInput name="directionInferred" initial={project.directionInferred} /> {t('inferred')}
          </label>
          <Field name="directionNote" label={t('inferredNote')}>
            <TextInput name="directionNote" initial={project.directionNote ?? ''} />
          </Field>
        </fieldset>
        <fieldset className="space-y-1 rounded border border-slate-200 p-2">
          <Field name="fieldId" label={t('field')}>
            <SelectInput name="fieldId" initial={project.field ? String(fieldIdOf(editor, project.field.code, project.direction?.code)) : ''}>
              <option value="">{t('undisclosed')}</option>
              {editor.directions.map((d) => (
                <optgroup key={d.id} label={`${d.code} ${zh ? d.name : d.nameEn}`}>
                  {d.fields.map((f) => (
                    <option key={f.id} value={f.id}>
                      {zh ? f.name : f.nameEn}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectInput>
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <CheckboxInput name="fieldInferred" initial={project.fieldInferred} /> {t('inferred')}
          </label>
          <Field name="fieldNote" label={t('inferredNote')}>
            <TextInput name="fieldNote" initial={project.fieldNote ?? ''} />
          </Field>
        </fieldset>
        <Field name="leadId" label={t('lead')}>
          <SelectInput name="leadId" initial={lead ? String(lead) : ''}>
            {editor.institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {choice(i.name, i.retiredAt)}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field name="participantIds" label={t('participants')}>
          <MultiSelect name="participantIds" initial={participants} size={6}>
            {editor.institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {choice(i.name, i.retiredAt)}
              </option>
            ))}
          </MultiSelect>
          <span className="block text-xs text-slate-500">{t('participantsHint')}</span>
        </Field>
        <fieldset className="md:col-span-2">
          <legend className="text-sm text-slate-700">{t('technologies')}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {editor.technologies.map((x) => (
              <label key={x.id} className="flex items-center gap-1 text-sm">
                <CheckboxList name="technologyIds" value={String(x.id)} initial={linked.has(x.name)} /> {choice(zh ? x.name : x.nameEn, x.retiredAt)}
              </label>
            ))}
          </div>
          <FieldMessages name="technologyIds" />
        </fieldset>
      </ActionForm>
      <div className="mt-4 border-t border-slate-100 pt-3">
        <h3 className="font-medium">{project.retiredAt ? t('restoreHeading') : t('retireHeading')}</h3>
        <p className="mb-2 text-sm text-slate-600">{project.retiredAt ? t('restoreIntro') : t('retireIntro')}</p>
        <RetireButton
          action={setProjectRetiredAction}
          ids={{ projectId: project.id }}
          version={editor.version}
          retired={project.retiredAt !== null}
          testId="project-retire"
        />
      </div>
    </Section>
  );
}

const fieldIdOf = (editor: ProjectEditor, code: string, direction?: string) =>
  editor.directions.flatMap((d) => d.fields.map((f) => ({ ...f, direction: d.code }))).find((f) => f.code === code && (!direction || f.direction === direction))
    ?.id ?? '';
