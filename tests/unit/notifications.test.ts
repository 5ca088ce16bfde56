import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/lib/i18n/translator';
import { calendarNotice, noticeKey, noticePeriods, noticeText, readNoticeParams, shortNote } from '@/lib/rules/notifications';
import { parseReturnPeriod, type ReturnPeriod, type ScheduleCalendar } from '@/lib/rules/returns';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const period = (key: string) => parseReturnPeriod(key) as ReturnPeriod;

describe('when the calendar raises a notice', () => {
  // 2026-Q3 ends 2026-09-30; 15 days after: due 2026-10-15.
  const q3 = period('2026-Q3');

  it('announces a return coming due from seven days before its due date to the day itself', () => {
    expect(calendarNotice(q3, 15, null, day('2026-10-07'))).toBeNull();
    expect(calendarNotice(q3, 15, null, day('2026-10-08'))).toBe('RETURN_DUE');
    expect(calendarNotice(q3, 15, null, day('2026-10-15'))).toBe('RETURN_DUE');
    // A draft is not filed: it is still coming due.
    expect(calendarNotice(q3, 15, { status: 'DRAFT', firstSubmittedAt: null }, day('2026-10-10'))).toBe('RETURN_DUE');
  });

  it('says overdue once the due date has passed with nothing filed, for thirty days', () => {
    expect(calendarNotice(q3, 15, null, day('2026-10-16'))).toBe('RETURN_OVERDUE');
    expect(calendarNotice(q3, 15, null, day('2026-11-14'))).toBe('RETURN_OVERDUE');
    expect(calendarNotice(q3, 15, null, day('2026-11-15'))).toBeNull();
  });

  it('says nothing about a return filed, returned or accepted, late or not', () => {
    for (const status of ['SUBMITTED', 'RETURNED', 'ACCEPTED'] as const) {
      expect(calendarNotice(q3, 15, { status, firstSubmittedAt: day('2026-10-01') }, day('2026-10-10'))).toBeNull();
      expect(calendarNotice(q3, 15, { status, firstSubmittedAt: day('2026-10-20') }, day('2026-10-25'))).toBeNull();
    }
  });

  it('announces a return due before its period ends when the due rule is short', () => {
    // Due 3 days after a month ends: 2026-12 is due 2027-01-03, announced from 2026-12-27, while December runs.
    expect(calendarNotice(period('2026-12'), 3, null, day('2026-12-26'))).toBeNull();
    expect(calendarNotice(period('2026-12'), 3, null, day('2026-12-27'))).toBe('RETURN_DUE');
  });

  it('finds the periods to look at across a year end, and none before the schedule starts', () => {
    const quarterly: ScheduleCalendar = { frequency: 'QUARTERLY', dueDays: 15, startsOn: day('2026-01-01'), endsOn: null };
    // 2027-01-10: 2026-Q4 (due 2027-01-15) is coming due; 2026-Q3 (due 2026-10-15) is more than 30 days past.
    expect(noticePeriods(quarterly, day('2027-01-10')).map((p) => p.key)).toEqual(['2026-Q4']);
    // 2026-11-01: 2026-Q3 is overdue (due 2026-10-15).
    expect(noticePeriods(quarterly, day('2026-11-01')).map((p) => p.key)).toEqual(['2026-Q3']);
    const monthly: ScheduleCalendar = { frequency: 'MONTHLY', dueDays: 3, startsOn: day('2026-12-01'), endsOn: null };
    // 2027-01-01: December is due 2027-01-03 (coming due); November was never owed.
    expect(noticePeriods(monthly, day('2027-01-01')).map((p) => p.key)).toEqual(['2026-12']);
    const ended: ScheduleCalendar = { ...quarterly, endsOn: day('2026-06-30') };
    expect(noticePeriods(ended, day('2026-10-10'))).toEqual([]);
  });
});

describe('a notice in words', () => {
  const params = {
    code: 'BJFT-06',
    project: '智能风控平台',
    template: '季度运行报告',
    templateEn: 'Quarterly operations return',
    period: '2026-Q3',
    due: '2026-10-15',
  };

  it('reads in Chinese and in English from the same stored params', async () => {
    const [zh, en] = await Promise.all([translatorFor('zh'), translatorFor('en')]);
    expect(noticeText(zh, 'zh', 'RETURN_DUE', params)).toBe('智能风控平台（BJFT-06）的季度运行报告（2026-Q3）将于 2026-10-15 截止报送，尚未提交。');
    expect(noticeText(en, 'en', 'RETURN_OVERDUE', params)).toBe(
      'Quarterly operations return (2026-Q3) of 智能风控平台 (BJFT-06) was due on 2026-10-15 and is overdue: nothing has been filed.',
    );
    const decided = { code: 'BJFT-06', project: '智能风控平台', decision: 'REJECTED', stage: '应用推广期', stageEn: 'Promotion', note: '证据不足' };
    expect(noticeText(zh, 'zh', 'STAGE_DECIDED', decided)).toBe('智能风控平台（BJFT-06）变更至“应用推广期”的申请已驳回。证据不足');
    expect(noticeText(en, 'en', 'STAGE_DECIDED', decided)).toBe('The request to move 智能风控平台 (BJFT-06) to “Promotion” was rejected. 证据不足');
  });

  it('reads back only text from stored params, whatever else is there', () => {
    expect(readNoticeParams({ code: 'BJFT-01', project: 7, note: ['x'] })).toMatchObject({ code: 'BJFT-01', project: '', note: undefined });
    expect(readNoticeParams(null)).toMatchObject({ code: '', project: '' });
  });

  it('quotes a note on one line, shortened', () => {
    expect(shortNote('第一行\n第二行  ')).toBe('第一行 第二行');
    expect(shortNote('长'.repeat(200))).toHaveLength(80);
  });

  it('keys a notice by kind, event and user, so it is written once per user', () => {
    expect(noticeKey('RETURN_DUE', 'schedule1:p6:2026-Q3', 4)).toBe('RETURN_DUE:schedule1:p6:2026-Q3:u4');
    expect(noticeKey('RETURN_DUE', 'schedule1:p6:2026-Q3', 5)).not.toBe(noticeKey('RETURN_DUE', 'schedule1:p6:2026-Q3', 4));
  });
});
