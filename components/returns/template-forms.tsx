import { useLocale, useTranslations } from 'next-intl';
import { createReturnScheduleAction, createReturnTemplateAction, editReturnScheduleAction, editReturnTemplateAction } from '@/app/actions/return-templates';
import { ActionForm, Field, FieldMessages } from '@/components/forms/action-form';
import { MultiSelect, SelectInput, TextInput, VersionInput } from '@/components/forms/inputs';
import { SectionsEditor } from '@/components/returns/sections-editor';
import type { ReturnIndicator } from '@/lib/data/return-templates';
import type { ReturnSection } from '@/lib/schemas/returns';
import { RETURN_FREQUENCIES } from '@/lib/rules/returns';
import { formatDay } from '@/lib/rules/time';

type Stage = { code: string; name: string; nameEn: string };

const EXAMPLE: ReturnSection[] = [
  { id: 'operations', kind: 'TEXT', label: '本期运行情况', labelEn: 'Operations this period', required: true, maxLength: 2000 },
  { id: 'users', kind: 'INDICATOR', indicatorCode: 'USERS', required: true },
  { id: 'risk', kind: 'RISK_CHECK', label: '本期是否发生风险事件', labelEn: 'Did a risk incident occur' },
  { id: 'complaints', kind: 'COMPLAINTS', label: '投诉受理与办结', labelEn: 'Complaints received and resolved' },
  { id: 'attachments', kind: 'ATTACHMENTS', label: '随附材料说明', labelEn: 'Attachments sent separately', required: false },
];

function SectionsField({ initial, indicators }: { initial: ReturnSection[]; indicators: ReturnIndicator[] }) {
  const t = useTranslations('returnTemplates');
  return (
    <fieldset className="text-sm">
      <legend className="text-slate-700">{t('sections')}</legend>
      <SectionsEditor initial={initial} indicators={indicators} />
      <FieldMessages name="sections" />
      <span className="block text-xs text-slate-500">{t('sectionsHelp')}</span>
    </fieldset>
  );
}

export function TemplateCreateForm({ programs, indicators }: { programs: { id: number; name: string; nameEn: string }[]; indicators: ReturnIndicator[] }) {
  const t = useTranslations('returnTemplates');
  const zh = useLocale() === 'zh';
  return (
    <ActionForm action={createReturnTemplateAction} submitLabel={t('create')} testId="template-create">
      <div className="grid gap-2 sm:grid-cols-2">
        <Field name="programId" label={t('program')}>
          <SelectInput name="programId" initial={String(programs[0]?.id ?? '')}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {zh ? p.name : p.nameEn}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field name="code" label={t('code')}>
          <TextInput name="code" required placeholder="QUARTERLY" />
        </Field>
        <Field name="name" label={t('name')}>
          <TextInput name="name" required />
        </Field>
        <Field name="nameEn" label={t('nameEn')}>
          <TextInput name="nameEn" required />
        </Field>
      </div>
      <SectionsField initial={EXAMPLE} indicators={indicators} />
    </ActionForm>
  );
}

export function TemplateEditForm(props: {
  template: { id: number; version: number; name: string; nameEn: string; sections: ReturnSection[] };
  indicators: ReturnIndicator[];
}) {
  const { template } = props;
  const t = useTranslations('returnTemplates');
  return (
    <ActionForm action={editReturnTemplateAction} submitLabel={t('save')} testId="template-edit">
      <input type="hidden" name="templateId" value={template.id} />
      <VersionInput version={template.version} />
      <div className="grid gap-2 sm:grid-cols-2">
        <Field name="name" label={t('name')}>
          <TextInput name="name" required initial={template.name} />
        </Field>
        <Field name="nameEn" label={t('nameEn')}>
          <TextInput name="nameEn" required initial={template.nameEn} />
        </Field>
      </div>
      <SectionsField initial={template.sections} indicators={props.indicators} />
      <p className="text-xs text-slate-600">{t('newVersionNote')}</p>
    </ActionForm>
  );
}

type Schedule = { id: number; version: number; stageCodes: string[]; frequency: string; dueDays: number; startsOn: Date; endsOn: Date | null };

/** Adds a schedule to a template (no `schedule`) or changes one. */
export function ScheduleForm(props: { templateId: number; stages: Stage[]; schedule?: Schedule }) {
  const t = useTranslations('returnTemplates');
  const tf = useTranslations('returnFrequency');
  const zh = useLocale() === 'zh';
  const s = props.schedule;
  const testId = s ? `schedule-edit-${s.id}` : 'schedule-create';
  return (
    <ActionForm action={s ? editReturnScheduleAction : createReturnScheduleAction} submitLabel={s ? t('save') : t('addSchedule')} testId={testId}>
      {s ? (
        <>
          <input type="hidden" name="scheduleId" value={s.id} />
          <VersionInput version={s.version} />
        </>
      ) : (
        <input type="hidden" name="templateId" value={props.templateId} />
      )}
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        <Field name="stageCodes" label={t('stages')}>
          <MultiSelect name="stageCodes" initial={s?.stageCodes ?? []} size={Math.min(6, props.stages.length)}>
            {props.stages.map((st) => (
              <option key={st.code} value={st.code}>
                {zh ? st.name : st.nameEn}
              </option>
            ))}
          </MultiSelect>
        </Field>
        <Field name="frequency" label={t('frequency')}>
          <SelectInput name="frequency" initial={s?.frequency ?? 'QUARTERLY'}>
            {RETURN_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {tf(f)}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field name="dueDays" label={t('dueDays')}>
          <TextInput name="dueDays" inputMode="numeric" required initial={String(s?.dueDays ?? 15)} />
        </Field>
        <Field name="startsOn" label={t('startsOn')}>
          <TextInput name="startsOn" type="date" required initial={s ? formatDay(s.startsOn) : ''} />
        </Field>
        <Field name="endsOn" label={t('endsOn')}>
          <TextInput name="endsOn" type="date" initial={s?.endsOn ? formatDay(s.endsOn) : ''} />
        </Field>
      </div>
    </ActionForm>
  );
}
