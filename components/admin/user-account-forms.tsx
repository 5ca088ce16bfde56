import { useTranslations } from 'next-intl';
import { resetPasswordAction, updateUserDetailsAction } from '@/app/actions/users';
import { ActionForm, Field, FieldMessages } from '@/components/forms/action-form';
import { TextInput, VersionInput } from '@/components/forms/inputs';
import type { UserRow } from '@/lib/data/users';
import { TemporaryPassword } from './temporary-password';

/** A user's name and email, at the version the page read. */
export function UserDetailsForm({ user }: { user: UserRow }) {
  const t = useTranslations('users');
  return (
    <ActionForm
      action={updateUserDetailsAction}
      submitLabel={t('saveDetails')}
      testId={`user-details-${user.id}`}
      subject="user"
      className="grid items-end gap-2 md:grid-cols-3"
    >
      <input type="hidden" name="userId" value={user.id} />
      <VersionInput version={user.version} />
      <Field name="name" label={t('name')}>
        <TextInput name="name" initial={user.name} required maxLength={100} />
      </Field>
      <Field name="email" label={t('email')}>
        <TextInput name="email" type="email" initial={user.email} required />
      </Field>
    </ActionForm>
  );
}

/** Resets the password to a generated one, shown once; the user must change it at the next sign-in. */
export function ResetPasswordForm({ user }: { user: UserRow }) {
  const t = useTranslations('users');
  return (
    <ActionForm action={resetPasswordAction} submitLabel={t('resetPassword')} testId={`user-reset-${user.id}`} subject="user" className="space-y-1">
      <input type="hidden" name="userId" value={user.id} />
      <FieldMessages name="userId" />
      <TemporaryPassword label={t('temporaryPassword')} note={t('temporaryPasswordNote')} />
    </ActionForm>
  );
}
