import { useTranslations } from 'next-intl';
import type { InstitutionKind, ProjectStage } from '@/lib/generated/prisma/enums';

const stageColours: Record<ProjectStage, string> = {
  APPROVED: 'bg-slate-100 text-slate-800 ring-slate-300',
  ONLINE: 'bg-sky-50 text-sky-900 ring-sky-300',
  PROMOTION: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  COMPLETED: 'bg-violet-50 text-violet-900 ring-violet-300',
  WITHDRAWN: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
};

export function StageBadge({ stage }: { stage: ProjectStage }) {
  const t = useTranslations('stage');
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${stageColours[stage]}`} data-stage={stage}>
      {t(stage)}
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
