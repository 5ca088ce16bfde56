/**
 * Notices: which kinds there are, when the calendar raises one (a return coming
 * due, a return overdue), the key that makes each notice once-only, and its text
 * in the reader's language from the params it stores. Pure: the translator is
 * passed in, the day is given.
 */
import type { NotificationKind } from '../generated/prisma/enums';
import type { Locale } from '../i18n/config';
import type { Translate } from '../i18n/translator';
import { dueDate, returnState, schedulePeriods, type ReturnPeriod, type ScheduleCalendar, type StoredReturn } from './returns';

export type { NotificationKind };

export const NOTIFICATION_KINDS = [
  'RETURN_DUE',
  'RETURN_OVERDUE',
  'RETURN_RETURNED',
  'RETURN_ACCEPTED',
  'STAGE_DECIDED',
  'COMMENT_ADDED',
  'INCIDENT_REPORTED',
  'WARNING_RAISED',
  'ASSESSMENT_CONFIRMED',
  'REVIEWER_ASSIGNED',
] as const satisfies readonly NotificationKind[];

/** A return coming due is announced this many days before its due date (and on each day until then, once). */
export const DUE_NOTICE_DAYS = 7;
/**
 * An overdue return is announced while its due date is at most this many days
 * past: a schedule that starts in the past does not flood inboxes with every
 * period it has missed since.
 */
export const OVERDUE_NOTICE_DAYS = 30;

const DAY_MS = 86_400_000;

/** What a notice's text needs; stored with it, so the text is written in the reader's language when read. */
export type NoticeParams = {
  code: string;
  project: string;
  /** A return's template name, period and due day. */
  template?: string;
  templateEn?: string;
  period?: string;
  due?: string;
  /** A stage decision: APPROVED or REJECTED, and the stage asked for. */
  decision?: string;
  stage?: string;
  stageEn?: string;
  /** A reviewer's or commenter's note, shortened. */
  note?: string;
  /** An incident's or a warning's severity code (GENERAL … CRITICAL), and the rule that raised a warning. */
  severity?: string;
  rule?: string;
  /** A confirmed assessment's consolidated score. */
  score?: string;
};

/**
 * The calendar notice a project's return for one period calls for on `today`:
 * RETURN_DUE from 7 days before its due date to the due date itself while
 * nothing is filed, RETURN_OVERDUE once the due date has passed with nothing
 * filed (within OVERDUE_NOTICE_DAYS), or none.
 */
export function calendarNotice(period: ReturnPeriod, dueDays: number, stored: StoredReturn, today: Date): 'RETURN_DUE' | 'RETURN_OVERDUE' | null {
  const { state, due } = returnState(period, dueDays, stored, today);
  const daysLeft = Math.round((due.getTime() - today.getTime()) / DAY_MS);
  if ((state === 'NOT_DUE' || state === 'OPEN') && daysLeft >= 0 && daysLeft <= DUE_NOTICE_DAYS) return 'RETURN_DUE';
  if (state === 'MISSING' && -daysLeft <= OVERDUE_NOTICE_DAYS) return 'RETURN_OVERDUE';
  return null;
}

/**
 * The periods of a schedule whose returns may call for a calendar notice on
 * `today`: those whose due date lies between OVERDUE_NOTICE_DAYS ago and
 * DUE_NOTICE_DAYS ahead (a due date can fall inside the next period, or before
 * the period ends when dueDays is small).
 */
export function noticePeriods(schedule: ScheduleCalendar, today: Date): ReturnPeriod[] {
  const horizon = new Date(today.getTime() + (DUE_NOTICE_DAYS + 1) * DAY_MS);
  return schedulePeriods(schedule, horizon, { current: true }).filter((p) => {
    const days = (dueDate(p, schedule.dueDays).getTime() - today.getTime()) / DAY_MS;
    return days >= -OVERDUE_NOTICE_DAYS && days <= DUE_NOTICE_DAYS;
  });
}

/**
 * The key that makes a notice once-only: one per user and event. Two app
 * instances raising the same notice write one row (Notification.key is unique).
 */
export function noticeKey(kind: NotificationKind, subject: string | number, userId: number): string {
  return `${kind}:${subject}:u${userId}`;
}

/** A note as a notice quotes it: one line, at most 80 characters. */
export function shortNote(note: string): string {
  const line = note.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** A notice's one-line text, from the messages of the reader's language (`notificationText.<kind>`). */
export function noticeText(t: Translate, locale: Locale, kind: NotificationKind, params: NoticeParams): string {
  const en = locale === 'en';
  const values: Record<string, string> = {
    code: params.code,
    project: params.project,
    template: (en && params.templateEn) || (params.template ?? ''),
    period: params.period ?? '',
    due: params.due ?? '',
    stage: (en && params.stageEn) || (params.stage ?? ''),
    note: params.note ?? '',
    decision: params.decision && t.has(`notificationDecision.${params.decision}`) ? t(`notificationDecision.${params.decision}`) : (params.decision ?? ''),
    severity: params.severity && t.has(`risk.severity.${params.severity}`) ? t(`risk.severity.${params.severity}`) : (params.severity ?? ''),
    rule: params.rule ?? '',
    score: params.score ?? '',
  };
  return t(`notificationText.${kind}`, values);
}

/** Reads stored params back: anything that is not a string is left out. */
export function readNoticeParams(value: unknown): NoticeParams {
  const source = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const text = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : undefined);
  return {
    code: text('code') ?? '',
    project: text('project') ?? '',
    template: text('template'),
    templateEn: text('templateEn'),
    period: text('period'),
    due: text('due'),
    decision: text('decision'),
    stage: text('stage'),
    stageEn: text('stageEn'),
    note: text('note'),
    severity: text('severity'),
    rule: text('rule'),
    score: text('score'),
  };
}
