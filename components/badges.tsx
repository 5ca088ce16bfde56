import { useLocale, useTranslations } from 'next-intl';
import { stageColour } from '@/components/charts/colours';
import type { InstitutionKind, StageMeaning } from '@/lib/generated/prisma/enums';

/** A stage of a program's lifecycle, named in the reader's language, coloured as the charts colour it. */
export function StageBadge({ stage }: { stage: { code: string; name: string; nameEn: string; meaning: StageMeaning; sortOrder: number } }) {
  const zh = useLocale() === 'zh';
  return (
    <span
      className="inline-flex items-center gap-1 rounded bg-white px-1.5 py-0.5 text-xs font-medium text-slate-800 ring-1 ring-slate-300"
      data-stage={stage.code}
    >
      <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ backgroundColor: stageColour(stage) }} />
      {zh ? stage.name : stage.nameEn}
    </span>
  );
}

/** Shown wherever a placeholder record appears, so it is never mistaken for real data. */
export function PlaceholderBadge() {
  const t = useTranslations('badge');
  return (
    <span
      title={t('placeholderTitle')}
      className="ml-1 inline-block rounded border border-dashed border-amber-600 px-1 text-xs text-amber-800"
      data-placeholder="true"
    >
      {t('placeholder')}
    </span>
  );
}

/**
 * Marks what the portal inferred rather than read in the record; `note` says
 * what was inferred and from what (shown on hover and to screen readers).
 */
export function InferredBadge({ note }: { note?: string | null }) {
  const t = useTranslations('badge');
  return (
    <span title={note ?? t('inferredTitle')} className="ml-1 inline-block rounded bg-slate-100 px-1 text-xs text-slate-700" data-inferred="true">
      {t('inferred')}
      {note && <span className="sr-only">：{note}</span>}
    </span>
  );
}

/** What the record does not say: shown as 「未公开」, never filled in. */
export function Undisclosed() {
  const t = useTranslations('breakdown');
  return (
    <span className="text-slate-500" data-undisclosed="true">
      {t('undisclosedLabel')}
    </span>
  );
}

/** An institution's kind: 「未公开」 when the record does not say, labelled when it is our reading of the name. */
export function InstitutionKindText({ kind, inferred }: { kind: InstitutionKind | null; inferred: boolean }) {
  const t = useTranslations();
  if (kind === null) return <Undisclosed />;
  return (
    <>
      {t(`institutionKind.${kind}`)}
      {inferred && <InferredBadge note={t('badge.kindInferredTitle')} />}
    </>
  );
}
