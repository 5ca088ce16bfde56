import { useTranslations } from 'next-intl';
import type { Severity } from '@/lib/generated/prisma/enums';

const TONE: Record<Severity, string> = {
  GENERAL: 'bg-slate-100 text-slate-700',
  MAJOR: 'bg-amber-100 text-amber-800',
  SERIOUS: 'bg-orange-100 text-orange-800',
  CRITICAL: 'bg-red-100 text-red-800',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useTranslations('risk.severity');
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[severity]}`}>{t(severity)}</span>;
}

/** Demo data is never the public record: every demo row says so. */
export function DemoBadge() {
  const t = useTranslations('risk');
  return (
    <span className="rounded border border-dashed border-violet-400 px-1.5 py-0.5 text-xs text-violet-700" data-demo>
      {t('demo')}
    </span>
  );
}
