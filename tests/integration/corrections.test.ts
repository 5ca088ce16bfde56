/**
 * Corrections keep the record honest: a field a portal user changes is marked
 * as edited and loses the inference label that spoke of the old value, the old
 * value stays in the audit entry; a retired catalogue entry or institution
 * keeps its history, leaves the counts and cannot be chosen again; a retired
 * milestone, report or comment leaves the project page unless asked for.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { editCommentAction, setCommentRetiredAction } from '@/app/actions/comments';
import {
  editIndicatorAction,
  editInstitutionAction,
  editProjectAction,
  setIndicatorRetiredAction,
  setInstitutionRetiredAction,
  setTechnologyRetiredAction,
} from '@/app/actions/corrections';
import {
  completeMilestoneAction,
  editMilestoneAction,
  editProjectDetailsAction,
  recordMetricAction,
  setMilestoneRetiredAction,
  setProgressReportRetiredAction,
  submitProgressReportAction,
} from '@/app/actions/projects';
import { getIndicators, getTechnologies } from '@/lib/data/dashboard';
import { listComments } from '@/lib/data/comments';
import { getFilterOptions, resolveFilters } from '@/lib/data/filter-targets';
import { getHeadline } from '@/lib/data/headline';
import { listInstitutions } from '@/lib/data/institutions';
import { listIndicators } from '@/lib/data/metrics';
import { getProject } from '@/lib/data/projects';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const targets = async () => (await resolveFilters({ filters: {} }))!.targets;

/** What the admin's edit form sends for a project, with `change` applied. */
async function projectForm(code: string, change: Record<string, unknown> = {}) {
  const p = await prisma.project.findUniqueOrThrow({ where: { code }, include: { institutions: true, technologies: true } });
  return {
    projectId: p.id,
    version: p.version,
    name: p.name,
    summary: p.summary,
    scenarios: p.scenarios,
    directionId: p.directionId ?? '',
    directionInferred: p.directionInferred,
    directionNote: p.directionNote ?? '',
    fieldId: p.fieldId ?? '',
    fieldInferred: p.fieldInferred,
    fieldNote: p.fieldNote ?? '',
    technologyIds: p.technologies.map((t) => t.technologyId),
    leadId: p.institutions.find((i) => i.role === 'LEAD')!.institutionId,
    participantIds: p.institutions.filter((i) => i.role === 'PARTICIPANT').map((i) => i.institutionId),
    ...change,
  };
}

const direction = (code: string) => prisma.direction.findFirstOrThrow({ where: { code }, include: { fields: { orderBy: { sortOrder: 'asc' } } } });

describe('provenance of corrected fields', () => {
  it('an admin’s new direction drops the inference label that spoke of the old one, marks the field edited and keeps the old value in the history', async () => {
    const d2 = await direction('D2');
    actAs(actors.admin);
    // BJFT-03's direction and field were inferred from the article; the admin places it elsewhere.
    const stageId = (await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-03' } })).stageId;
    const form = await projectForm('BJFT-03', { directionId: d2.id, fieldId: d2.fields[0].id, name: '基于机器学习技术的大数据现金管理模型应用（更正）' });
    expect(await editProjectAction(null, form)).toEqual({ ok: true, message: 'SAVED' });
    const p = await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-03' } });
    expect(p).toMatchObject({ directionId: d2.id, directionInferred: false, directionNote: null, fieldInferred: false, fieldNote: null, stageId });
    expect(p.editedFields).toEqual(['name', 'direction', 'field']);
    const [entry] = await prisma.auditEntry.findMany({ where: { projectId: p.id, action: 'PROJECT_EDIT' } });
    expect(entry.before).toMatchObject({ name: '基于机器学习技术的大数据现金管理模型应用', direction: expect.stringMatching(/^D1 .*（推断：/) });
    expect(entry.after).toMatchObject({ direction: expect.stringMatching(/^D2 /) });
    const page = await getProject({ actor: actors.regulator, code: 'BJFT-03' });
    expect(page?.editedFields).toContain('direction');
  });

  it('a label the admin sets with the new value is theirs and stays; a field without a direction takes its own', async () => {
    const d4 = await direction('D4');
    actAs(actors.admin);
    const form = await projectForm('BJFT-01', { directionId: '', fieldId: d4.fields[1].id, fieldInferred: true, fieldNote: '依据监管部门口头说明' });
    expect(await editProjectAction(null, form)).toEqual({ ok: true, message: 'SAVED' });
    expect(await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-01' } })).toMatchObject({
      directionId: d4.id,
      fieldId: d4.fields[1].id,
      fieldInferred: true,
      fieldNote: '依据监管部门口头说明',
      directionInferred: false,
    });
  });

  it('an institution’s edit of the summary marks the summary as edited in the portal', async () => {
    const p = await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-06' } });
    actAs(actors.cmb);
    expect(await editProjectDetailsAction(null, { projectId: p.id, version: p.version, summary: '新的简介', scenarios: p.scenarios.join('\n') })).toEqual({
      ok: true,
      message: 'SAVED',
    });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: p.id } })).editedFields).toEqual(['summary']);
  });

  it('refuses a field of another direction, a retired institution or technology new to the project, and the lead as participant, all at once', async () => {
    const [d1, d2] = [await direction('D1'), await direction('D2')];
    const retiredBank = await prisma.institution.create({ data: { name: '已停用的银行', retiredAt: new Date() } });
    const retiredTech = await prisma.technology.create({ data: { name: '已停用的技术', nameEn: 'Retired', retiredAt: new Date() } });
    const form = await projectForm('BJFT-05', { directionId: d1.id, fieldId: d2.fields[0].id, technologyIds: [retiredTech.id] });
    const before = await dbFingerprint(prisma);
    actAs(actors.admin);
    const result = await editProjectAction(null, { ...form, participantIds: [retiredBank.id, form.leadId] });
    expect(result).toMatchObject({
      ok: false,
      message: 'INVALID_INPUT',
      fieldErrors: { fieldId: ['fieldNotInDirection'], technologyIds: ['retiredTechnology'], participantIds: ['leadAlsoParticipant', 'retiredInstitution'] },
    });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('a stale form gets CONFLICT with what is saved now, and nothing changes', async () => {
    const form = await projectForm('BJFT-07');
    actAs(actors.admin);
    expect(await editProjectAction(null, { ...form, name: '第一位管理员的更正' })).toEqual({ ok: true, message: 'SAVED' });
    const before = await dbFingerprint(prisma);
    expect(await editProjectAction(null, { ...form, name: '第二位管理员的更正' })).toMatchObject({
      ok: false,
      message: 'CONFLICT',
      current: { name: '第一位管理员的更正', version: form.version + 1 },
    });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('changes the institutions and their roles, and keeps a retired institution the project already has', async () => {
    const park = await prisma.institution.findUniqueOrThrow({ where: { name: '北京金融安全产业园' } });
    await prisma.institution.update({ where: { id: park.id }, data: { retiredAt: new Date() } });
    const form = await projectForm('BJFT-08');
    const newcomer = await prisma.institution.findUniqueOrThrow({ where: { name: '招商银行北京分行' } });
    actAs(actors.admin);
    expect(await editProjectAction(null, { ...form, participantIds: [park.id, newcomer.id] })).toEqual({ ok: true, message: 'SAVED' });
    const members = await prisma.projectInstitution.findMany({ where: { projectId: form.projectId }, orderBy: { institutionId: 'asc' } });
    expect(members.map((m) => [m.institutionId, m.role])).toEqual(
      [
        [form.leadId, 'LEAD'],
        [park.id, 'PARTICIPANT'],
        [newcomer.id, 'PARTICIPANT'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    await prisma.institution.update({ where: { id: park.id }, data: { retiredAt: null } });
  });
});

describe('retired institutions and catalogue entries', () => {
  it('an institution correction marks its fields and drops a kind read from the name; retired, it leaves the counts and lists', async () => {
    const inst = await prisma.institution.create({ data: { name: '误录机构', kind: 'BANK', kindInferred: true, sourceNote: '导入' } });
    const approved = await prisma.lifecycleStage.findFirstOrThrow({ where: { code: 'APPROVED', lifecycle: { code: 'PILOT' } } });
    const own = await prisma.project.create({
      data: {
        code: 'BJFT-99',
        name: '误录项目',
        programId: (await prisma.program.findFirstOrThrow()).id,
        approvedAt: new Date('2020-01-01'),
        stageId: approved.id,
        reachedOrder: approved.sortOrder,
        institutions: { create: [{ institutionId: inst.id, role: 'LEAD' }] },
      },
    });
    actAs(actors.admin);
    expect(
      await editInstitutionAction(null, { institutionId: inst.id, version: 1, name: '更正后的机构', kind: 'TECH_COMPANY', licensed: '', sourceNote: '导入' }),
    ).toEqual({
      ok: true,
      message: 'SAVED',
    });
    expect(await prisma.institution.findUniqueOrThrow({ where: { id: inst.id } })).toMatchObject({
      kind: 'TECH_COMPANY',
      kindInferred: false,
      editedFields: ['name', 'kind'],
    });

    const count = async () =>
      (await getHeadline({ actor: actors.regulator, targets: await targets(), view: 'home' })).cards.find((c) => c.key === 'institutions')!.value;
    const before = await count();
    expect(await setInstitutionRetiredAction(null, { institutionId: inst.id, version: 2, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    expect(await count()).toBe(before! - 1);
    expect((await listInstitutions({ actor: actors.regulator, targets: await targets() })).rows.map((r) => r.id)).not.toContain(inst.id);
    // The project keeps it, and says it is retired.
    const page = await getProject({ actor: actors.regulator, code: 'BJFT-99' });
    expect(page?.institutions.map((i) => [i.institution.id, Boolean(i.institution.retiredAt)])).toEqual([[inst.id, true]]);
    await prisma.project.delete({ where: { id: own.id } });
  });

  it('a retired indicator keeps its values but takes no new one, and leaves the dashboard’s totals', async () => {
    const users = await prisma.indicator.findUniqueOrThrow({ where: { code: 'USERS' } });
    const t = await targets();
    expect((await getIndicators({ actor: actors.regulator, targets: t })).map((i) => i.code)).toContain('USERS');
    actAs(actors.admin);
    expect(await editIndicatorAction(null, { indicatorId: users.id, version: 1, nameZh: '开通用户数', nameEn: users.nameEn, unit: users.unit })).toEqual({
      ok: true,
      message: 'SAVED',
    });
    expect(await setIndicatorRetiredAction(null, { indicatorId: users.id, version: 2, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    expect((await getIndicators({ actor: actors.regulator, targets: t })).map((i) => i.code)).not.toContain('USERS');
    expect((await listIndicators()).map((i) => i.code)).not.toContain('USERS');
    expect(await prisma.metricValue.count({ where: { indicatorId: users.id } })).toBeGreaterThan(0);

    actAs(actors.cmb);
    const refused = await recordMetricAction(null, {
      projectId: await projectId(prisma, 'BJFT-06'),
      indicatorCode: 'USERS',
      asOf: '2021-03-01',
      value: '5',
      unit: users.unit,
      sourceNote: '月报',
    });
    expect(refused).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { indicatorCode: ['retiredIndicator'] } });
    actAs(actors.admin);
    expect(await setIndicatorRetiredAction(null, { indicatorId: users.id, version: 3, retired: 'false' })).toEqual({ ok: true, message: 'SAVED' });
  });

  it('a retired technology leaves the chart and the filter, and stays on the projects that have it', async () => {
    const face = await prisma.technology.findUniqueOrThrow({ where: { name: '人脸识别' } });
    actAs(actors.admin);
    expect(await setTechnologyRetiredAction(null, { technologyId: face.id, version: 1, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    const t = await targets();
    expect((await getTechnologies({ actor: actors.regulator, targets: t })).map((x) => x.name)).not.toContain('人脸识别');
    expect((await getFilterOptions({ actor: actors.regulator, programId: t.programId })).technologies.map((x) => x.name)).not.toContain('人脸识别');
    expect((await getProject({ actor: actors.regulator, code: 'BJFT-05' }))?.technologies.map((x) => x.technology.name)).toEqual(['人脸识别']);
    // Keeping it on a correction of BJFT-05 is allowed: the project has it already.
    expect(await editProjectAction(null, await projectForm('BJFT-05', { summary: '更正后的简介' }))).toEqual({ ok: true, message: 'SAVED' });
    await setTechnologyRetiredAction(null, { technologyId: face.id, version: 2, retired: 'false' });
  });
});

describe('retired milestones, reports and comments', () => {
  it('a retired milestone leaves the project page unless asked for, and cannot be completed; a correction keeps the old title in the history', async () => {
    const id = await projectId(prisma, 'BJFT-06');
    const m = await prisma.milestone.create({ data: { projectId: id, title: '错录的里程碑', dueDate: new Date('2021-06-30') } });
    actAs(actors.cmb);
    expect(await editMilestoneAction(null, { projectId: id, milestoneId: m.id, version: 1, title: '更正后的里程碑', dueDate: '2021-07-31' })).toEqual({
      ok: true,
      message: 'SAVED',
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'MILESTONE_EDIT', entityId: m.id } });
    expect(entry.before).toMatchObject({ title: '错录的里程碑', dueDate: '2021-06-30' });
    expect(entry.after).toMatchObject({ title: '更正后的里程碑', dueDate: '2021-07-31' });

    expect(await setMilestoneRetiredAction(null, { projectId: id, milestoneId: m.id, version: 2, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    expect((await getProject({ actor: actors.regulator, code: 'BJFT-06' }))?.milestones.map((x) => x.id)).not.toContain(m.id);
    expect((await getProject({ actor: actors.regulator, code: 'BJFT-06', retired: 'include' }))?.milestones.map((x) => x.id)).toContain(m.id);
    expect(await completeMilestoneAction(null, { projectId: id, milestoneId: m.id, completedAt: '2021-07-01' })).toMatchObject({ message: 'NOT_FOUND' });
  });

  it('a retired report keeps its quarter: a new report for it is refused with a way out', async () => {
    const id = await projectId(prisma, 'BJFT-06');
    const r = await prisma.progressReport.create({ data: { projectId: id, period: '2021-Q3', body: '误报', authorId: actors.cmb.userId } });
    actAs(actors.cmb);
    expect(await setProgressReportRetiredAction(null, { projectId: id, reportId: r.id, version: 1, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    expect(await submitProgressReportAction(null, { projectId: id, period: '2021-Q3', body: '重新提交' })).toMatchObject({
      ok: false,
      fieldErrors: { period: ['retiredReportExists'] },
    });
  });

  it('a regulator corrects and retires its own comment; others no longer see it', async () => {
    const c = await prisma.comment.create({ data: { projectId: await projectId(prisma, 'BJFT-02'), authorId: actors.regulator.userId, body: '错别字的意见' } });
    actAs(actors.regulator);
    expect(await editCommentAction(null, { commentId: c.id, version: 1, body: '更正后的意见' })).toEqual({ ok: true, message: 'SAVED' });
    expect(await editCommentAction(null, { commentId: c.id, version: 1, body: '过期的表单' })).toMatchObject({
      ok: false,
      message: 'CONFLICT',
      current: { body: '更正后的意见' },
    });
    expect(await setCommentRetiredAction(null, { commentId: c.id, version: 2, retired: 'true' })).toEqual({ ok: true, message: 'SAVED' });
    const shown = await listComments({ actor: actors.cmb, projectId: c.projectId });
    expect(shown.map((x) => x.id)).not.toContain(c.id);
    expect((await listComments({ actor: actors.cmb, projectId: c.projectId, retired: 'include' })).map((x) => x.id)).toContain(c.id);
  });
});
