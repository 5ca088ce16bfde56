import { useTranslations } from 'next-intl';
import { changePasswordAction, renameSelfAction } from '@/app/actions/account';
import { ActionForm, Field } from '@/components/forms/action-form';
import { PasswordInput, TextInput, VersionInput } from '@/components/forms/inputs';
import { PASSWORD_MIN_LENGTH } from '@/lib/rules/passwords';

/** The user's own display name, at the version the page read. */
export function RenameSelfForm({ name, version }: { name: string; version: number }) {
  const t = useTranslations('account');
  return (
    <ActionForm action={renameSelfAction} submitLabel={t('saveName')} testId="rename-self-form" subject="user" className="flex flex-wrap items-end gap-2">
      <VersionInput version={version} />
      <Field name="name" label={t('displayName')}>
        <TextInput name="name" initial={name} required maxLength={100} />
      </Field>
    </ActionForm>
  );
}

/** Current password, new password twice; the rules are the server's (lib/rules/passwords.ts), named beside the field. */
export function ChangePasswordForm() {
  const t = useTranslations('account');
  return (
    <ActionForm action={changePasswordAction} submitLabel={t('changePassword')} testId="password-form" subject="password" className="max-w-md space-y-2">
      <Field name="currentPassword" label={t('currentPassword')}>
        <PasswordInput name="currentPassword" required autoComplete="current-password" />
      </Field>
      <Field name="newPassword" label={t('newPassword')}>
        <PasswordInput name="newPassword" note={false} required minLength={PASSWORD_MIN_LENGTH} autoComplete="new-password" />
      </Field>
      <p className="text-xs text-slate-600">{t('passwordRules', { min: PASSWORD_MIN_LENGTH })}</p>
      <Field name="confirmPassword" label={t('confirmPassword')}>
        <PasswordInput name="confirmPassword" note={false} required autoComplete="new-password" />
      </Field>
    </ActionForm>
  );
}
