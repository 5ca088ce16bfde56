import { useTranslations } from 'next-intl';
import { createUserAction, updateUserAction } from '@/app/actions/users';
import { ActionForm, Field } from '@/components/forms/action-form';
import { CheckboxInput, PasswordInput, SelectInput, TextInput } from '@/components/forms/inputs';
import { Role } from '@/lib/generated/prisma/enums';
import type { UserRow } from '@/lib/data/users';

type Institution = { id: number; name: string };

function RoleAndInstitution({ institutions, role, institutionId }: { institutions: Institution[]; role?: string; institutionId?: number | null }) {
  const t = useTranslations();
  return (
    <>
      <Field name="role" label={t('users.role')}>
        <SelectInput name="role" initial={role ?? 'LEADER'}>
          {Object.values(Role).map((r) => (
            <option key={r} value={r}>
              {t(`userRole.${r}`)}
            </option>
          ))}
        </SelectInput>
      </Field>
      <Field name="institutionId" label={t('users.institution')}>
        <SelectInput name="institutionId" initial={institutionId ? String(institutionId) : ''}>
          <option value="">{t('users.none')}</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectInput>
      </Field>
    </>
  );
}

export function CreateUserForm({ institutions }: { institutions: Institution[] }) {
  const t = useTranslations('users');
  return (
    <ActionForm action={createUserAction} submitLabel={t('add')} testId="user-create-form" className="grid gap-2 md:grid-cols-3">
      <Field name="email" label={t('email')}>
        <TextInput name="email" type="email" required />
      </Field>
      <Field name="name" label={t('name')}>
        <TextInput name="name" required />
      </Field>
      <Field name="password" label={t('password')}>
        <PasswordInput name="password" required minLength={12} autoComplete="new-password" />
      </Field>
      <RoleAndInstitution institutions={institutions} />
    </ActionForm>
  );
}

export function UpdateUserForm({ user, institutions }: { user: UserRow; institutions: Institution[] }) {
  const t = useTranslations('users');
  return (
    <ActionForm action={updateUserAction} submitLabel={t('save')} testId={`user-update-${user.id}`} className="grid items-end gap-2 md:grid-cols-4">
      <input type="hidden" name="userId" value={user.id} />
      <RoleAndInstitution institutions={institutions} role={user.role} institutionId={user.institutionId} />
      <label className="flex items-center gap-2 text-sm">
        <CheckboxInput name="disabled" initial={user.disabled} /> {t('disabled')}
      </label>
    </ActionForm>
  );
}
