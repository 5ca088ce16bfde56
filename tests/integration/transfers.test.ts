import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectColumns } from '@/lib/transfer/sheets/projects';
import { applyImport, previewImport } from '@/lib/transfer/transfers';
import { seedBeijingPilot, seedReferenceData } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { exported, rowsOf } from '../support/transfers';
import { createActors, type TestActors } from '../support/users';

const prisma = testClient();
const counts = () => Promise.all([prisma.project.count(), prisma.institution.count(), prisma.stageChange.count(), prisma.metricValue.count()]);
const ROUND_TRIP = ['institutions', 'projects', 'metrics'] as const;
const HYPERLINK = '=HYPERLINK("http://evil","x")';

let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

describe('export and import', () => {
  it('round-trips the Beijing program: export, import into an empty database, export again, same content', async () => {
    let admin = actors.admin;
    // Text a spreadsheet would run as a formula, in every kind of column that carries users' text.
    await prisma.project.update({ where: { code: 'BJFT-01' }, data: { summary: HYPERLINK } });
    await prisma.project.update({ where: { code: 'BJFT-02' }, data: { name: '@SUM(A1)', sourceNote: '-2+3' } });
    await prisma.institution.update({ where: { name: '中国银联' }, data: { name: '=中国银联', sourceNote: '+1+1' } });
    const value = await prisma.metricValue.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true } });
    await prisma.metricValue.update({ where: { id: value.id }, data: { sourceNote: "'=quoted already", correctionNote: '@SUM(A1)' } });
    // A short name travels with its institution.
    await prisma.institution.update({ where: { name: '招商银行北京分行' }, data: { shortName: '招行北分' } });
    const before: Record<string, Uint8Array> = {};
    for (const table of ROUND_TRIP) before[table] = await exported(admin, table, 'xlsx');
    const csvBefore = await exported(admin, 'projects', 'csv');
    const metricCount = await prisma.metricValue.count();
    expect(metricCount).toBeGreaterThan(10);
    expect(await rowsOf('projects', 'xlsx', before.projects)).toHaveLength(46);
    expect(await rowsOf('institutions', 'xlsx', before.institutions)).toHaveLength(77);
    expect(await rowsOf('metrics', 'xlsx', before.metrics)).toHaveLength(metricCount);
    expect(new TextDecoder().decode(csvBefore)).toContain(`"'${HYPERLINK.replaceAll('"', '""')}"`);
    expect((await rowsOf('institutions', 'xlsx', before.institutions)).find((r) => r.name === '=中国银联')).toMatchObject({ sourceNote: '+1+1' });

    await resetDatabase(prisma);
    await seedReferenceData(prisma);
    expect(await counts()).toEqual([0, 0, 0, 0]);
    const importer = await prisma.user.create({ data: { email: 'importer@test.example', name: 'importer', role: 'ADMIN', passwordHash: 'x' } });
    admin = { ...admin, userId: importer.id };

    const expected = { institutions: 77, projects: 46, metrics: metricCount };
    for (const table of ROUND_TRIP) {
      const file = { name: `${table}.xlsx`, bytes: before[table] };
      const preview = await previewImport({ actor: admin, table, file });
      expect(preview).toMatchObject({ ok: true, problems: [] });
      const applied = await applyImport({ actor: admin, importId: preview.ok ? preview.importId : '' });
      expect(applied.written).toBe(expected[table]);
    }

    for (const table of ROUND_TRIP) {
      expect(await rowsOf(table, 'xlsx', await exported(admin, table, 'xlsx'))).toEqual(await rowsOf(table, 'xlsx', before[table]));
    }
    expect(await rowsOf('projects', 'csv', await exported(admin, 'projects', 'csv'))).toEqual(await rowsOf('projects', 'csv', csvBefore));
    expect(await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-01' }, select: { summary: true } })).toEqual({ summary: HYPERLINK });
    expect(await prisma.metricValue.count({ where: { sourceNote: "'=quoted already", correctionNote: '@SUM(A1)' } })).toBe(1);
    expect(await prisma.institution.findUniqueOrThrow({ where: { name: '招商银行北京分行' }, select: { shortName: true } })).toEqual({ shortName: '招行北分' });
    // Each entry of a project's history became a step of it, bounds and all.
    const steps = (await rowsOf('projects', 'xlsx', before.projects)).flatMap((r) => String(r.history).split('；'));
    expect(await prisma.stageChange.count()).toBe(steps.length);
    expect(await prisma.stageChange.count({ where: { datePrecision: 'BETWEEN', notBefore: { not: null } } })).toBe(steps.filter((h) => h.includes('/')).length);
    // Every record the import created has its audit entry.
    expect(await prisma.auditEntry.count({ where: { action: 'IMPORT_CREATE', actorId: admin.userId } })).toBe(46 + 77 + metricCount);

    // Back to the seeded program for the tests that follow.
    await resetDatabase(prisma);
    await seedBeijingPilot(prisma);
    actors = await createActors(prisma);
  });

  it('lists every problem by row and column and writes nothing when any row is wrong', async () => {
    const csv = [
      '项目编号,项目名称,试点计划编号,领域编号,领域为推断,阶段,阶段历史,牵头机构,参与机构,支撑技术,应用场景,项目简介,占位记录,数据来源',
      'NEW-01,新项目,BJ-FINTECH-PILOT,D1-1,否,ONLINE,APPROVED=2020-01-01；ONLINE=2020-03-01,中国银联,,人工智能,,,否,',
      'NEW-02,坏日期,BJ-FINTECH-PILOT,D9-9,也许,ONLINE,APPROVED=2020-02-30,不存在的机构,,量子计算,,,否,',
      'BJFT-01,已存在,BJ-FINTECH-PILOT,D1-1,否,APPROVED,APPROVED=2020-01-01,中国银联,,,,,否,',
      'NEW-01,重复,BJ-FINTECH-PILOT,D1-1,否,SOME WHERE,APPROVED=2020-01-01,中国银联,,,,,否,',
      'NEW-05,跳过阶段,BJ-FINTECH-PILOT,D1-1,否,PROMOTION,APPROVED=2020-01-01；PROMOTION=2020-03-01,中国银联,,,,,否,',
    ].join('\n');
    const file = { name: 'p.csv', bytes: new TextEncoder().encode(csv) };
    const before = await counts();
    const admin = actors.admin;
    const preview = await previewImport({ actor: admin, table: 'projects', file });
    expect(preview.ok).toBe(true);
    const problems = preview.ok ? preview.problems : [];
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 3, column: '领域为推断', code: 'BOOLEAN' },
        { line: 3, column: '阶段历史', code: 'DATE' },
        { line: 4, column: '项目编号', code: 'EXISTS' },
        { line: 5, column: '阶段', code: 'UNKNOWN_STAGE' },
        // A history the lifecycle does not allow: 获批 straight to 应用推广期.
        { line: 6, column: '阶段历史', code: 'HISTORY_MOVE' },
      ]),
    );
    expect(problems.some((p) => p.line === 2)).toBe(false);
    // A file with problems cannot be confirmed: its run holds no rows.
    await expect(applyImport({ actor: admin, importId: preview.ok ? preview.importId : '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toEqual(before);
  });

  it('reports unknown references once the row itself is well formed', async () => {
    const csv = [
      '项目编号,项目名称,试点计划编号,领域编号,领域为推断,阶段,阶段历史,牵头机构,参与机构,支撑技术,应用场景,项目简介,占位记录,数据来源',
      'NEW-03,x,BJ-FINTECH-PILOT,D9-9,否,APPROVED,APPROVED=2020-01-01,不存在的机构,,量子计算,,,否,',
      'NEW-04,x,NOPE,D1-1,否,APPROVED,APPROVED=2020-01-01,中国银联,,,,,否,',
    ].join('\n');
    const preview = await previewImport({ actor: actors.admin, table: 'projects', file: { name: 'p.csv', bytes: new TextEncoder().encode(csv) } });
    expect(preview.ok && preview.problems).toEqual([
      { line: 2, column: '领域编号', code: 'UNKNOWN_FIELD' },
      { line: 2, column: '牵头机构', code: 'UNKNOWN_INSTITUTION' },
      { line: 2, column: '支撑技术', code: 'UNKNOWN_TECHNOLOGY' },
      { line: 3, column: '试点计划编号', code: 'UNKNOWN_PROGRAM' },
    ]);
  });

  it('confirms only a run its own user previewed, once: an unknown id, another user and a second confirmation write nothing', async () => {
    const file = { name: 'i.csv', bytes: new TextEncoder().encode('机构名称,机构类型,持牌,占位记录,数据来源\n新机构,BANK,是,否,') };
    await expect(applyImport({ actor: actors.admin, importId: 'not-an-id' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(applyImport({ actor: actors.admin, importId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const preview = await previewImport({ actor: actors.admin, table: 'institutions', file });
    if (!preview.ok) throw new Error('the file should pass');
    const other = { ...actors.admin, userId: actors.regulator.userId };
    await expect(applyImport({ actor: other, importId: preview.importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.institution.count({ where: { name: '新机构' } })).toBe(0);
    expect(await applyImport({ actor: actors.admin, importId: preview.importId })).toMatchObject({ ok: true, written: 1 });
    await expect(applyImport({ actor: actors.admin, importId: preview.importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.institution.count({ where: { name: '新机构' } })).toBe(1);
  });

  it('lets only administrators import, and exports only what the reader may see', async () => {
    const file = { name: 'i.csv', bytes: new TextEncoder().encode('机构名称,机构类型,持牌,占位记录,数据来源\n新机构,BANK,是,否,') };
    const { cmb, regulator } = actors;
    for (const actor of [regulator, cmb]) {
      await expect(previewImport({ actor, table: 'institutions', file })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const own = await rowsOf('projects', 'csv', await exported(cmb, 'projects', 'csv'));
    expect(own.map((r) => r.code)).toEqual(['BJFT-02', 'BJFT-06']);
    const institutions = await rowsOf('institutions', 'csv', await exported(cmb, 'institutions', 'csv'));
    expect(institutions.map((r) => r.name)).toEqual(['招商银行北京分行']);
  });
});

describe('text a spreadsheet would run as a formula', () => {
  const HOSTILE: Record<string, string> = { 'BJFT-01': HYPERLINK, 'BJFT-02': '+1+1', 'BJFT-03': '-2+3', 'BJFT-04': '@SUM(A1)' };
  const PROJECT_HEADER = projectColumns.filter((c) => !c.readOnly).map((c) => c.zh);
  /** A new, otherwise valid project row with `summary`. */
  const newProject = (i: number, summary: string) => {
    const row: Record<string, string> = {
      项目编号: `NEW-1${i}`,
      项目名称: `新项目 ${i}`,
      试点计划编号: 'BJ-FINTECH-PILOT',
      领域编号: 'D1-1',
      领域为推断: '否',
      阶段: 'APPROVED',
      阶段历史: 'APPROVED=2020-01-01',
      牵头机构: '中国银联',
      项目简介: summary,
      占位记录: '否',
    };
    return PROJECT_HEADER.map((h) => row[h] ?? '');
  };

  it('is written to CSV with a leading apostrophe', async () => {
    const original = await prisma.project.findMany({ where: { code: { in: Object.keys(HOSTILE) } }, select: { code: true, summary: true } });
    try {
      for (const [code, summary] of Object.entries(HOSTILE)) await prisma.project.update({ where: { code }, data: { summary } });
      const text = new TextDecoder().decode(await exported(actors.admin, 'projects', 'csv')).replace(/^\uFEFF/, '');
      const records: string[][] = parse(text, { relax_column_count: true });
      const header = records.find((r) => r[0] === '项目编号')!;
      const summaryOf = (code: string) => records.find((r) => r[0] === code)![header.indexOf('项目简介')];
      for (const [code, summary] of Object.entries(HOSTILE)) expect(summaryOf(code)).toBe(`'${summary}`);
    } finally {
      for (const { code, summary } of original) await prisma.project.update({ where: { code }, data: { summary } });
    }
  });

  it('is a problem on its row and column when imported without it, in CSV and xlsx, and nothing is written', async () => {
    const rows = Object.values(HOSTILE).map((summary, i) => newProject(i, summary));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('projects');
    [PROJECT_HEADER, ...rows].forEach((r) => sheet.addRow(r));
    const files = [
      { name: 'hostile.csv', bytes: new TextEncoder().encode(stringify([PROJECT_HEADER, ...rows])) },
      { name: 'hostile.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) },
    ];
    const before = await counts();
    for (const file of files) {
      const preview = await previewImport({ actor: actors.admin, table: 'projects', file });
      expect(preview.ok && preview.problems, file.name).toEqual(rows.map((_, i) => ({ line: i + 2, column: '项目简介', code: 'FORMULA' })));
      await expect(applyImport({ actor: actors.admin, importId: preview.ok ? preview.importId : '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await counts()).toEqual(before);
    }
    // Quoted as an export quotes it, the same text imports, without the apostrophe.
    const quoted = { name: 'quoted.csv', bytes: new TextEncoder().encode(stringify([PROJECT_HEADER, newProject(9, `'${HYPERLINK}`)])) };
    const preview = await previewImport({ actor: actors.admin, table: 'projects', file: quoted });
    expect(preview).toMatchObject({ ok: true, problems: [] });
    await applyImport({ actor: actors.admin, importId: preview.ok ? preview.importId : '' });
    expect(await prisma.project.findUniqueOrThrow({ where: { code: 'NEW-19' }, select: { summary: true } })).toEqual({ summary: HYPERLINK });
  });
});
