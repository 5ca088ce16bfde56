/** Property tests: every write schema survives any value, and refuses hostile fields with a field message. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { metricRecordSchema } from '@/lib/schemas/metric';
import {
  commentEditSchema,
  commentSchema,
  milestoneAddSchema,
  milestoneEditSchema,
  progressReportEditSchema,
  progressReportSchema,
  milestoneCompleteSchema,
  projectDetailsSchema,
  proposalDecisionSchema,
  stageProposalSchema,
} from '@/lib/schemas/project';
import { indicatorEditSchema, institutionEditSchema, projectEditSchema, technologyEditSchema } from '@/lib/schemas/corrections';
import {
  commentRetireSchema,
  indicatorRetireSchema,
  institutionRetireSchema,
  milestoneRetireSchema,
  progressReportRetireSchema,
  projectRetireSchema,
  technologyRetireSchema,
} from '@/lib/schemas/retire';
import { userCreateSchema, userUpdateSchema } from '@/lib/schemas/user';
import { ownNameSchema, passwordChangeSchema, passwordResetSchema, userDetailsSchema } from '@/lib/schemas/account';
import { auditFilterSchema } from '@/lib/schemas/audit';
import { emailPreferencesSchema, notificationReadSchema, notificationsReadAllSchema } from '@/lib/schemas/notifications';
import { returnScheduleCreateSchema, returnScheduleEditSchema, returnTemplateCreateSchema, returnTemplateEditSchema } from '@/lib/schemas/return-templates';
import { incidentDecisionSchema, incidentReportSchema, incidentStepSchema, ruleSchema, warningHandleSchema } from '@/lib/schemas/risk';
import { assessmentConfirmSchema, assessmentScoreSchema, reviewerAssignSchema, rubricSchema } from '@/lib/schemas/assessment';
import { toInput } from '@/lib/schemas/fields';
import { mutated, optionalText } from '../support/hostile';
import { NOTIFICATION_KINDS } from '@/lib/rules/notifications';
import { returnFilingSchema, returnReviewSchema } from '@/lib/schemas/returns';
import { FILING_HOSTILE_SCHEMA, REVIEW_HOSTILE_SCHEMA } from '../support/returns';

const RUNS = 300;
// A valid new password is judged by zxcvbn, tens of milliseconds a check: fewer runs, more time.
const SLOW = new Set(['passwordChange']);
const runs = (name: string) => (SLOW.has(name) ? 40 : RUNS);
const SLOW_TEST = { timeout: 60_000 };

/** A template's sections as its form sends them: JSON text. */
const SECTIONS = JSON.stringify([
  { id: 'operations', kind: 'TEXT', label: '运行情况', labelEn: 'Operations', required: true, maxLength: 2000 },
  { id: 'users', kind: 'INDICATOR', indicatorCode: 'USERS', required: false },
  { id: 'risk', kind: 'RISK_CHECK', label: '风险自查', labelEn: 'Risk check' },
]);

const SCHEMAS: [string, z.ZodType, Record<string, unknown>, Record<string, fc.Arbitrary<unknown>>?][] = [
  ['projectDetails', projectDetailsSchema, { projectId: '6', version: '1', summary: '简介', scenarios: '缴费\n缴税' }],
  ['stageProposal', stageProposalSchema, { projectId: 6, version: 1, toStage: 'PROMOTION', effectiveDate: '2021-01-01', evidenceNote: '证据' }],
  ['proposalDecision', proposalDecisionSchema, { proposalId: '1', decision: 'APPROVE', note: '同意' }],
  ['milestoneAdd', milestoneAddSchema, { projectId: '6', title: '上线', dueDate: '2021-01-01' }],
  ['milestoneComplete', milestoneCompleteSchema, { projectId: '6', milestoneId: '2', completedAt: '2021-01-01' }],
  ['metricRecord', metricRecordSchema, { projectId: '6', indicatorCode: 'USERS', asOf: '2021-01-01', value: '1,234.5', unit: '人次', sourceNote: '月报' }],
  ['progressReport', progressReportSchema, { projectId: '6', period: '2021-q1', body: '进展' }],
  ['comment', commentSchema, { projectId: '3', body: '请补充数据口径' }],
  ['userCreate', userCreateSchema, { email: 'A@B.example', name: '新用户', role: 'LEADER', institutionId: '', password: 'long-enough-password' }],
  ['userUpdate', userUpdateSchema, { userId: '3', role: 'INSTITUTION', institutionId: '4', disabled: 'on' }],
  [
    'passwordChange',
    passwordChangeSchema,
    { currentPassword: 'anything the user had', newPassword: 'Quiet-Lantern-Harbour-7', confirmPassword: 'Quiet-Lantern-Harbour-7' },
  ],
  ['ownName', ownNameSchema, { version: '2', name: '张三' }],
  ['userDetails', userDetailsSchema, { userId: '3', version: '1', name: '李四', email: 'Li.Si@Bank.example' }],
  ['passwordReset', passwordResetSchema, { userId: '3' }],
  ['milestoneEdit', milestoneEditSchema, { projectId: '6', milestoneId: '2', version: '1', title: '上线', dueDate: '2021-01-01' }],
  ['commentEdit', commentEditSchema, { commentId: '4', version: '2', body: '请补充数据口径' }],
  ['progressReportEdit', progressReportEditSchema, { projectId: '6', reportId: '3', version: '1', period: '2021-Q2', body: '进展' }],
  [
    'projectEdit',
    projectEditSchema,
    {
      projectId: '7',
      version: '3',
      name: '央行数字货币试点',
      summary: '',
      scenarios: '缴费',
      directionId: '2',
      directionInferred: 'on',
      directionNote: '据项目名称推断',
      fieldId: '',
      fieldInferred: '',
      fieldNote: '',
      technologyIds: ['1', '4'],
      leadId: '9',
      participantIds: '12',
    },
  ],
  [
    'institutionEdit',
    institutionEditSchema,
    { institutionId: '9', version: '1', name: '招商银行北京分行', kind: '', licensed: 'yes', sourceNote: '' },
    { sourceNote: optionalText(2000) },
  ],
  ['indicatorEdit', indicatorEditSchema, { indicatorId: '1', version: '1', nameZh: '开通用户', nameEn: 'Users enrolled', unit: '人次' }],
  ['technologyEdit', technologyEditSchema, { technologyId: '1', version: '1', name: '区块链', nameEn: 'Blockchain' }],
  ['projectRetire', projectRetireSchema, { projectId: '7', version: '2', retired: 'true' }],
  ['milestoneRetire', milestoneRetireSchema, { projectId: '6', milestoneId: '2', version: '1', retired: 'false' }],
  ['progressReportRetire', progressReportRetireSchema, { projectId: '6', reportId: '3', version: '1', retired: 'true' }],
  ['commentRetire', commentRetireSchema, { commentId: '4', version: '1', retired: 'true' }],
  ['institutionRetire', institutionRetireSchema, { institutionId: '9', version: '1', retired: 'false' }],
  ['indicatorRetire', indicatorRetireSchema, { indicatorId: '1', version: '1', retired: 'true' }],
  ['technologyRetire', technologyRetireSchema, { technologyId: '1', version: '1', retired: 'true' }],
  ['notificationRead', notificationReadSchema, { notificationId: '12' }],
  ['notificationsReadAll', notificationsReadAllSchema, { upTo: '40' }],
  [
    'emailPreferences',
    emailPreferencesSchema,
    {
      emailKinds: [
        'RETURN_DUE:off',
        'RETURN_DUE:on',
        'RETURN_OVERDUE:off',
        'RETURN_RETURNED:off',
        'RETURN_ACCEPTED:off',
        'RETURN_ACCEPTED:on',
        'STAGE_DECIDED:off',
        'COMMENT_ADDED:off',
        'INCIDENT_REPORTED:off',
        'INCIDENT_REPORTED:on',
        'WARNING_RAISED:off',
        'ASSESSMENT_CONFIRMED:off',
        'REVIEWER_ASSIGNED:off',
      ],
    },
  ],
  [
    'returnTemplateCreate',
    returnTemplateCreateSchema,
    { programId: '1', code: 'quarterly', name: '季度运行报告', nameEn: 'Quarterly report', sections: SECTIONS },
  ],
  ['returnTemplateEdit', returnTemplateEditSchema, { templateId: '1', version: '2', name: '季度运行报告', nameEn: 'Quarterly report', sections: SECTIONS }],
  [
    'returnScheduleCreate',
    returnScheduleCreateSchema,
    { templateId: '1', stageCodes: ['ONLINE', 'PROMOTION'], frequency: 'QUARTERLY', dueDays: '15', startsOn: '2026-01-01', endsOn: '' },
  ],
  [
    'returnScheduleEdit',
    returnScheduleEditSchema,
    { scheduleId: '1', version: '1', stageCodes: 'ONLINE', frequency: 'MONTHLY', dueDays: '0', startsOn: '2026-01-01', endsOn: '2026-12-31' },
  ],
  [
    'returnFiling',
    returnFilingSchema,
    { projectId: '6', scheduleId: '2', period: '2026-q3', version: '0', answers: '{"progress":"本季度运行平稳","risk":{"answer":"no"}}' },
    FILING_HOSTILE_SCHEMA,
  ],
  [
    'returnReview',
    returnReviewSchema,
    { returnId: '4', version: '2', decision: 'RETURN', reviewNote: '请补充', sectionComments: '{"progress":"请说明业务量变化"}' },
    { ...REVIEW_HOSTILE_SCHEMA, reviewNote: optionalText(2000) },
  ],
  [
    'incidentReport',
    incidentReportSchema,
    {
      projectId: '6',
      category: 'DATA_SECURITY',
      severity: 'SERIOUS',
      occurredAt: '2026-11-01T09:00',
      reportedAt: '2026-11-01T11:30',
      customersAffected: '85',
      amountAffected: '12,000.5',
      description: '接口异常调用',
      actionsTaken: '',
    },
    { actionsTaken: optionalText(2000) },
  ],
  ['incidentStep', incidentStepSchema, { incidentId: '3', version: '1', step: 'RESOLVE', actionsTaken: '已完成排查' }],
  ['incidentDecision', incidentDecisionSchema, { incidentId: '3', version: '2', step: 'SEND_BACK', note: '请补充原因分析' }],
  [
    'rule',
    ruleSchema,
    {
      programId: '1',
      name: '受理终端超过上限',
      kind: 'THRESHOLD',
      indicatorId: '4',
      direction: 'ABOVE',
      limit: '1500',
      count: '',
      severity: 'MAJOR',
      projectCodes: 'bjft-05, BJFT-06',
    },
  ],
  ['warningHandle', warningHandleSchema, { warningId: '2', version: '1', step: 'CLOSE', note: '数据已核实' }],
  [
    'rubric',
    rubricSchema,
    { programId: '2', version: '1', scaleMax: '5', dimensionId: ['1', '2', '3', '4', '5'], weight: ['0.25', '0.25', '0.2', '0.2', '0.1'] },
  ],
  ['assessmentScore', assessmentScoreSchema, { projectId: '6', version: '1', dimensionId: ['1', '2'], score: ['4', '0'], evidence: ['已上线', '尚无投诉'] }],
  ['assessmentConfirm', assessmentConfirmSchema, { projectId: '6', version: '3' }],
  ['reviewerAssign', reviewerAssignSchema, { projectId: '6', userId: '9' }],
];

describe.each(SCHEMAS)('%s schema', (name, schema, valid, own) => {
  it('accepts the valid example', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it('never throws on any value at all', SLOW_TEST, () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.string(), fc.anything()), (anything, dict) => {
        schema.safeParse(anything);
        schema.safeParse({ ...valid, ...dict });
        schema.safeParse(toInput(anything));
      }),
      { numRuns: runs(name) },
    );
  });

  it('refuses hostile values in any field, naming a field', SLOW_TEST, () => {
    fc.assert(
      fc.property(mutated(valid, Object.keys(valid), own), ({ input }) => {
        const result = schema.safeParse(input);
        expect(result.success).toBe(false);
        if (!result.success) {
          const { fieldErrors } = z.flattenError(result.error);
          expect(Object.values(fieldErrors).flat().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(name) },
    );
  });
});

describe('email preferences schema', () => {
  it('takes every kind ticked "on", the rest off; a kind left out is refused', () => {
    const off = NOTIFICATION_KINDS.map((k) => `${k}:off`);
    expect(emailPreferencesSchema.parse({ emailKinds: [...off, 'RETURN_OVERDUE:on', 'COMMENT_ADDED:on'] })).toEqual({
      emailKinds: ['RETURN_OVERDUE', 'COMMENT_ADDED'],
    });
    expect(emailPreferencesSchema.parse({ emailKinds: off })).toEqual({ emailKinds: [] });
    expect(emailPreferencesSchema.safeParse({ emailKinds: off.slice(1) }).success).toBe(false);
    expect(emailPreferencesSchema.safeParse({}).success).toBe(false);
  });
});

describe('audit filter schema', () => {
  it('ignores whatever it cannot read instead of failing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('project', 'user', 'action', 'from', 'to', 'x'), fc.string()), (query) => {
        expect(auditFilterSchema.safeParse(query).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(auditFilterSchema.parse({ project: 'bjft-02', action: 'NOPE', from: '2021-02-30' })).toEqual({ project: 'BJFT-02' });
  });
});

describe('return template sections', () => {
  it('reads the form text as the template schema, and names what is wrong in words the form has', () => {
    expect(returnTemplateCreateSchema.parse({ programId: '1', code: ' q_1 ', name: 'a', nameEn: 'b', sections: SECTIONS })).toMatchObject({ code: 'Q_1' });
    const errors = (sections: unknown) => {
      const r = returnTemplateEditSchema.safeParse({ templateId: 1, version: 1, name: 'a', nameEn: 'b', sections });
      return r.success ? [] : z.flattenError(r.error).fieldErrors.sections;
    };
    expect(errors('[')).toEqual(['invalidSections']);
    expect(errors('[]')).toEqual(['required']);
    expect(errors(JSON.parse(SECTIONS))).toEqual([]);
    const twice = JSON.stringify([...JSON.parse(SECTIONS), { id: 'risk', kind: 'COMPLAINTS', label: '投诉', labelEn: 'Complaints' }]);
    expect(errors(twice)).toEqual(['duplicateSection']);
    const schedule = returnScheduleCreateSchema.safeParse({
      templateId: 1,
      stageCodes: 'ONLINE',
      frequency: 'YEARLY',
      dueDays: 30,
      startsOn: '2026-02-01',
      endsOn: '2026-01-31',
    });
    expect(schedule.success ? [] : z.flattenError(schedule.error).fieldErrors).toEqual({ endsOn: ['endsBeforeStart'] });
  });
});
