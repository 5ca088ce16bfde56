import { describe, expect, it } from 'vitest';
import { formatInteger, formatPercent, formatQuantity } from '@/lib/rules/format';

describe('indicator formatting', () => {
  it('writes 万 and 亿 in Chinese through Intl', () => {
    expect(formatQuantity(325_500, 'zh')).toBe('32.55万');
    expect(formatQuantity(406_000_000, 'zh')).toBe('4.06亿');
    expect(formatQuantity(27_000, 'zh')).toBe('2.7万');
  });

  it('keeps exact digits below ten thousand', () => {
    expect(formatQuantity(2196, 'zh')).toBe('2,196');
    expect(formatQuantity(485, 'zh')).toBe('485');
  });

  it('uses K and M in English', () => {
    expect(formatQuantity(325_500, 'en')).toBe('325.5K');
    expect(formatQuantity(406_000_000, 'en')).toBe('406M');
  });

  it('formats percentages and integers', () => {
    expect(formatPercent(71.74, 'zh')).toBe('71.7%');
    expect(formatInteger(1325, 'en')).toBe('1,325');
  });
});
