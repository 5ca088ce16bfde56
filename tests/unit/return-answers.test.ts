import { describe, expect, it } from 'vitest';
import { answerErrors, changedSections, indicatorAnswers } from '@/lib/rules/return-answers';
import { returnAnswersSchema, type ReturnSection } from '@/lib/schemas/returns';

const SECTIONS: ReturnSection[] = [
  { id: 'progress', kind: 'TEXT', label: '运行情况', labelEn: 'Operations', required: true, maxLength: 20 },
  { id: 'users', kind: 'INDICATOR', indicatorCode: 'USERS', required: true },
  { id: 'merchants', kind: 'INDICATOR', indicatorCode: 'MERCHANTS', required: false },
  { id: 'risk', kind: 'RISK_CHECK', label: '风险', labelEn: 'Risk' },
  { id: 'complaints', kind: 'COMPLAINTS', label: '投诉', labelEn: 'Complaints' },
  { id: 'attachments', kind: 'ATTACHMENTS', label: '附件', labelEn: 'Attachments', required: false },
];
const complete = {
  progress: '平稳',
  users: { value: '1,200', qualifier: '' },
  risk: { answer: 'no', explanation: '' },
  complaints: { received: '2', resolved: '1' },
};
const errorsOf = (answers: unknown, draft = false) => {
  const r = returnAnswersSchema(SECTIONS, { draft }).safeParse(answers);
  return r.success ? {} : answerErrors(r.error.issues);
};

describe('the answers schema of a template', () => {
  it('takes a complete submission, numbers typed as text included', () => {
    expect(returnAnswersSchema(SECTIONS).parse(complete)).toMatchObject({
      users: { value: 1200, qualifier: 'EXACT' },
      complaints: { received: 2, resolved: 1 },
    });
  });

  it('lets a draft leave any section unanswered, but never a malformed answer', () => {
    expect(errorsOf({}, true)).toEqual({});
    expect(errorsOf({ complaints: { received: '1', resolved: '3' } }, true)).toEqual({ 'answers.complaints.resolved': ['resolvedAboveReceived'] });
    expect(errorsOf({ progress: 'x'.repeat(21) }, true)).toEqual({ 'answers.progress': ['tooLong'] });
  });

  it('names every missing required section of a submission as required, and the optional ones not at all', () => {
    expect(errorsOf({})).toEqual({
      'answers.progress': ['required'],
      'answers.users': ['required'],
      'answers.risk': ['required'],
      'answers.complaints': ['required'],
    });
  });

  it('asks for an explanation of a "yes" risk, and refuses a section the template does not have', () => {
    expect(errorsOf({ ...complete, risk: { answer: 'yes', explanation: ' ' } })).toEqual({ 'answers.risk.explanation': ['explanationRequired'] });
    expect(errorsOf({ ...complete, elsewhere: 'x' })).toEqual({ 'answers.elsewhere': ['unknownSection'] });
    expect(errorsOf({ ...complete, users: 'many' })).toEqual({ 'answers.users': ['invalid'] });
  });
});

describe('what changed between two submissions', () => {
  it('compares answers by what they say, not how they were typed', () => {
    const before = { progress: '平稳', users: { value: 1200, qualifier: 'EXACT' }, attachments: [] };
    expect(changedSections(SECTIONS, before, { users: { qualifier: 'EXACT', value: 1200 }, progress: '平稳', attachments: [] })).toEqual([]);
    expect(changedSections(SECTIONS, before, { ...before, progress: '增长', merchants: { value: 3, qualifier: 'EXACT' } })).toEqual(['progress', 'merchants']);
    // An answer emptied is a change; an empty text and no answer are the same.
    expect(changedSections(SECTIONS, before, { ...before, users: undefined })).toEqual(['users']);
    expect(changedSections(SECTIONS, { progress: '' }, {})).toEqual([]);
  });
});

describe('the indicator values a return reports', () => {
  it('lists the indicator sections answered, in the template order, with their qualifier', () => {
    const parsed = returnAnswersSchema(SECTIONS).parse({ ...complete, merchants: { value: '30', qualifier: 'ABOUT' } });
    expect(indicatorAnswers(SECTIONS, parsed)).toEqual([
      { sectionId: 'users', indicatorCode: 'USERS', value: 1200, qualifier: 'EXACT' },
      { sectionId: 'merchants', indicatorCode: 'MERCHANTS', value: 30, qualifier: 'ABOUT' },
    ]);
    expect(indicatorAnswers(SECTIONS, { progress: '平稳' })).toEqual([]);
  });
});
