import { useTranslations } from 'next-intl';
import { createUserAction, updateUserAction } from '@/app/actions/users';
import { ActionForm, Field, inputClass } from '@/components/forms/action-form';
import { Role } from '@/lib/generated/prisma/enums';
import type { UserRow } from '@/lib/data/users';

type Institution = { id: number; name: string };

function RoleAndInstitution({ institutions, role, institutionId }: { institutions: Institution[]; role?: string; institutionId?: number | null }) {
  const t = useTranslations();
  return (
    <>
      <Field name="role" label={t('users.role')}>
        <select name="role" defaultValue={role ?? 'LEADER'} className={inputClass}>
          {Object.values(Role).map((r) => (
            <option key={r} value={r}>
              {t(`userRole.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="institutionId" label={t('users.institution')}>
        <select name="institutionId" defaultValue={institutionId ?? ''} className={inputClass}>
          <option value="">{t('users.none')}</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

export function CreateUserForm({ institutions }: { institutions: Institution[] }) {
  const t = useTranslations('users');
  return (
    <ActionForm action={createUserAction} submitLabel={t('add')} testId="user-create-form" className="grid gap-2 md:grid-cols-3">
      <Field name="email" label={t('email')}>
        <input name="email" type="email" required className={inputClass} />
      </Field>
      <Field name="name" label={t('name')}>
        <input name="name" required className={inputClass} />
      </Field>
      <Field name="password" label={t('password')}>
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={inputClass} />
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
        <input type="checkbox" name="disabled" defaultChecked={user.disabled} /> {t('disabled')}
      </label>
    </ActionForm>
  );
}
