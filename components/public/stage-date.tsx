import type { Translate } from '@/lib/i18n/translator';
import type { PublicStageChange } from '@/lib/data/public-register';

/** A stage change's date as the record knows it: the day, an upper bound, or a range. */
export function StageDate({ change, t }: { change: Pick<PublicStageChange, 'date' | 'precision' | 'notBefore'>; t: Translate }) {
  const text =
    change.precision === 'ON_OR_BEFORE'
      ? t('public.onOrBefore', { date: change.date })
      : change.precision === 'BETWEEN' && change.notBefore
        ? t('public.between', { from: change.notBefore, to: change.date })
        : change.date;
  return <time dateTime={change.date}>{text}</time>;
}
