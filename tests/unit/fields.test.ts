import { describe, expect, it } from 'vitest';
import { dateField, decimalField, idField, todayInBeijing, toInput } from '@/lib/schemas/fields';
import { progressReportSchema, quarterStart } from '@/lib/schemas/project';

describe('shared field schemas', () => {
  it('reads ids from numbers and digits only', () => {
    expect(idField.parse('42')).toBe(42);
    expect(idField.parse(7)).toBe(7);
    for (const bad of ['0', '-3', '4.2', '1e3', 'x', 2 ** 31, null]) expect(idField.safeParse(bad).success).toBe(false);
  });

  it('accepts only calendar days that exist', () => {
    expect(dateField.parse('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of ['2023-02-29', '2021-04-31', '2021-1-1', '2021-01-01T00:00', '1989-12-31']) expect(dateField.safeParse(bad).success, bad).toBe(false);
  });

  it('reads decimals with separators, and names negative values', () => {
    expect(decimalField.parse('1,234.5')).toBe(1234.5);
    expect(decimalField.safeParse('-1').error?.issues[0].message).toBe('negative');
    expect(decimalField.safeParse('1.23456').success).toBe(false);
    expect(decimalField.safeParse('').error?.issues[0].message).toBe('required');
  });

  it("takes today's date in Beijing, not the server's zone", () => {
    expect(todayInBeijing(new Date('2021-03-31T17:00:00Z')).toISOString()).toBe('2021-04-01T00:00:00.000Z');
    expect(todayInBeijing(new Date('2021-03-31T15:00:00Z')).toISOString()).toBe('2021-03-31T00:00:00.000Z');
  });

  it('turns FormData and plain objects into one shape, and anything else into nothing', () => {
    const form = new FormData();
    form.append('a', '1');
    form.append('tags', 'x');
    form.append('tags', 'y');
    form.append('$ACTION_ID_abc', '');
    expect(toInput(form)).toEqual({ a: '1', tags: ['x', 'y'] });
    expect(toInput({ a: 1 })).toEqual({ a: 1 });
    for (const other of [null, 'x', 3, ['a']]) expect(toInput(other)).toEqual({});
  });

  it('reads quarters as YYYY-Qn', () => {
    expect(quarterStart('2021-Q3').toISOString()).toBe('2021-07-01T00:00:00.000Z');
    expect(progressReportSchema.parse({ projectId: '1', period: ' 2021-q4 ', body: 'x' }).period).toBe('2021-Q4');
    expect(progressReportSchema.safeParse({ projectId: '1', period: '2021-Q5', body: 'x' }).success).toBe(false);
  });
});
