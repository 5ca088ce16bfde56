/**
 * The portal's one clock: every moment it shows or writes into a file is Beijing
 * time (Asia/Shanghai), and says so once per page or file; a calendar date (a
 * due date, an as-of date, a stage date), stored as that day's UTC midnight, is
 * printed as that same day whatever zone the server runs in. Intl does the zone
 * arithmetic (China has kept UTC+8 all year since 1991). Pure.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat is far dearer than formatting with one: built once.
const beijing = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function beijingParts(moment: Date) {
  const p: Record<string, string> = {};
  for (const { type, value } of beijing.formatToParts(moment)) p[type] = value;
  return p;
}

/** A moment on Beijing's wall clock: `2026-03-02 00:30`, or with `seconds` `2026-03-02 00:30:05`. */
export function formatMoment(moment: Date, options: { seconds?: boolean } = {}): string {
  const p = beijingParts(moment);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${options.seconds ? `:${p.second}` : ''}`;
}

/** The Beijing calendar day a moment falls on, as YYYY-MM-DD (export file names, "today"). */
export function beijingDay(moment: Date): string {
  const p = beijingParts(moment);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in Beijing, as the UTC midnight the date columns hold. */
export function todayInBeijing(now = new Date()): Date {
  return new Date(`${beijingDay(now)}T00:00:00.000Z`);
}

/**
 * A calendar date (stored as UTC midnight) as YYYY-MM-DD. Read in UTC, so it is
 * never shifted across midnight by the zone the server or the reader is in.
 */
export const formatDay = (day: Date): string => day.toISOString().slice(0, 10);

/** A calendar date's month as YYYY-MM (chart axes). */
export const formatMonth = (day: Date): string => formatDay(day).slice(0, 7);

/**
 * The moment a Beijing calendar day begins, for filtering moments by Beijing
 * days: 2026-03-02 (as UTC midnight) begins at 2026-03-01T16:00Z.
 */
export function beijingDayStart(day: Date): Date {
  const utcMidnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const p = beijingParts(new Date(utcMidnight));
  // How far Beijing's clock is ahead of UTC at that instant (8 hours since 1991).
  const offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - utcMidnight;
  return new Date(utcMidnight - offset);
}

/** The moment the Beijing calendar day after `day` begins: the exclusive end of a day filter. */
export const beijingDayEnd = (day: Date): Date => beijingDayStart(new Date(day.getTime() + DAY_MS));
