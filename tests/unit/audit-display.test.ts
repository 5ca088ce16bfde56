/** Audit entries in words: an entry of every action, as the history and the /audit page show it. */
import { describe, expect, it } from 'vitest';
import { AuditAction } from '@/lib/generated/prisma/enums';
import { describeAuditEntry, describeEntity, lineText, type AuditDisplayContext, type AuditLookups } from '@/lib/rules/audit-display';
import { translatorFor } from '../support/translate';

const lookups: AuditLookups = {
  indicators: new Map([
    ['MERCHANTS', { nameZh: '服务商户数', nameEn: 'Merchants served', unit: '户', kind: 'COUNT' as const }],
    ['ONLINE_RATE', { nameZh: '线上办理率', nameEn: 'Online rate', unit: '%', kind: 'PERCENT' as const }],
  ]),
  users: new Map([[5, '张监管']]),
  institutions: new Map([[3, '招商银行北京分行']]),
  fields: new Map([
    ['D1-1', { name: '智慧银行', nameEn: 'Smart banking' }],
    ['#3', { name: '智慧银行', nameEn: 'Smart banking' }],
    ['D4-2', { name: '民生服务', nameEn: 'Public services' }],
    ['#7', { name: '民生服务', nameEn: 'Public services' }],
  ]),
  directions: new Map(),
  // Stages are data: named by the lifecycle of the entry's project, or by code alone.
  stages: new Map([
    ['ONLINE', { name: '上线运行', nameEn: 'Online' }],
    ['PROMOTION', { name: '应用推广期', nameEn: 'Promotion' }],
    ['9:PUBLICITY', { name: '公示', nameEn: 'Public notice' }],
  ]),
};
const zhContext: AuditDisplayContext = { t: await translatorFor('zh'), locale: 'zh', lookups };
const enContext: AuditDisplayContext = { t: await translatorFor('en'), locale: 'en', lookups };
const lines = (entry: { action: AuditAction; entityType?: string; projectId?: number; before: unknown; after: unknown }, ctx = zhContext) =>
  describeAuditEntry(entry, ctx).map(lineText);

/** One entry of every action, shaped as the data layer writes them. */
const ENTRIES: Record<AuditAction, { entityType: string; before: unknown; after: unknown; expected: string[] }> = {
  PROJECT_EDIT: {
    entityType: 'Project',
    before: { summary: '旧简介', scenarios: ['缴费'], version: 4 },
    after: { summary: '新简介', scenarios: ['缴费', '缴税'], version: 5 },
    expected: ['简介: 旧简介 → 新简介', '应用场景: 缴费 → 缴费、缴税'],
  },
  STAGE_PROPOSE: {
    entityType: 'StageProposal',
    before: null,
    after: { fromStage: 'ONLINE', toStage: 'PROMOTION', effectiveDate: '2026-03-01', evidenceNote: '推广方案', status: 'PENDING' },
    expected: ['状态: 待审批', '原阶段: 上线运行', '目标阶段: 应用推广期', '生效日期: 2026-03-01', '证明材料说明: 推广方案'],
  },
  STAGE_APPROVE: {
    entityType: 'StageProposal',
    before: { status: 'PENDING', fromStage: 'ONLINE', toStage: 'PROMOTION' },
    after: { status: 'APPROVED', note: '同意', stage: 'PROMOTION', effectiveDate: '2026-03-01' },
    expected: ['状态: 待审批 → 已批准', '原阶段: 上线运行', '目标阶段: 应用推广期', '阶段: 应用推广期', '生效日期: 2026-03-01', '审批意见: 同意'],
  },
  STAGE_REJECT: {
    entityType: 'StageProposal',
    before: { status: 'PENDING', fromStage: 'ONLINE', toStage: 'PROMOTION' },
    after: { status: 'REJECTED', note: '证明材料不足', stage: 'ONLINE', effectiveDate: '2026-03-01' },
    expected: ['状态: 待审批 → 已驳回', '原阶段: 上线运行', '目标阶段: 应用推广期', '阶段: 上线运行', '生效日期: 2026-03-01', '审批意见: 证明材料不足'],
  },
  MILESTONE_ADD: {
    entityType: 'Milestone',
    before: null,
    after: { title: '完成推广', dueDate: '2026-06-30' },
    expected: ['里程碑: 完成推广', '计划完成日期: 2026-06-30'],
  },
  MILESTONE_COMPLETE: {
    entityType: 'Milestone',
    before: { title: '完成推广', completedAt: null },
    after: { title: '完成推广', completedAt: '2026-03-02' },
    expected: ['里程碑: 完成推广', '完成日期: — → 2026-03-02'],
  },
  METRIC_RECORD: {
    entityType: 'MetricValue',
    before: null,
    after: { indicator: 'MERCHANTS', asOf: '2026-02-28', value: 1325, qualifier: 'ABOUT', unit: '户', sourceNote: '月报', correctionNote: '' },
    // The empty correction note of a new value says nothing, so it is not shown.
    expected: ['指标: 服务商户数', '截至日期: 2026-02-28', '数值: 约1,325户', '来源说明: 月报'],
  },
  METRIC_CORRECT: {
    entityType: 'MetricValue',
    before: { indicator: 'MERCHANTS', asOf: '2026-02-28', value: 325512, qualifier: 'EXACT', sourceNote: '月报' },
    after: { indicator: 'MERCHANTS', asOf: '2026-02-28', value: 325513, qualifier: 'OVER', unit: '户', sourceNote: '月报', correctionNote: '口径更正' },
    expected: ['指标: 服务商户数', '截至日期: 2026-02-28', '数值: 325,512户 → 超过325,513户', '更正说明: 口径更正'],
  },
  USER_CREATE: {
    entityType: 'User',
    before: null,
    after: { email: 'a@b.example', name: '新用户', role: 'INSTITUTION', institutionId: 3, disabled: false },
    expected: ['姓名: 新用户', '邮箱: a@b.example', '角色: 试点机构', '所属机构: 招商银行北京分行', '停用: 否'],
  },
  USER_UPDATE: {
    entityType: 'User',
    before: { email: 'a@b.example', name: '新用户', role: 'INSTITUTION', institutionId: 3, disabled: false },
    after: { email: 'a@b.example', name: '新用户', role: 'LEADER', institutionId: null, disabled: true },
    expected: ['姓名: 新用户', '邮箱: a@b.example', '角色: 试点机构 → 领导', '所属机构: 招商银行北京分行 → —', '停用: 否 → 是'],
  },
  PASSWORD_CHANGE: { entityType: 'User', before: null, after: { mustChangePassword: false }, expected: ['须修改密码: 否'] },
  PASSWORD_RESET: { entityType: 'User', before: { mustChangePassword: false }, after: { mustChangePassword: true }, expected: ['须修改密码: 否 → 是'] },
  NAME_CHANGE: { entityType: 'User', before: { name: '张伟' }, after: { name: '张维' }, expected: ['姓名: 张伟 → 张维'] },
  MILESTONE_EDIT: {
    entityType: 'Milestone',
    before: { title: '上线', dueDate: '2021-01-01T00:00:00.000Z' },
    after: { title: '上线', dueDate: '2021-02-01T00:00:00.000Z' },
    expected: ['里程碑: 上线', '计划完成日期: 2021-01-01 → 2021-02-01'],
  },
  COMMENT_EDIT: { entityType: 'Comment', before: { body: '请补充口径' }, after: { body: '请补充数据口径' }, expected: ['内容: 请补充口径 → 请补充数据口径'] },
  REPORT_EDIT: {
    entityType: 'ProgressReport',
    before: { period: '2021-Q2', body: '进展' },
    after: { period: '2021-Q2', body: '进展顺利' },
    expected: ['报告季度: 2021-Q2', '内容: 进展 → 进展顺利'],
  },
  INSTITUTION_EDIT: {
    entityType: 'Institution',
    before: { name: '招商银行北京分行', kind: null, kindInferred: true },
    after: { name: '招商银行北京分行', kind: 'BANK', kindInferred: false },
    expected: ['名称: 招商银行北京分行', '机构类型: — → 银行', '类型为推断: 是 → 否'],
  },
  INDICATOR_EDIT: {
    entityType: 'Indicator',
    before: { indicator: 'MERCHANTS', unit: '家' },
    after: { indicator: 'MERCHANTS', unit: '户' },
    expected: ['指标: 服务商户数', '单位: 家 → 户'],
  },
  TECHNOLOGY_EDIT: {
    entityType: 'Technology',
    before: { name: '区块链', nameEn: 'Block chain' },
    after: { name: '区块链', nameEn: 'Blockchain' },
    expected: ['名称: 区块链', '英文名称: Block chain → Blockchain'],
  },
  RECORD_RETIRE: {
    entityType: 'Milestone',
    before: { title: '上线', retiredAt: null, version: 1 },
    after: { title: '上线', retiredAt: '2026-11-30T16:30:00.000Z', version: 2 },
    expected: ['里程碑: 上线', '停用时间: — → 2026-12-01 00:30'],
  },
  RECORD_RESTORE: {
    entityType: 'Milestone',
    before: { title: '上线', retiredAt: '2026-11-30T16:30:00.000Z', version: 2 },
    after: { title: '上线', retiredAt: null, version: 3 },
    expected: ['里程碑: 上线', '停用时间: 2026-12-01 00:30 → —'],
  },
  RETURN_TEMPLATE_SAVE: {
    entityType: 'ReturnTemplate',
    before: { name: '季度运行报告', templateVersion: 1, sections: ['运行情况', '服务商户数'] },
    after: { name: '季度运行报告', templateVersion: 2, sections: ['运行情况', '服务商户数', '风险自查'] },
    expected: ['名称: 季度运行报告', '模板版本: 1 → 2', '报送内容: 运行情况、服务商户数 → 运行情况、服务商户数、风险自查'],
  },
  RETURN_SCHEDULE_SAVE: {
    entityType: 'ReturnSchedule',
    before: null,
    after: { frequency: 'QUARTERLY', dueDays: 15, stageCodes: ['ONLINE', 'PROMOTION'], startsOn: '2026-01-01' },
    expected: ['报送频率: 按季度', '期末后截止天数: 15', '适用阶段: 上线运行、应用推广期', '起始日期: 2026-01-01'],
  },
  RETURN_SUBMIT: {
    entityType: 'Return',
    before: { period: '2026-Q3', returnStatus: 'RETURNED' },
    after: { period: '2026-Q3', returnStatus: 'SUBMITTED', submission: 2 },
    expected: ['报告季度: 2026-Q3', '报送状态: 已退回修改 → 已提交', '提交次数: 2'],
  },
  RETURN_ACCEPT: {
    entityType: 'Return',
    before: { period: '2026-Q3', returnStatus: 'SUBMITTED' },
    after: { period: '2026-Q3', returnStatus: 'ACCEPTED', reviewNote: '数据完整' },
    expected: ['报告季度: 2026-Q3', '报送状态: 已提交 → 已通过', '审核意见: 数据完整'],
  },
  RETURN_SEND_BACK: {
    entityType: 'Return',
    before: { period: '2026-Q3', returnStatus: 'SUBMITTED' },
    after: { period: '2026-Q3', returnStatus: 'RETURNED', reviewNote: '请补充风险自查说明' },
    expected: ['报告季度: 2026-Q3', '报送状态: 已提交 → 已退回修改', '审核意见: 请补充风险自查说明'],
  },
  NOTIFICATION_PREFERENCES_SAVE: {
    entityType: 'User',
    before: { emailKinds: ['RETURN_DUE', 'RETURN_OVERDUE', 'COMMENT_ADDED'] },
    after: { emailKinds: ['RETURN_OVERDUE'] },
    expected: ['邮件提醒: 报送即将到期、报送已逾期、项目收到监管意见 → 报送已逾期'],
  },
  INCIDENT_REPORT: {
    entityType: 'Incident',
    before: null,
    after: {
      category: 'DATA_SECURITY',
      severity: 'MAJOR',
      occurredAt: '2026-11-01T01:00:00.000Z',
      reportedAt: '2026-11-01T07:30:00.000Z',
      customersAffected: 12,
      amountAffected: null,
      description: '接口异常调用',
      actionsTaken: '',
      incidentStatus: 'OPEN',
    },
    expected: [
      '事件状态: 待处置',
      '事件类别: 数据安全',
      '严重程度: 较大',
      '发生时间: 2026-11-01 09:00',
      '报告时间: 2026-11-01 15:30',
      '影响客户数: 12',
      '事件经过: 接口异常调用',
    ],
  },
  INCIDENT_ADVANCE: {
    entityType: 'Incident',
    before: { incidentStatus: 'OPEN', actionsTaken: '' },
    after: { incidentStatus: 'HANDLING', actionsTaken: '已启动应急预案' },
    expected: ['事件状态: 待处置 → 处置中', '处置措施: （空） → 已启动应急预案'],
  },
  INCIDENT_CLOSE: {
    entityType: 'Incident',
    before: { incidentStatus: 'RESOLVED' },
    after: { incidentStatus: 'CLOSED', note: '同意销号' },
    expected: ['审批意见: 同意销号', '事件状态: 已处置待销号 → 已销号'],
  },
  INCIDENT_SEND_BACK: {
    entityType: 'Incident',
    before: { incidentStatus: 'RESOLVED' },
    after: { incidentStatus: 'HANDLING', note: '请补充原因分析' },
    expected: ['审批意见: 请补充原因分析', '事件状态: 已处置待销号 → 处置中'],
  },
  RULE_SAVE: {
    entityType: 'MonitoringRule',
    before: null,
    after: {
      name: '用户数超过上限',
      ruleKind: 'THRESHOLD',
      ruleDirection: 'ABOVE',
      limit: 100000,
      count: null,
      incidentSeverity: null,
      severity: 'MAJOR',
      projectCodes: 'BJFT-06',
    },
    expected: ['名称: 用户数超过上限', '严重程度: 较大', '规则类型: 指标阈值', '方向: 高于', '阈值: 100000', '适用项目: BJFT-06'],
  },
  RULE_SET_ACTIVE: {
    entityType: 'MonitoringRule',
    before: { name: '用户数超过上限', active: true },
    after: { name: '用户数超过上限', active: false },
    expected: ['名称: 用户数超过上限', '启用: 是 → 否'],
  },
  INCIDENT_DEADLINES_SAVE: {
    entityType: 'Program',
    before: { deadlines: { GENERAL: 24, MAJOR: 12, SERIOUS: 4, CRITICAL: 2 } },
    after: { deadlines: { GENERAL: 48, MAJOR: 12, SERIOUS: 4, CRITICAL: 1 } },
    expected: ['报告时限: 一般 24 小时、较大 12 小时、重大 4 小时、特别重大 2 小时 → 一般 48 小时、较大 12 小时、重大 4 小时、特别重大 1 小时'],
  },
  WARNING_ACKNOWLEDGE: {
    entityType: 'Warning',
    before: { warningStatus: 'OPEN' },
    after: { warningStatus: 'ACKNOWLEDGED', note: '已约谈机构' },
    expected: ['审批意见: 已约谈机构', '预警状态: 未处理 → 已确认'],
  },
  WARNING_CLOSE: {
    entityType: 'Warning',
    before: { warningStatus: 'ACKNOWLEDGED' },
    after: { warningStatus: 'CLOSED', note: '数据已核实' },
    expected: ['审批意见: 数据已核实', '预警状态: 已确认 → 已关闭'],
  },
  RUBRIC_SAVE: {
    entityType: 'Rubric',
    before: { scaleMax: 5, weights: '创新价值 0.5、合法合规 0.5' },
    after: { scaleMax: 10, weights: '创新价值 0.6、合法合规 0.4' },
    expected: ['量表上限: 5 → 10', '维度权重: 创新价值 0.5、合法合规 0.5 → 创新价值 0.6、合法合规 0.4'],
  },
  ASSESSMENT_SCORE: {
    entityType: 'Assessment',
    before: null,
    after: { round: 'SELF', scores: '创新价值 4、合法合规 5' },
    expected: ['评估轮次: 机构自评', '评分: 创新价值 4、合法合规 5'],
  },
  ASSESSMENT_CONFIRM: {
    entityType: 'Assessment',
    before: { assessmentStatus: 'OPEN' },
    after: { assessmentStatus: 'CONFIRMED', total: 86.5 },
    expected: ['评估状态: 评估中 → 已确认', '综合得分: 86.5'],
  },
  FEEDBACK_SUBMIT: { entityType: 'PublicFeedback', before: null, after: { feedbackCategory: 'COMPLAINT' }, expected: ['反馈类别: 投诉'] },
  FEEDBACK_MODERATE: {
    entityType: 'PublicFeedback',
    before: { feedbackStatus: 'NEW', feedbackSummary: '' },
    after: { feedbackStatus: 'HANDLED', feedbackSummary: '关于费率的意见' },
    expected: ['处理状态: 待处理 → 已处理', '意见摘要: （空） → 关于费率的意见'],
  },
  FEEDBACK_ANSWER: { entityType: 'PublicFeedback', before: { answer: '' }, after: { answer: '已联系用户' }, expected: ['机构答复: （空） → 已联系用户'] },
  REVIEWER_ASSIGN: { entityType: 'Project', before: null, after: { reviewer: '王专家' }, expected: ['评审专家: 王专家'] },
  COMMENT_ADD: { entityType: 'Comment', before: null, after: { body: '请补充数据口径' }, expected: ['内容: 请补充数据口径'] },
  REPORT_SUBMIT: {
    entityType: 'ProgressReport',
    before: null,
    after: { period: '2026-Q1', body: '进展顺利' },
    expected: ['报告季度: 2026-Q1', '内容: 进展顺利'],
  },
  IMPORT_CREATE: {
    entityType: 'MetricValue',
    before: null,
    after: { indicator: 'ONLINE_RATE', asOf: '2026-01-31', value: 71.5, qualifier: 'EXACT', unit: '%', source: 'institution', file: 'values.xlsx' },
    expected: ['指标: 线上办理率', '截至日期: 2026-01-31', '数值: 71.5%', '来源: 机构报送', '导入文件: values.xlsx'],
  },
  EXPORT_START: {
    entityType: 'ExportJob',
    before: null,
    after: { exportTable: 'metrics', format: 'xlsx', rowCount: 120000, filters: '试点计划=BJ-FINTECH-PILOT' },
    expected: ['导出内容: 成果数据', '格式: xlsx', '行数: 120000', '筛选条件: 试点计划=BJ-FINTECH-PILOT'],
  },
};

describe('an audit entry in words', () => {
  it.each(Object.values(AuditAction))('%s reads as labelled lines, without ids or versions', (action) => {
    const { entityType, before, after, expected } = ENTRIES[action];
    const shown = lines({ action, entityType, before, after });
    expect(shown).toEqual(expected);
    // Nothing internal: no version, no id, no raw codes of stages, roles or indicators.
    expect(shown.join('\n')).not.toMatch(/version|Id\b|#\d|\b(ONLINE|PROMOTION|PENDING|INSTITUTION|MERCHANTS|EXACT|ABOUT)\b/);
  });

  it('names a field change by the fields’ names, whether the snapshot holds codes or ids', () => {
    expect(lines({ action: 'PROJECT_EDIT', before: { field: 'D1-1', version: 1 }, after: { field: 'D4-2', version: 2 } })).toEqual([
      '领域: 智慧银行 → 民生服务',
    ]);
    expect(lines({ action: 'PROJECT_EDIT', before: { fieldId: 3, version: 1 }, after: { fieldId: 7, version: 2 } })).toEqual(['领域: 智慧银行 → 民生服务']);
    expect(lines({ action: 'PROJECT_EDIT', before: { fieldId: 3 }, after: { fieldId: 7 } }, enContext)).toEqual(['Field: Smart banking → Public services']);
    // A field deleted since reads as such, never as its id.
    expect(lines({ action: 'PROJECT_EDIT', before: { fieldId: 3 }, after: { fieldId: 99 } })).toEqual(['领域: 智慧银行 → （已不存在）']);
  });

  it('names a stage by the lifecycle of the entry’s project', () => {
    expect(lines({ action: 'STAGE_PROPOSE', projectId: 9, before: null, after: { toStage: 'PUBLICITY' } })).toEqual(['目标阶段: 公示']);
    expect(lines({ action: 'STAGE_PROPOSE', projectId: 9, before: null, after: { toStage: 'PUBLICITY' } }, enContext)).toEqual(['To stage: Public notice']);
  });

  it('names a public statement’s sections by their titles', () => {
    const entry = { action: 'PROJECT_EDIT' as const, entityType: 'Statement', before: { innovation: '旧' }, after: { innovation: '新', riskNotice: '风险' } };
    expect(lines(entry)).toEqual(['创新应用基本信息（技术创新、功能、预期效果、预期规模）: 旧 → 新', '风险提示: 风险']);
  });

  it('reads in English too', () => {
    expect(lines({ action: 'METRIC_RECORD', ...ENTRIES.METRIC_RECORD }, enContext).slice(0, 3)).toEqual([
      'Indicator: Merchants served',
      'As of: 2026-02-28',
      'Value: about 1,325 accounts',
    ]);
    expect(lines({ action: 'STAGE_REJECT', ...ENTRIES.STAGE_REJECT }, enContext)[0]).toBe('Status: Pending → Rejected');
  });

  it('leaves unchanged fields out unless they say which record changed', () => {
    const shown = lines({
      action: 'PROJECT_EDIT',
      before: { summary: '同', scenarios: ['a'], version: 1 },
      after: { summary: '同', scenarios: ['b'], version: 2 },
    });
    expect(shown).toEqual(['应用场景: a → b']);
  });

  it('shows a field it has no label for under its own name, and hides unknown ids', () => {
    expect(lines({ action: 'PROJECT_EDIT', before: { colour: 'red', ownerId: 3 }, after: { colour: 'blue', ownerId: 4 } })).toEqual(['colour: red → blue']);
  });

  it('survives snapshots that are not objects', () => {
    expect(lines({ action: 'COMMENT_ADD', before: 'text', after: [1, 2] })).toEqual([]);
    expect(lines({ action: 'COMMENT_ADD', before: null, after: null })).toEqual([]);
  });

  it('names the record: the kind, and a user or institution by name', () => {
    expect(describeEntity({ entityType: 'User', entityId: 5, before: null, after: null }, zhContext)).toBe('用户 张监管');
    expect(describeEntity({ entityType: 'Institution', entityId: 9, before: null, after: { name: '新机构' } }, zhContext)).toBe('机构 新机构');
    expect(describeEntity({ entityType: 'MetricValue', entityId: 12, before: null, after: {} }, zhContext)).toBe('成果数据');
    expect(describeEntity({ entityType: 'StageProposal', entityId: 12, before: null, after: {} }, enContext)).toBe('Stage proposal');
  });
});
