import { describe, expect, it } from 'vitest';
import { filterHref, isNarrowed, parseFilters } from '@/lib/rules/filters';

describe('parseFilters', () => {
  it('keeps well-formed values, normalised', () => {
    const { filters, notices } = parseFilters({
      program: ' bj-fintech-pilot ',
      direction: 'd1',
      field: 'D1-2',
      stage: 'ONLINE',
      reached: 'PROMOTION',
      tech: '3',
      institution: '12',
      q: '  人脸识别 ',
      placeholders: 'exclude',
      retired: 'only',
      sort: '-name',
      page: '2',
    });
    expect(notices).toEqual([]);
    expect(filters).toEqual({
      program: 'BJ-FINTECH-PILOT',
      direction: 'D1',
      field: 'D1-2',
      stage: 'ONLINE',
      reached: 'PROMOTION',
      tech: 3,
      institution: 12,
      q: '人脸识别',
      placeholders: 'exclude',
      retired: 'only',
      sort: '-name',
      page: 2,
    });
  });

  it('takes a technology by name as well as by id', () => {
    expect(parseFilters({ tech: '区块链' }).filters.tech).toBe('区块链');
    expect(parseFilters({ tech: '42' }).filters.tech).toBe(42);
  });

  it('reads URLSearchParams the same way as a Next.js query object', () => {
    expect(parseFilters(new URLSearchParams('stage=PROMOTION&page=3')).filters).toEqual({ stage: 'PROMOTION', page: 3 });
  });

  const hostile: [string, string][] = [
    ['stage', 'online; DROP TABLE "Project"'],
    ['stage', '上线运行'],
    ['reached', 'ON LINE'],
    ['direction', "D1' OR '1'='1"],
    ['field', '../../etc/passwd'],
    ['program', '<script>alert(1)</script>'],
    ['institution', 'a\u0000b'],
    ['institution', 'x'.repeat(101)],
    ['page', '0'],
    ['page', '-3'],
    ['page', 'NaN'],
    ['page', 'Infinity'],
    ['page', '9999999'],
    ['sort', 'password'],
    ['sort', 'name; --'],
    ['placeholders', 'maybe'],
    ['retired', 'all'],
    ['retired', 'INCLUDE'],
    ['retired', '1'],
    ['q', 'x'.repeat(101)],
    ['q', 'a\u0000b'],
    ['q', 'line\nbreak'],
    ['tech', 'y'.repeat(41)],
  ];
  it.each(hostile)('drops %s=%j with a notice, keeping the other filters', (key, value) => {
    const other = key === 'sort' ? { page: '1' } : { sort: 'code' };
    const { filters, notices } = parseFilters({ [key]: value, ...other });
    expect(filters).toEqual(key === 'sort' ? { page: 1 } : { sort: 'code' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ key, reason: 'malformed' });
    expect(notices[0].value.length).toBeLessThanOrEqual(41);
  });

  it('drops a parameter given twice with different values, keeps one given twice alike', () => {
    const twice = parseFilters({ stage: ['ONLINE', 'PROMOTION'] });
    expect(twice.filters.stage).toBeUndefined();
    expect(twice.notices).toEqual([{ key: 'stage', value: 'ONLINE, PROMOTION', values: ['ONLINE', 'PROMOTION'], reason: 'repeated' }]);
    expect(parseFilters({ stage: ['ONLINE', 'ONLINE'] }).filters.stage).toBe('ONLINE');
  });

  it('ignores empty values and parameters it does not know', () => {
    expect(parseFilters({ stage: '', utm_source: 'mail', q: '   ' })).toEqual({
      filters: {},
      notices: [{ key: 'q', value: '   ', values: ['   '], reason: 'malformed' }],
    });
  });

  it('takes an institution by id, or by a name typed without taking a suggestion', () => {
    expect(parseFilters({ institution: '12' }).filters.institution).toBe(12);
    expect(parseFilters({ institution: ' 招行北分 ' })).toEqual({ filters: { institution: '招行北分' }, notices: [] });
    // Anything that is not an id is a name to search for, never misread as an id.
    for (const text of ['-1', '0', '1e3', '0x10', '99999999999', '1.5']) expect(parseFilters({ institution: text }).filters.institution).toBe(text);
  });
});

describe('filter links', () => {
  it('writes filters back in a stable order and drops what is changed to undefined', () => {
    const { filters } = parseFilters({ page: '3', stage: 'ONLINE', direction: 'D2' });
    expect(filterHref('/projects', filters)).toBe('/projects?direction=D2&stage=ONLINE&page=3');
    expect(filterHref('/projects', filters, { page: undefined, field: 'D2-1' })).toBe('/projects?direction=D2&field=D2-1&stage=ONLINE');
    expect(filterHref('/dashboard', {})).toBe('/dashboard');
  });

  it('tells a narrowed view from the whole program', () => {
    expect(isNarrowed({})).toBe(false);
    expect(isNarrowed({ program: 'X', sort: 'name', page: 2, placeholders: 'include' })).toBe(false);
    expect(isNarrowed({ placeholders: 'exclude' })).toBe(true);
    // Retired projects shown beside the others still make the whole program; retired ones alone do not.
    expect(isNarrowed({ retired: 'exclude' })).toBe(false);
    expect(isNarrowed({ retired: 'include' })).toBe(false);
    expect(isNarrowed({ retired: 'only' })).toBe(true);
    expect(isNarrowed({ q: 'a' })).toBe(true);
  });
});
