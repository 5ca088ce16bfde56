/**
 * In-test monitoring (事中运行监测): each kind of warning rule as a pure function
 * of the series it reads. A rule fires or not; when the data cannot say (a value
 * known only as "over" or "at least" against an upper threshold, too few periods),
 * it does not fire, and says why. Values carry their qualifier (约, 超过, 不少于):
 * a figure given as "about" fires as the figure, marked approximate; one given as
 * a lower bound fires above a threshold (the true value is larger still) but never
 * below one. Dates are calendar days (UTC midnights). Pure.
 */
import type { ValueQualifier } from '../generated/prisma/enums';

export type Point = { asOf: Date; value: number; qualifier: ValueQualifier };

export type Verdict =
  | { fires: true; value: number; approximate: boolean; detail: Record<string, number | string> }
  | { fires: false; reason: 'within' | 'noData' | 'tooFew' | 'lowerBound' };

const DAY_MS = 86_400_000;
const within: Verdict = { fires: false, reason: 'within' };
const fire = (p: { value: number; qualifier: ValueQualifier }, detail: Record<string, number | string> = {}): Verdict => ({
  fires: true,
  value: p.value,
  approximate: p.qualifier === 'ABOUT',
  detail,
});
/** The value is only a floor: the true figure is at least this. */
const isLowerBound = (q: ValueQualifier) => q === 'OVER' || q === 'AT_LEAST';
const byDate = (series: readonly Point[]) => [...series].sort((a, b) => a.asOf.getTime() - b.asOf.getTime());
const latest = (series: readonly Point[]) => byDate(series).at(-1);

/** The latest value above (or below) a threshold. Also the testing envelope: a declared expected scale is an `above` threshold. */
export function threshold(series: readonly Point[], rule: { direction: 'above' | 'below'; limit: number }): Verdict {
  const last = latest(series);
  if (!last) return { fires: false, reason: 'noData' };
  if (rule.direction === 'above') return last.value > rule.limit ? fire(last, { limit: rule.limit }) : within;
  if (last.value >= rule.limit) return within;
  // "Over 100" may be any figure above 100: it cannot be said to be below a limit.
  return isLowerBound(last.qualifier) ? { fires: false, reason: 'lowerBound' } : fire(last, { limit: rule.limit });
}

/** A drop of more than `percent`% from the value before to the latest one (period on period). */
export function drop(series: readonly Point[], rule: { percent: number }): Verdict {
  const sorted = byDate(series);
  if (sorted.length < 2) return { fires: false, reason: 'tooFew' };
  const [before, last] = sorted.slice(-2);
  if (before.value <= 0) return within;
  // A drop measured from a floor may be larger than it looks, but a latest floor may be no drop at all.
  if (isLowerBound(last.qualifier)) return { fires: false, reason: 'lowerBound' };
  const change = ((before.value - last.value) / before.value) * 100;
  return change > rule.percent ? fire(last, { before: before.value, percent: Math.round(change * 10) / 10 }) : within;
}

/** No growth over the last `periods` periods: the latest `periods + 1` values never rise. Equal values are no growth. */
export function stagnant(series: readonly Point[], rule: { periods: number }): Verdict {
  const sorted = byDate(series);
  if (sorted.length < rule.periods + 1) return { fires: false, reason: 'tooFew' };
  const tail = sorted.slice(-(rule.periods + 1));
  const grew = tail.some((p, i) => i > 0 && p.value > tail[i - 1].value);
  return grew ? within : fire(tail.at(-1)!, { periods: rule.periods, since: tail[0].asOf.toISOString().slice(0, 10) });
}

/** No new value for more than `days` days (or never one since the project entered the program). */
export function stale(series: readonly Point[], rule: { days: number }, context: { today: Date; since: Date }): Verdict {
  const last = latest(series);
  const from = last ? last.asOf : context.since;
  const days = Math.floor((context.today.getTime() - from.getTime()) / DAY_MS);
  if (days <= rule.days) return within;
  return { fires: true, value: days, approximate: false, detail: { days, lastAsOf: from.toISOString().slice(0, 10) } };
}

/** A return still not filed, or filed, more than `days` days after its due date. */
export function returnLate(rule: { days: number }, context: { due: Date; filedOn: Date | null; today: Date }): Verdict {
  const end = context.filedOn ?? context.today;
  const days = Math.floor((end.getTime() - context.due.getTime()) / DAY_MS);
  return days > rule.days ? { fires: true, value: days, approximate: false, detail: { days, due: context.due.toISOString().slice(0, 10) } } : within;
}

/** Complaints per 10,000 users above `limit`, from the latest complaint count and the latest user count. */
export function complaintRate(complaints: readonly Point[], users: readonly Point[], rule: { limit: number }): Verdict {
  const [c, u] = [latest(complaints), latest(users)];
  if (!c || !u || u.value <= 0) return { fires: false, reason: 'noData' };
  // Users given as a floor make the true rate lower: such a rate cannot be said to be too high.
  if (isLowerBound(u.qualifier)) return { fires: false, reason: 'lowerBound' };
  const rate = (c.value / u.value) * 10_000;
  const rounded = Math.round(rate * 100) / 100;
  return rate > rule.limit
    ? { fires: true, value: rounded, approximate: c.qualifier === 'ABOUT' || u.qualifier === 'ABOUT', detail: { complaints: c.value, users: u.value } }
    : within;
}

export const SEVERITIES = ['GENERAL', 'MAJOR', 'SERIOUS', 'CRITICAL'] as const;
/** 一般, 较大, 重大, 特别重大, in rising order. */
export type Severity = (typeof SEVERITIES)[number];

/** An incident of `severity` or worse among those given. */
export function incidentAtLeast(incidents: readonly { severity: Severity; occurredAt: Date }[], rule: { severity: Severity }): Verdict {
  const floor = SEVERITIES.indexOf(rule.severity);
  const worst = incidents.filter((i) => SEVERITIES.indexOf(i.severity) >= floor).sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  return worst
    ? {
        fires: true,
        value: SEVERITIES.indexOf(worst.severity),
        approximate: false,
        detail: { severity: worst.severity, occurredAt: worst.occurredAt.toISOString() },
      }
    : within;
}

/** A stored rule as the evaluators read it (lib/data/warnings.ts loads it from MonitoringRule). */
export type RuleSpec =
  | { kind: 'THRESHOLD'; direction: 'above' | 'below'; limit: number }
  | { kind: 'ENVELOPE'; limit: number | null }
  | { kind: 'DROP'; percent: number }
  | { kind: 'STAGNANT'; periods: number }
  | { kind: 'STALE'; days: number }
  | { kind: 'COMPLAINT_RATE'; limit: number }
  | { kind: 'INCIDENT_SEVERITY'; severity: Severity }
  | { kind: 'LATE_RETURN'; days: number };

/** What a rule of each kind reads for one project. */
export type RuleInputs = {
  series: readonly Point[];
  base?: readonly Point[];
  incidents?: readonly { severity: Severity; occurredAt: Date }[];
  /** LATE_RETURN: the returns the project owes that are past their due date and not filed. */
  overdue?: readonly { period: string; due: Date }[];
  today: Date;
  since: Date;
};

/** Evaluates any stored rule on one project's data: the one entry point the data layer calls. */
export function evaluate(rule: RuleSpec, inputs: RuleInputs): Verdict {
  switch (rule.kind) {
    case 'THRESHOLD':
      return threshold(inputs.series, rule);
    case 'ENVELOPE':
      // A project that declared no expected scale has no envelope to cross.
      return rule.limit === null ? { fires: false, reason: 'noData' } : threshold(inputs.series, { direction: 'above', limit: rule.limit });
    case 'DROP':
      return drop(inputs.series, rule);
    case 'STAGNANT':
      return stagnant(inputs.series, rule);
    case 'STALE':
      return stale(inputs.series, rule, inputs);
    case 'COMPLAINT_RATE':
      return complaintRate(inputs.series, inputs.base ?? [], rule);
    case 'INCIDENT_SEVERITY':
      return incidentAtLeast(inputs.incidents ?? [], rule);
    case 'LATE_RETURN':
      return mostOverdue(inputs.overdue ?? [], rule, inputs.today);
  }
}

/** The most overdue of the unfiled returns, when it is more than `days` days late. */
function mostOverdue(overdue: readonly { period: string; due: Date }[], rule: { days: number }, today: Date): Verdict {
  const oldest = [...overdue].sort((a, b) => a.due.getTime() - b.due.getTime())[0];
  if (!oldest) return within;
  const verdict = returnLate(rule, { due: oldest.due, filedOn: null, today });
  return verdict.fires ? { ...verdict, detail: { ...verdict.detail, period: oldest.period } } : verdict;
}

/** Rule kinds that time alone can make fire (evaluated daily), not only a new value. */
export const TIME_BASED: readonly RuleSpec['kind'][] = ['STALE', 'LATE_RETURN'];
