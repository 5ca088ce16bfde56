/**
 * Filters in words, for notices and the context written beside an export:
 * each filter by its label (「方向」, not `direction`) and each value by its name
 * where it has one (a stage of the program's lifecycle, "exclude placeholders",
 * a sort order).
 * Pure: the translator is passed in.
 */
import type { Translate } from '../i18n/translator';
import { SORTS, sortKeyOf, type Sort } from './filters';
import { stageByCode, stageName, type Lifecycle } from './stages';

export const filterLabel = (key: string, t: Translate): string => (t.has(`filters.${key}`) ? t(`filters.${key}`) : key);

export function filterValueLabel(key: string, value: string, t: Translate, lifecycle?: Lifecycle, locale = 'zh'): string {
  const stage = lifecycle && (key === 'stage' || key === 'reached') ? stageByCode(lifecycle, value) : undefined;
  if (stage) return stageName(stage, locale);
  if (key === 'placeholders' && value === 'include') return t('filters.placeholdersInclude');
  if (key === 'placeholders' && value === 'exclude') return t('filters.placeholdersExclude');
  const sort = SORTS.find((s): s is Sort => s === value);
  if (key === 'sort' && sort) return `${t(`filters.sortKey.${sortKeyOf(sort)}`)}（${t(sort.startsWith('-') ? 'filters.descending' : 'filters.ascending')}）`;
  return value;
}
