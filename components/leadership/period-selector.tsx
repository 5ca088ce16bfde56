import { useTranslations } from 'next-intl';
import { periodDates, type Period } from '@/lib/rules/periods';

/** A plain GET form: the period lives in the URL, so a link or a print reproduces it. */
/** `program`: the program the URL names, kept when the period changes. */
export function PeriodSelector({ period, years, program }: { period: Period; years: number[]; program?: string }) {
  const t = useTranslations('leadership');
  const options = years.flatMap((y) => [
    String(y),
    ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`),
    ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
  ]);
  const dates = periodDates(period);
  return (
    <div className="flex flex-wrap items-end gap-4 print:hidden">
      <form action="/leadership" method="get" className="flex flex-wrap items-end gap-2 text-sm" data-testid="period-form">
        {program && <input type="hidden" name="program" value={program} />}
        <label className="block">
          <span className="text-slate-700">{t('period')}</span>
          <select
            name="period"
            defaultValue={period.kind === 'custom' ? '' : period.key}
            className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 max-sm:min-h-10"
          >
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-red-800 px-3 py-1.5 text-white hover:bg-red-900 max-sm:min-h-10">
          {t('apply')}
        </button>
      </form>
      <form action="/leadership" method="get" className="flex flex-wrap items-end gap-2 text-sm" data-testid="custom-period-form">
        {program && <input type="hidden" name="program" value={program} />}
        <label className="block">
          <span className="text-slate-700">{t('from')}</span>
          <input type="date" name="from" defaultValue={dates.from} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 max-sm:min-h-10" />
        </label>
        <label className="block">
          <span className="text-slate-700">{t('to')}</span>
          <input type="date" name="to" defaultValue={dates.to} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 max-sm:min-h-10" />
        </label>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100 max-sm:min-h-10">
          {t('applyCustom')}
        </button>
      </form>
    </div>
  );
}
