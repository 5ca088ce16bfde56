import { useLocale, useTranslations } from 'next-intl';
import type { BoardGroup, ReturnBoard } from '@/lib/data/return-board';
import { BOARD_STATES, type BoardQuery } from '@/lib/rules/return-board-query';
import { inputClass } from '@/components/forms/styles';

/**
 * The board's view as a plain GET form: template, period, lead institution,
 * direction and state. Every choice lands in the URL, so a view can be shared
 * and exported as it is.
 */
export function BoardFilters(props: { board: ReturnBoard; query: BoardQuery; institutions: BoardGroup[]; directions: BoardGroup[] }) {
  const { board, institutions, directions } = props;
  const t = useTranslations('returnBoard');
  const zh = useLocale() === 'zh';
  const q = { direction: props.query.direction ?? '', institution: String(props.query.institution ?? ''), state: props.query.state ?? '' };
  const select = (name: string, label: string, value: string, options: [string, string][], any = true) => (
    <label className="block text-sm">
      <span className="text-slate-700">{label}</span>
      <select name={name} defaultValue={value} className={inputClass}>
        {any && <option value="">{t('any')}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      action="/returns"
      method="get"
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      data-testid="return-board-filters"
    >
      <input type="hidden" name="program" value={board.program.code} />
      {select(
        'template',
        t('template'),
        board.template?.code ?? '',
        board.templates.map((tp) => [tp.code, zh ? tp.name : tp.nameEn]),
        false,
      )}
      {select(
        'period',
        t('period'),
        board.period?.key ?? '',
        board.periods.map((p) => [p.key, p.key]),
        false,
      )}
      {select(
        'institution',
        t('institution'),
        q.institution,
        institutions.filter((g) => g.key).map((g) => [g.key, g.name]),
      )}
      {select(
        'direction',
        t('direction'),
        q.direction,
        directions.filter((g) => g.key).map((g) => [g.key, zh ? g.name : g.nameEn]),
      )}
      {select(
        'state',
        t('state.label'),
        q.state,
        BOARD_STATES.map((s) => [s, t(`state.${s}`)]),
      )}
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900 max-sm:min-h-10">
          {t('apply')}
        </button>
        <a href={`/returns?program=${board.program.code}`} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
          {t('reset')}
        </a>
      </div>
    </form>
  );
}
