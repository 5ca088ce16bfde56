/**
 * Return templates and schedules through their actions, on PostgreSQL: a
 * template's versions (returns filed keep theirs), the history in words,
 * optimistic locking, the checks that need the database, and a schedule's
 * change reaching the board.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReturnScheduleAction, createReturnTemplateAction, editReturnScheduleAction, editReturnTemplateAction } from '@/app/actions/return-templates';
import { boardFigures } from '@/lib/data/return-board';
import { getTemplate } from '@/lib/data/return-templates';
import { parseReturnPeriod } from '@/lib/rules/returns';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { actAs } from '../support/session-mock';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

vi.mock('@/lib/server/session', async () => (await import('../support/session-mock')).mockedSession);
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const prisma = testClient();
let actors: TestActors;
let programId: number;

beforeAll(async () => {
  await resetDatabase(prisma);
  ({ programId } = await seedBeijingPilot(prisma));
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const text = (id: string, label: string) => ({ id, kind: 'TEXT', label, labelEn: label, required: true, maxLength: 500 });
const indicator = (id: string, code: string) => ({ id, kind: 'INDICATOR', indicatorCode: code, required: true });
const risk = { id: 'risk', kind: 'RISK_CHECK', label: '风险自查', labelEn: 'Risk check' };

async function created(code: string, sections: object[]) {
  actAs(actors.regulator);
  const result = await createReturnTemplateAction(null, {
    programId,
    code,
    name: '季度运行报告',
    nameEn: 'Quarterly report',
    sections: JSON.stringify(sections),
  });
  expect(result).toEqual({ ok: true, message: 'SAVED' });
  return prisma.returnTemplate.findUniqueOrThrow({ where: { programId_code: { programId, code } }, include: { versions: true } });
}

describe('templates in versions', () => {
  it('creates a template with its first version and says so in the history, indicators by name', async () => {
    const template = await created('Q1TEST', [text('operations', '运行情况'), indicator('users', 'USERS')]);
    expect(template.versions.map((v) => v.number)).toEqual([1]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'ReturnTemplate', entityId: template.id } });
    expect(audit).toMatchObject({ action: 'RETURN_TEMPLATE_SAVE', after: { name: '季度运行报告', templateVersion: 1, sections: ['运行情况', '开通用户'] } });
  });

  it('makes a new version when the sections change; a return filed on the old one keeps it', async () => {
    const template = await created('VERSIONS', [text('operations', '运行情况')]);
    const v1 = template.versions[0];
    const schedule = await prisma.returnSchedule.create({
      data: { templateId: template.id, stageCodes: ['ONLINE'], frequency: 'QUARTERLY', dueDays: 15, startsOn: new Date('2026-01-01') },
    });
    const filed = await prisma.return.create({
      data: { projectId: await projectId(prisma, 'BJFT-02'), templateId: template.id, scheduleId: schedule.id, period: '2026-Q1', templateVersionId: v1.id },
    });
    const result = await editReturnTemplateAction(null, {
      templateId: template.id,
      version: template.version,
      name: template.name,
      nameEn: template.nameEn,
      sections: JSON.stringify([text('operations', '运行情况'), risk]),
    });
    expect(result).toEqual({ ok: true, message: 'SAVED' });
    const detail = await getTemplate({ actor: actors.regulator, templateId: template.id });
    expect(detail.versions.map((v) => [v.number, v.sections.length])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect((await prisma.return.findUniqueOrThrow({ where: { id: filed.id } })).templateVersionId).toBe(v1.id);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'ReturnTemplate', entityId: template.id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ before: { templateVersion: 1, sections: ['运行情况'] }, after: { templateVersion: 2, sections: ['运行情况', '风险自查'] } });
  });

  it('renames without a new version, and refuses a form read before the change (CONFLICT, nothing written)', async () => {
    const template = await created('RENAME', [text('operations', '运行情况')]);
    const sections = JSON.stringify([text('operations', '运行情况')]);
    const input = { templateId: template.id, version: template.version, nameEn: template.nameEn, sections };
    expect(await editReturnTemplateAction(null, { ...input, name: '月度运行报告' })).toEqual({ ok: true, message: 'SAVED' });
    expect(await prisma.returnTemplateVersion.count({ where: { templateId: template.id } })).toBe(1);
    const before = await dbFingerprint(prisma);
    const stale = await editReturnTemplateAction(null, { ...input, name: '另一个名称' });
    expect(stale).toMatchObject({ ok: false, message: 'CONFLICT', current: { name: '月度运行报告', version: template.version + 1 } });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('refuses an unknown or retired indicator, a taken code and sections that are not valid, keeping what was typed', async () => {
    await prisma.indicator.update({ where: { code: 'REGIONS' }, data: { retiredAt: new Date() } });
    const before = await dbFingerprint(prisma);
    actAs(actors.regulator);
    const base = { programId, name: '报告', nameEn: 'Report' };
    for (const code of ['NOPE', 'REGIONS']) {
      const r = await createReturnTemplateAction(null, { ...base, code: `T_${code}`, sections: JSON.stringify([indicator('x', code)]) });
      expect(r).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { sections: ['unknownIndicator'] } });
    }
    const taken = await createReturnTemplateAction(null, { ...base, code: 'q1test', sections: JSON.stringify([text('a', '问')]) });
    expect(taken).toMatchObject({ ok: false, message: 'INVALID_INPUT', fieldErrors: { code: ['codeTaken'] } });
    const broken = await createReturnTemplateAction(null, { ...base, code: 'BROKEN', sections: '[{"id": "a", "kind": "TEXT"' });
    expect(broken).toMatchObject({ ok: false, fieldErrors: { sections: ['invalidSections'] }, values: { sections: '[{"id": "a", "kind": "TEXT"' } });
    const twice = await createReturnTemplateAction(null, { ...base, code: 'TWICE', sections: JSON.stringify([text('a', '问'), text('a', '又问')]) });
    expect(twice).toMatchObject({ ok: false, fieldErrors: { sections: ['duplicateSection'] } });
    expect(await dbFingerprint(prisma)).toBe(before);
    await prisma.indicator.update({ where: { code: 'REGIONS' }, data: { retiredAt: null } });
  });

  it('is managed by regulators and administrators only: others cannot even read a template', async () => {
    const template = await prisma.returnTemplate.findFirstOrThrow({ where: { code: 'Q1TEST' } });
    for (const actor of [actors.cmb, actors.leader, actors.sandboxRegulator]) {
      await expect(getTemplate({ actor, templateId: template.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await getTemplate({ actor: actors.admin, templateId: template.id })).code).toBe('Q1TEST');
  });
});

describe('schedules', () => {
  it('checks stages against the program and dates against each other', async () => {
    const template = await created('SCHEDULED', [text('operations', '运行情况')]);
    const base = { templateId: template.id, frequency: 'QUARTERLY', dueDays: '15', startsOn: '2026-01-01', endsOn: '' };
    const before = await dbFingerprint(prisma);
    // 申报 is a stage of the sandbox's lifecycle, not the pilot's.
    expect(await createReturnScheduleAction(null, { ...base, stageCodes: ['APPLIED'] })).toMatchObject({ fieldErrors: { stageCodes: ['invalid'] } });
    expect(await createReturnScheduleAction(null, { ...base, stageCodes: 'ONLINE', endsOn: '2025-12-31' })).toMatchObject({
      fieldErrors: { endsOn: ['endsBeforeStart'] },
    });
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('reaches the board: a schedule narrowed to one stage owes fewer returns, and a stale form is refused', async () => {
    const template = await created('BOARDED', [text('operations', '运行情况')]);
    actAs(actors.regulator);
    const input = { templateId: template.id, stageCodes: ['ONLINE', 'PROMOTION'], frequency: 'QUARTERLY', dueDays: '15', startsOn: '2026-01-01' };
    expect(await createReturnScheduleAction(null, input)).toEqual({ ok: true, message: 'SAVED' });
    const schedule = await prisma.returnSchedule.findFirstOrThrow({ where: { templateId: template.id } });
    const q3 = parseReturnPeriod('2026-Q3')!;
    const today = new Date('2026-12-01T00:00:00Z');
    const owed = async () => (await boardFigures({ actor: actors.regulator, programId, templateId: template.id, period: q3, today })).counts.due;
    expect(await owed()).toBe(8);
    const edit = { scheduleId: schedule.id, version: schedule.version, stageCodes: 'PROMOTION', frequency: 'QUARTERLY', dueDays: '15', startsOn: '2026-01-01' };
    expect(await editReturnScheduleAction(null, edit)).toEqual({ ok: true, message: 'SAVED' });
    const promotion = await prisma.project.count({ where: { programId, isPlaceholder: false, stage: { code: 'PROMOTION' } } });
    expect(await owed()).toBe(promotion);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: 'ReturnSchedule', entityId: schedule.id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ before: { stageCodes: ['ONLINE', 'PROMOTION'] }, after: { stageCodes: ['PROMOTION'], frequency: 'QUARTERLY', dueDays: 15 } });
    expect(await editReturnScheduleAction(null, { ...edit, dueDays: '30' })).toMatchObject({ ok: false, message: 'CONFLICT', current: { dueDays: 15 } });
  });
});
