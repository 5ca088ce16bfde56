import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AccountFacts } from '@/components/account/account-facts';
import { RenameSelfForm } from '@/components/account/account-forms';
import { OwnActivityList } from '@/components/account/own-activity';
import { EmailPreferencesForm } from '@/components/notifications/notice-forms';
import { Section } from '@/components/section';
import { getOwnAccount, listOwnActivity, listOwnPrograms } from '@/lib/data/account-page';
import { getEmailPreferences } from '@/lib/data/notifications';
import { NOTIFICATION_KINDS } from '@/lib/rules/notifications';
import { emailIsOn } from '@/lib/server/mail';
import { PASSWORD_PAGE, requireActor } from '@/lib/server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('account'))('heading') };
}

/** The signed-in user's own account: who they are here, their display name, password, which notices are emailed, and latest activity. */
export default async function AccountPage() {
  const actor = await requireActor();
  const [account, programs, activity, emailed, t, tn, tk] = await Promise.all([
    getOwnAccount({ actor }),
    listOwnPrograms({ actor }),
    listOwnActivity({ actor, take: 10 }),
    getEmailPreferences({ actor }),
    getTranslations('account'),
    getTranslations('notifications'),
    getTranslations('notificationKind'),
  ]);
  const email = emailIsOn();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      <Section title={t('profile')}>
        <AccountFacts account={account} programs={programs} />
      </Section>
      <Section title={t('settings')}>
        <div className="space-y-3">
          <RenameSelfForm name={account.name} version={account.version} />
          <p className="text-sm">
            <Link href={PASSWORD_PAGE} className="text-red-800 hover:underline" data-testid="change-password-link">
              {t('changePasswordLink')}
            </Link>
          </p>
        </div>
      </Section>
      <Section title={tn('preferences')} id="email">
        <p className="mb-2 text-sm text-slate-700" data-testid="email-status" data-email={email ? 'on' : 'off'}>
          {email ? tn('emailOn') : tn('emailOff')}
        </p>
        <EmailPreferencesForm
          options={NOTIFICATION_KINDS.map((kind) => ({ kind, label: tk(kind), emailed: emailed.includes(kind) }))}
          legend={tn('preferencesIntro')}
          submitLabel={tn('savePreferences')}
        />
      </Section>
      <Section title={t('activity')}>
        <OwnActivityList entries={activity} />
      </Section>
    </div>
  );
}
