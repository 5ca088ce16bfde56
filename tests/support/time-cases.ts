/**
 * The clock's promises, run by one test file per server time zone (the server's
 * zone must change nothing): moments print as Beijing time, calendar dates
 * never move across midnight.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDate } from '@/lib/rules/dates';
import { beijingDay, beijingDayEnd, beijingDayStart, formatDay, formatMoment, formatMonth, todayInBeijing } from '@/lib/rules/time';
import { dateField } from '@/lib/schemas/fields';
import { cellText } from '@/lib/transfer/tabular/columns';
import { readTable } from '@/lib/transfer/tabular/read';

export function timeCases(zone: string, offsetMinutes: number) {
  describe(`with the server in ${zone}`, () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = saved;
    });

    it('really runs in that zone', () => {
      expect(new Date('2026-03-01T16:30:00Z').getTimezoneOffset()).toBe(offsetMinutes);
    });

    it('shows a moment in the hour after midnight Beijing as the next Beijing day', () => {
      const moment = new Date('2026-03-01T16:30:00Z');
      expect(formatMoment(moment)).toBe('2026-03-02 00:30');
      expect(formatMoment(moment, { seconds: true })).toBe('2026-03-02 00:30:00');
      expect(beijingDay(moment)).toBe('2026-03-02');
      expect(formatDay(todayInBeijing(moment))).toBe('2026-03-02');
      // Half an hour earlier it is still the 1st in Beijing.
      expect(formatMoment(new Date('2026-03-01T15:59:59Z'), { seconds: true })).toBe('2026-03-01 23:59:59');
      expect(beijingDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    });

    it('never shifts a date-only value across midnight', () => {
      const parsed = dateField.parse('2026-03-01');
      expect(formatDay(parsed)).toBe('2026-03-01');
      expect(formatMonth(parsed)).toBe('2026-03');
      expect(cellText(parsed, 'zh')).toBe('2026-03-01');
      expect(describeDate({ effectiveDate: parsed, datePrecision: 'DAY', notBefore: null, dateInferred: false }).values.date).toBe('2026-03-01');
      // The first and last day of a year too, where a shift would change the year.
      expect(formatDay(dateField.parse('2026-01-01'))).toBe('2026-01-01');
      expect(formatDay(dateField.parse('2025-12-31'))).toBe('2025-12-31');
    });

    it('filters moments by Beijing days: a day starts at 16:00 UTC the day before', () => {
      const day = dateField.parse('2026-03-02');
      expect(beijingDayStart(day).toISOString()).toBe('2026-03-01T16:00:00.000Z');
      expect(beijingDayEnd(day).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    });

    it('reads a date typed into a spreadsheet as the same day', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('x');
      sheet.addRow(['截至']);
      // What Excel stores for a typed date: a day with no zone, which exceljs hands over as UTC midnight.
      sheet.addRow([new Date('2026-03-01T00:00:00Z')]);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const read = await readTable({ name: 'x.xlsx', bytes }, [{ key: 'asOf', zh: '截至', en: 'As of' }]);
      expect(read.ok && read.rows[0].values.asOf).toBe('2026-03-01');
    });
  });
}
