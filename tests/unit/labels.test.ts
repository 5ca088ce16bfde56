/** Coded cells: a label in either language or the code, read back to the code; written as the reader's label. */
import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '@/lib/rules/stages';
import { agreed, codedCell, codeOf, labelOf, stageOf } from '@/lib/transfer/labels';

const stage = (id: number, code: string, name: string, nameEn: string) => ({
  id,
  code,
  name,
  nameEn,
  sortOrder: id,
  meaning: 'LIVE' as const,
  onPath: true,
  requiresApproval: true,
  kpiKey: null,
  statementOpen: false,
  requiresAssessment: false,
});
const pilot: Pick<Lifecycle, 'stages'> = { stages: [stage(1, 'APPROVED', '已批准', 'Approved'), stage(2, 'PROMOTION', '应用推广期', 'Promotion')] };

describe('coded cells', () => {
  it('read a code or a label in either language, whatever the case, width or spacing', () => {
    for (const text of ['约（近似值）', '约(近似值)', 'about (approximate)', 'ABOUT', 'about', ' about ', '约'])
      expect(codeOf('qualifier', text)).toBe('ABOUT');
    for (const text of ['支付机构', 'Payment organisation', 'payment_org']) expect(codeOf('kind', text)).toBe('PAYMENT_ORG');
    expect(codeOf('source', '机构报送')).toBe('institution');
  });

  it('name nothing for text that is no code or label', () => {
    for (const text of ['BANKS', '银', '', 'BANK; DROP TABLE']) expect(codeOf('kind', text)).toBeNull();
    expect(codedCell('kind').safeParse('银').error?.issues[0].message).toBe('ENUM');
    expect(codedCell('kind').parse('')).toBeNull();
  });

  it('write the label of the reader’s language, a code without one as itself', () => {
    expect(labelOf('kind', 'BANK', 'zh')).toBe('银行');
    expect(labelOf('kind', 'BANK', 'en')).toBe('Bank');
    expect(labelOf('source', 'press-release', 'zh')).toBe('press-release');
  });

  it('find a stage of the program’s lifecycle by its code or its name in either language', () => {
    for (const text of ['PROMOTION', 'promotion', '应用推广期', 'Promotion', ' 应用推广期 ']) expect(stageOf(pilot, text)?.code).toBe('PROMOTION');
    expect(stageOf(pilot, '推广')).toBeUndefined();
  });

  it('let a label column and its code column be filled alone, or together when they agree', () => {
    expect(agreed('BANK', null)).toEqual({ code: 'BANK', mismatch: false });
    expect(agreed(null, 'BANK')).toEqual({ code: 'BANK', mismatch: false });
    expect(agreed('BANK', 'BANK')).toEqual({ code: 'BANK', mismatch: false });
    expect(agreed('BANK', 'OTHER')).toEqual({ code: null, mismatch: true });
  });
});
