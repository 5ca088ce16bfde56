import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReturnPage } from '@/lib/data/returns';
import { formatDay } from '@/lib/rules/time';
import { ReturnStateBadge } from './return-state-badge';

/** A return's page heading: the project, the template and period, the due date, where it stands. */
export function ReturnHeader({ page }: { page: ReturnPage }) {
  const t = useTranslations('returnFiling');
  const zh = useLocale() === 'zh';
  return (
    <header className="space-y-1">
      <Link href={`/projects/${page.project.code}#returns`} className="text-sm text-red-800 hover:underline">
        ← {t('backToProject')} {page.project.code}
      </Link>
      <h1 className="text-xl font-semibold text-slate-900">
        {zh ? page.schedule.template.name : page.schedule.template.nameEn} · {page.period.key}
      </h1>
      <p className="text-sm text-slate-700">
        {page.project.code} {page.project.name}
      </p>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <ReturnStateBadge state={page.state} late={page.late} sample={page.stored?.isSample} />
        <span>{t('dueOn', { date: formatDay(page.due) })}</span>
        {page.templateVersion !== null && <span>{t('templateVersion', { number: page.templateVersion })}</span>}
      </p>
    </header>
  );
}
