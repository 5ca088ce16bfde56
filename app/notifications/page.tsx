import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Inbox } from '@/components/notifications/inbox';
import { MarkAllReadForm } from '@/components/notifications/notice-forms';
import { Section } from '@/components/section';
import { countUnreadNotifications, listNotifications } from '@/lib/data/notifications';
import { emailIsOn } from '@/lib/server/mail';
import { requireActor } from '@/lib/server/session';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('heading') };
}

/** The signed-in user's notices: returns coming due or overdue, reviews, stage decisions, comments; and whether email is on. */
export default async function NotificationsPage() {
  const actor = await requireActor();
  const [notices, unread, t] = await Promise.all([listNotifications({ actor }), countUnreadNotifications({ actor }), getTranslations('notifications')]);
  const email = emailIsOn();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          {t('heading')}{' '}
          <span className="text-base font-normal text-slate-600" data-testid="unread-total" data-count={unread}>
            {t('unreadCount', { count: unread })}
          </span>
        </h1>
        {unread > 0 && <MarkAllReadForm upTo={Math.max(...notices.map((n) => n.id))} label={t('markAllRead')} />}
      </div>
      <p
        className={`rounded border p-2 text-sm ${email ? 'border-slate-200 bg-slate-50' : 'border-amber-300 bg-amber-50'}`}
        data-testid="email-status"
        data-email={email ? 'on' : 'off'}
      >
        {email ? t('emailOn') : t('emailOff')}{' '}
        <Link href="/account#email" className="text-red-800 hover:underline">
          {t('settingsLink')}
        </Link>
      </p>
      <Section title={t('all')}>
        <Inbox notices={notices} />
      </Section>
    </div>
  );
}
