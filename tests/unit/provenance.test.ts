import { describe, expect, it } from 'vitest';
import { changedFields, labelAfter, markEdited, PROJECT_FIELDS } from '@/lib/rules/provenance';
import { referenceMode, retiredWhere } from '@/lib/rules/retired';

describe('what an edit changes', () => {
  it('compares lists in order and treats null and undefined alike', () => {
    const before = { name: '甲', scenarios: ['a', 'b'], note: null };
    expect(changedFields(['name', 'scenarios', 'note'] as const, before, { name: '甲', scenarios: ['a', 'b'], note: undefined })).toEqual([]);
    expect(changedFields(['name', 'scenarios', 'note'] as const, before, { name: '乙', scenarios: ['b', 'a'], note: null })).toEqual(['name', 'scenarios']);
  });

  it('marks each edited field once, in the order of the record, and keeps what was marked before', () => {
    expect(markEdited(PROJECT_FIELDS, ['summary'], ['institutions', 'name', 'summary'])).toEqual(['name', 'summary', 'institutions']);
    expect(markEdited(PROJECT_FIELDS, [], [])).toEqual([]);
  });
});

describe('the label of an edited value', () => {
  const inferred = { inferred: true, note: '依据项目名称推断' };
  const quoted = { inferred: false, note: '文章：“……”' };

  it('stays as it was while the value stays and the editor leaves it alone', () => {
    expect(labelAfter(false, inferred, { ...inferred })).toEqual(inferred);
    expect(labelAfter(false, quoted, { ...quoted })).toEqual(quoted);
  });

  it('is cleared when the value changes under a label the editor left as it was: it spoke of the old value', () => {
    expect(labelAfter(true, inferred, { ...inferred })).toEqual({ inferred: false, note: null });
    expect(labelAfter(true, quoted, { inferred: false, note: ' 文章：“……” ' })).toEqual({ inferred: false, note: null });
  });

  it('is the editor’s own when they change it, with or without the value', () => {
    expect(labelAfter(true, inferred, { inferred: true, note: '依据监管部门说明' })).toEqual({ inferred: true, note: '依据监管部门说明' });
    expect(labelAfter(false, inferred, { inferred: false, note: '' })).toEqual({ inferred: false, note: null });
  });
});

describe('the retired rule', () => {
  it('leaves retired records out by default, and shows them when asked', () => {
    expect(retiredWhere()).toEqual({ retiredAt: null });
    expect(retiredWhere('include')).toEqual({});
    expect(retiredWhere('only')).toEqual({ retiredAt: { not: null } });
  });

  it('shows the retired entries a view points to only when the view asks for retired records', () => {
    expect(referenceMode(undefined)).toBe('exclude');
    expect(referenceMode('exclude')).toBe('exclude');
    expect(referenceMode('include')).toBe('include');
    expect(referenceMode('only')).toBe('include');
  });
});
