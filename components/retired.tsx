import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { VersionInput } from '@/components/forms/inputs';
import type { ActionResult } from '@/lib/server/actions';
import { beijingDay } from '@/lib/rules/time';

type Action = (prev: ActionResult | null, input: FormData) => Promise<ActionResult>;

/** Marks a retired record wherever it is shown: kept with its history, left out of counts. */
export function RetiredBadge() {
  const t = useTranslations('retired');
  return (
    <span title={t('badgeTitle')} className="ml-1 inline-block rounded bg-zinc-200 px-1 text-xs text-zinc-700" data-retired="true">
      {t('badge')}
    </span>
  );
}

/** 「由平台用户修改」 beside a field a portal user changed: its value is no longer the source's. */
export function EditedBadge({ edited, field }: { edited: readonly string[]; field: string }) {
  const t = useTranslations('edited');
  if (!edited.includes(field)) return null;
  return (
    <span title={t('title')} className="ml-1 inline-block rounded bg-sky-50 px-1 text-xs text-sky-800 ring-1 ring-sky-200" data-edited={field}>
      {t('badge')}
    </span>
  );
}

/** The notice at the top of a retired record's page: when, by whom, and what retiring means. */
export function RetiredNotice({ retiredAt, by, kind }: { retiredAt: Date; by: string | null; kind: 'project' | 'institution' }) {
  const t = useTranslations('retired');
  return (
    <p className="rounded border border-zinc-400 bg-zinc-100 p-2 text-sm text-zinc-800" role="status" data-testid="retired-notice">
      {t(`${kind}Notice`, { date: beijingDay(retiredAt), name: by ?? '—' })}
    </p>
  );
}

/**
 * Retires a record, or restores a retired one: one button, with the record's
 * ids and the version it was read at, through the record's own action.
 */
export function RetireButton(props: { action: Action; ids: Record<string, number>; version: number; retired: boolean; testId: string }) {
  const t = useTranslations('retired');
  return (
    <ActionForm action={props.action} submitLabel={props.retired ? t('restore') : t('retire')} testId={props.testId} className="space-y-1">
      {Object.entries(props.ids).map(([name, id]) => (
        <input key={name} type="hidden" name={name} value={id} />
      ))}
      <VersionInput version={props.version} />
      <input type="hidden" name="retired" value={props.retired ? 'false' : 'true'} />
    </ActionForm>
  );
}

/** The link that shows a page's retired records too, or hides them again. */
export function RetiredToggle({ href, shown }: { href: { show: string; hide: string }; shown: boolean }) {
  const t = useTranslations('retired');
  return (
    <Link href={shown ? href.hide : href.show} className="text-sm text-red-800 hover:underline" data-testid="retired-toggle">
      {shown ? t('hide') : t('show')}
    </Link>
  );
}
