/**
 * The two lifecycles the portal knows, as data: the only place where stages are
 * named. A program follows one; a new program with a new path is a new entry
 * here (or a row in the database), not a code change.
 */
import type { StageMeaning } from '../lib/generated/prisma/enums';

type StageDef = {
  code: string;
  name: string;
  nameEn: string;
  meaning: `${StageMeaning}`;
  onPath?: boolean;
  requiresApproval?: boolean;
  kpiKey?: string;
  statementOpen?: boolean;
  /** Entering the stage needs a confirmed assessment. */
  requiresAssessment?: boolean;
  /** The public notice (公示): the statement is published and the public may comment. */
  publicNotice?: boolean;
};
export type LifecycleDef = { code: string; name: string; nameEn: string; hasStatement: boolean; stages: StageDef[] };

/** The application pilot: approval → going online (上线运行) → promotion (应用推广期) → completion, or withdrawal. */
export const PILOT: LifecycleDef = {
  code: 'PILOT',
  name: '金融科技应用试点',
  nameEn: 'Fintech application pilot',
  hasStatement: false,
  stages: [
    { code: 'APPROVED', name: '获批', nameEn: 'Approved', meaning: 'PENDING' },
    { code: 'ONLINE', name: '上线运行', nameEn: 'Online', meaning: 'LIVE', kpiKey: 'online' },
    { code: 'PROMOTION', name: '应用推广期', nameEn: 'Promotion stage', meaning: 'LIVE', kpiKey: 'promotion' },
    { code: 'COMPLETED', name: '完成', nameEn: 'Completed', meaning: 'COMPLETED' },
    { code: 'WITHDRAWN', name: '撤回', nameEn: 'Withdrawn', meaning: 'LEFT', onPath: false },
  ],
};

/**
 * The innovation regulatory pilot (the sandbox): 申报 → 公示 → 登记 (testing live) →
 * 测试结束申请 → 综合评估 → 完成测试 (出箱) → 对外推广, or exit through the exit
 * mechanism from any open stage. Each step is stated in a public source; the
 * chain is our reading of them (sandbox.md). The lead institution edits its
 * public statement while applying; ending the test is its own request.
 */
export const SANDBOX: LifecycleDef = {
  code: 'SANDBOX',
  name: '金融科技创新监管试点',
  nameEn: 'Fintech innovation regulatory pilot',
  hasStatement: true,
  stages: [
    { code: 'APPLIED', name: '申报', nameEn: 'Applied', meaning: 'PENDING', statementOpen: true },
    { code: 'NOTICE', name: '公示', nameEn: 'Public notice', meaning: 'PENDING', publicNotice: true },
    { code: 'REGISTERED', name: '登记（测试运行）', nameEn: 'Registered (testing live)', meaning: 'LIVE' },
    { code: 'END_REQUESTED', name: '测试结束申请', nameEn: 'End of test requested', meaning: 'LIVE', requiresApproval: false },
    { code: 'ASSESSMENT', name: '综合评估', nameEn: 'Overall assessment', meaning: 'LIVE' },
    { code: 'COMPLETED', name: '完成测试（出箱）', nameEn: 'Test completed', meaning: 'COMPLETED', kpiKey: 'completed', requiresAssessment: true },
    { code: 'PROMOTED', name: '对外推广', nameEn: 'Promoted', meaning: 'COMPLETED' },
    { code: 'EXITED', name: '退出', nameEn: 'Exited', meaning: 'LEFT', onPath: false },
  ],
};

export const LIFECYCLES = [PILOT, SANDBOX];
