import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm, UserDetailsForm } from '@/components/admin/user-account-forms';
import { CreateUserForm, UpdateUserForm } from '@/components/admin/user-forms';
import { Section } from '@/components/section';
import { can } from '@/lib/rules/authz';
import { formatMoment } from '@/lib/rules/time';
import { requireActor } from '@/lib/server/session';
import { listInstitutionChoices, listUsers } from '@/lib/data/users';

export const metadata = { title: '用户管理' };

/** Admins create users, edit their name and email, change their role or institution, disable them and reset passwords. */
export default async function UsersPage() {
  const actor = await requireActor();
  if (!can(actor, 'user:manage')) notFound();
  const [users, institutions, t] = await Promise.all([listUsers({ actor }), listInstitutionChoices({ actor }), getTranslations()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('users.heading')}</h1>
      <Section title={t('users.create')}>
        <CreateUserForm institutions={institutions} />
      </Section>
      <ul className="space-y-3">
        {users.map((u) => (
          <li key={u.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-user={u.email}>
            <p className="text-sm">
              <span className="font-medium">{u.name}</span> · {u.email} · {t(`userRole.${u.role}`)}
              {u.institution && ` · ${u.institution.name}`} · {u.disabled ? t('users.inactive') : t('users.active')}
              {u.mustChangePassword && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">{t('users.mustChange')}</span>}
            </p>
            <p className="text-xs text-slate-600" data-testid="last-sign-in">
              {t('users.lastSignIn', { time: u.lastSignInAt ? formatMoment(u.lastSignInAt) : t('account.neverSignedIn') })}
            </p>
            <UserDetailsForm user={u} />
            <UpdateUserForm user={u} institutions={institutions} />
            {/* One's own password is changed on the account page, not reset. */}
            {u.id !== actor.userId && <ResetPasswordForm user={u} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
