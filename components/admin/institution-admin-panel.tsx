import { useTranslations } from 'next-intl';
import { editInstitutionAction, setInstitutionRetiredAction } from '@/app/actions/corrections';
import { ActionForm, Field } from '@/components/forms/action-form';
import { SelectInput, TextArea, TextInput, VersionInput } from '@/components/forms/inputs';
import { RetireButton } from '@/components/retired';
import { Section } from '@/components/section';
import { InstitutionKind } from '@/lib/generated/prisma/enums';
import type { InstitutionDetail } from '@/lib/data/institutions';

/** An administrator's corrections of an institution, and retiring or restoring it. */
export function InstitutionAdminPanel({ institution, version }: { institution: InstitutionDetail; version: number }) {
  const t = useTranslations();
  const licensed = institution.licensed === null ? '' : institution.licensed ? 'yes' : 'no';
  return (
    <Section title={t('institutionAdmin.heading')} id="correct">
      <p className="mb-3 text-sm text-slate-600">{t('institutionAdmin.intro')}</p>
      <ActionForm action={editInstitutionAction} submitLabel={t('institutionAdmin.save')} testId="institution-edit-form" className="grid gap-3 md:grid-cols-2">
        <input type="hidden" name="institutionId" value={institution.id} />
        <VersionInput version={version} />
        <Field name="name" label={t('institutionAdmin.name')}>
          <TextInput name="name" required initial={institution.name} />
        </Field>
        <Field name="kind" label={t('institutionAdmin.kind')}>
          <SelectInput name="kind" initial={institution.kind ?? ''}>
            <option value="">{t('breakdown.undisclosedLabel')}</option>
            {Object.values(InstitutionKind).map((k) => (
              <option key={k} value={k}>
                {t(`institutionKind.${k}`)}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field name="licensed" label={t('institutionAdmin.licensed')}>
          <SelectInput name="licensed" initial={licensed}>
            <option value="">{t('project.licensedUnknown')}</option>
            <option value="yes">{t('project.licensedYes')}</option>
            <option value="no">{t('project.licensedNo')}</option>
          </SelectInput>
        </Field>
        <Field name="sourceNote" label={t('institutionAdmin.sourceNote')}>
          <TextArea name="sourceNote" rows={2} initial={institution.sourceNote ?? ''} />
        </Field>
      </ActionForm>
      <div className="mt-4 border-t border-slate-100 pt-3">
        <p className="mb-2 text-sm text-slate-600">{t(institution.retiredAt ? 'institutionAdmin.restoreIntro' : 'institutionAdmin.retireIntro')}</p>
        <RetireButton
          action={setInstitutionRetiredAction}
          ids={{ institutionId: institution.id }}
          version={version}
          retired={institution.retiredAt !== null}
          testId="institution-retire"
        />
      </div>
    </Section>
  );
}
