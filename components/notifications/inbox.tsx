import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { InboxNotice } from '@/lib/data/notifications';
import type { Locale } from '@/lib/i18n/config';
import { noticeText } from '@/lib/rules/notifications';
import { formatMoment } from '@/lib/rules/time';
import { MarkReadForm } from './notice-forms';

/** The inbox: newest first, unread ones marked and each with its own "mark read"; the text in the reader's language. */
export function Inbox({ notices }: { notices: InboxNotice[] }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  if (notices.length === 0) return <p className="text-sm text-slate-600">{t('notifications.empty')}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="inbox">
      {notices.map((n) => (
        <li
          key={n.id}
          className="flex flex-wrap items-start gap-x-4 gap-y-1 py-3"
          data-testid="notice"
          data-kind={n.kind}
          data-read={n.readAt ? 'true' : 'false'}
        >
          <div className="min-w-0 flex-1 basis-64">
            <p className="text-xs text-slate-500">
              {!n.readAt && <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-800">{t('notifications.unread')}</span>}
              {t(`notificationKind.${n.kind}`)} · {formatMoment(n.createdAt)}
              {n.emailedAt && <span className="ml-2">· {t('notifications.emailed')}</span>}
            </p>
            <p className={`mt-1 text-sm wrap-anywhere ${n.readAt ? 'text-slate-700' : 'font-medium text-slate-900'}`} data-testid="notice-text">
              {noticeText(t, locale, n.kind, n.params)}
            </p>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <Link href={n.href} className="text-red-800 hover:underline max-sm:min-h-10 max-sm:content-center">
              {t('notifications.open')}
            </Link>
            {!n.readAt && <MarkReadForm id={n.id} label={t('notifications.markRead')} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
