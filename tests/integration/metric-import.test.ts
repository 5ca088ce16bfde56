/**
 * Importing metric values (institutions for their own led projects, admins for
 * any), every refusal leaving the database as it was, and exports that follow
 * their view's filters and the reader's scope.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@/lib/data/audit';
import type { Actor } from '@/lib/rules/authz';
import { resolveFilters } from '@/lib/data/filter-targets';
import { parseFilters } from '@/lib/rules/filters';
import { listInstitutions } from '@/lib/data/institutions';
import { listMetricValues } from '@/lib/data/metrics';
import { projectWhere } from '@/lib/rules/project-filter';
import { buildTemplate } from '@/lib/transfer/templates';
import { applyImport, exportTable, previewImport, type ExportView, type ImportOutcome, type ImportTable, type Table } from '@/lib/transfer/transfers';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { translatorFor } from '../support/translate';
import { exported, rowsOf } from '../support/transfers';
import { createActors, dbFingerprint, projectId, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

const HEADER = '项目编号,指标编号,数据截至日期,数值,单位,数值限定,来源类型,来源说明,更正说明';
const csv = (lines: string[]) => ({ name: 'metrics.csv', bytes: new TextEncoder().encode([HEADER, ...lines].join('\n')) });
const day = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

const rowsExported = async (actor: Actor, table: Table, view: ExportView = {}) => rowsOf(table, 'csv', await exported(actor, table, 'csv', view));

/** Preview, then confirm it when it passed: what an import does from start to end. */
async function importFile(actor: Actor, table: ImportTable, file: { name: string; bytes: Uint8Array }) {
  const preview = await previewImport({ actor, table, file });
  const applied: ImportOutcome = preview.ok && preview.problems.length === 0 ? await applyImport({ actor, importId: preview.importId }) : preview;
  return { preview, applied };
}

describe('importing metric values', () => {
  it('lists every rule broken, by row and column, and writes nothing', async () => {
    const own = await prisma.project.findUniqueOrThrow({ where: { code: 'BJFT-06' }, select: { id: true, approvedAt: true } });
    // A cumulative value already recorded for BJFT-06: the day after it cannot be lower.
    const last = await prisma.metricValue.findFirstOrThrow({
      where: { projectId: own.id, indicator: { cumulative: true } },
      orderBy: { asOf: 'desc' },
      select: { asOf: true, value: true, indicator: { select: { code: true, unit: true } } },
    });
    const lower = last.value.toNumber() - 1;
    const next = day(plusDays(last.asOf, 1));
    const file = csv([
      `BJFT-06,WEBSITES,2025-03-01,10,家,EXACT,,报送,`, // line 2: fine
      `BJFT-03,WEBSITES,2025-03-01,10,家,EXACT,,另一家机构的项目,`, // 3: not its project
      `NOPE-99,WEBSITES,2025-03-01,10,家,EXACT,,不存在的项目,`, // 4: the same answer as line 3
      `BJFT-06,NOT_AN_INDICATOR,2025-03-01,10,个,EXACT,,x,`, // 5
      `BJFT-06,WEBSITES,2025-03-02,10,台,EXACT,,单位错误,`, // 6
      `BJFT-06,WEBSITES,2099-01-01,10,家,EXACT,,未来日期,`, // 7
      `BJFT-06,WEBSITES,${day(plusDays(own.approvedAt, -1))},10,家,EXACT,,获批之前,`, // 8
      `BJFT-06,WEBSITES,2025-03-03,10,家,EXACT,article,冒充公开来源,`, // 9: a source not allowed for the role
      `BJFT-06,WEBSITES,2025-03-01,11,家,EXACT,,同日重复,`, // 10: duplicates line 2
      `BJFT-06,${last.indicator.code},${day(last.asOf)},${last.value.toNumber()},${last.indicator.unit},EXACT,,已有数值,`, // 11
      `BJFT-06,${last.indicator.code},${next},${lower},${last.indicator.unit},EXACT,,累计值下降,`, // 12
      `BJFT-06,WEBSITES,2025-02-30,abc,家,ROUGHLY,,,`, // 13: bad date, number, qualifier, no source note
    ]);
    const before = await dbFingerprint(prisma);
    const { preview, applied } = await importFile(actors.cmb, 'metrics', file);
    expect(preview.ok).toBe(true);
    const problems = preview.ok ? preview.problems : [];
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 3, column: '项目编号', code: 'PROJECT_NOT_ALLOWED' },
        { line: 4, column: '项目编号', code: 'PROJECT_NOT_ALLOWED' },
        { line: 5, column: '指标编号', code: 'UNKNOWN_INDICATOR' },
        { line: 6, column: '单位', code: 'unitMismatch' },
        { line: 7, column: '数据截至日期', code: 'future' },
        { line: 8, column: '数据截至日期', code: 'beforeApproval' },
        { line: 9, column: '来源类型', code: 'SOURCE_NOT_ALLOWED' },
        { line: 10, column: '数据截至日期', code: 'DUPLICATE_IN_FILE' },
        { line: 11, column: '数据截至日期', code: 'EXISTS' },
        { line: 12, column: '数值', code: 'decreasing' },
        { line: 13, column: '数据截至日期', code: 'invalidDate' },
        { line: 13, column: '数值', code: 'invalidNumber' },
        { line: 13, column: '数值限定', code: 'ENUM' },
        { line: 13, column: '来源说明', code: 'required' },
      ]),
    );
    expect(problems.some((p) => p.line === 2)).toBe(false);
    expect(problems).toHaveLength(14);
    expect(applied.written).toBeUndefined();
    expect(await dbFingerprint(prisma)).toBe(before);
  });

  it('writes a clean file for the institution’s own projects, as its own report, with an audit entry per value', async () => {
    const file = csv([`BJFT-06,WEBSITES,2025-04-01,12,家,EXACT,,机构季度报送,`, `BJFT-02,SCENARIOS,2025-04-01,30,个,ABOUT,institution,机构季度报送,`]);
    const { applied } = await importFile(actors.cmb, 'metrics', file);
    expect(applied).toMatchObject({ ok: true, problems: [], written: 2 });
    const values = await prisma.metricValue.findMany({
      where: { sourceNote: '机构季度报送' },
      orderBy: { id: 'asc' },
      select: { id: true, source: true, qualifier: true },
    });
    expect(values.map((v) => [v.source, v.qualifier])).toEqual([
      ['institution', 'EXACT'],
      ['institution', 'ABOUT'],
    ]);
    const audits = await prisma.auditEntry.findMany({
      where: { action: 'IMPORT_CREATE', entityType: 'MetricValue', actorId: actors.cmb.userId },
      orderBy: { entityId: 'asc' },
    });
    expect(audits.map((a) => a.entityId)).toEqual(values.map((v) => v.id));
    expect(audits[0].after).toMatchObject({ indicator: 'WEBSITES', asOf: '2025-04-01', value: 12, source: 'institution', file: 'metrics.csv' });
    // Importing the same file again finds every value already there.
    const again = await importFile(actors.cmb, 'metrics', file);
    expect(again.preview.ok && again.preview.problems.map((p) => p.code)).toEqual(['EXISTS', 'EXISTS']);
  });

  it('is for institutions and administrators only; the other tables are for administrators only', async () => {
    const file = csv([`BJFT-06,WEBSITES,2025-05-01,13,家,EXACT,institution,x,`]);
    for (const actor of [actors.regulator, actors.leader]) {
      await expect(previewImport({ actor, table: 'metrics', file })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const institutions = { name: 'i.csv', bytes: new TextEncoder().encode('机构名称,机构类型,持牌,占位记录,数据来源\n新机构,BANK,是,否,') };
    await expect(previewImport({ actor: actors.cmb, table: 'institutions', file: institutions })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // An administrator loads values for any project, with their stated source; an empty source is a problem.
    const admin = await importFile(
      actors.admin,
      'metrics',
      csv([`BJFT-03,WEBSITES,2025-05-01,1,家,EXACT,article,公开报道,`, `BJFT-03,WEBSITES,2025-05-02,2,家,EXACT,,x,`]),
    );
    expect(admin.preview.ok && admin.preview.problems).toEqual([{ line: 3, column: '来源类型', code: 'REQUIRED' }]);
  });
});

describe('the metric value template', () => {
  const template = async (actor: Actor) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplate({ actor, table: 'metrics', locale: 'zh', t: await translatorFor('zh') })) as unknown as ArrayBuffer);
    return workbook;
  };

  it('has the import’s columns, an example, the allowed values, the indicator catalogue and only the projects the reader may import for', async () => {
    const workbook = await template(actors.cmb);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['成果数据', '示例（不导入）', '可选值', '指标目录', '可导入的项目']);
    const column = (sheet: string, n: number) => workbook.getWorksheet(sheet)!.getColumn(n).values.slice(2).map(String);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    // Headers in the reader's language on every sheet.
    expect(workbook.getWorksheet('可选值')!.getRow(1).values).toEqual([undefined, '列', '名称', '代码', '英文名称']);
    expect(workbook.getWorksheet('指标目录')!.getRow(1).values).toEqual([
      undefined,
      '指标编号',
      '指标名称',
      '英文名称',
      '单位',
      '指标类型',
      '汇总规则',
      '累计值',
    ]);
    expect(column('可选值', 2)).toEqual(['准确值', '约（近似值）', '超过（下限）', '不少于', '机构报送', '是 / 否']);
    expect(column('可选值', 3)).toEqual(['EXACT', 'ABOUT', 'OVER', 'AT_LEAST', 'institution', 'yes / no']);
    expect(column('指标目录', 1)).toEqual((await prisma.indicator.findMany({ orderBy: { sortOrder: 'asc' } })).map((i) => i.code));
    expect(column('可导入的项目', 1)).toEqual(['BJFT-02', 'BJFT-06']);
    // A regulator imports nothing: the project sheet is empty.
    const regulator = await template(actors.regulator);
    expect(regulator.getWorksheet('可导入的项目')!.actualRowCount).toBe(1);
  });

  it('offers drop-down lists on the coded columns, in the reader’s language', async () => {
    const data = (await template(actors.cmb)).worksheets[0];
    const at = (address: string) => data.getCell(address).dataValidation;
    expect(at('A2')).toMatchObject({ type: 'list', formulae: ["'可导入的项目'!$A$2:$A$3"] });
    expect(at('B2')).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'指标目录'!\$A\$2:\$A\$\d+$/)] });
    expect(at('F2')).toMatchObject({ type: 'list', formulae: ['"准确值,约（近似值）,超过（下限）,不少于"'], errorStyle: 'warning' });
    // An institution is offered the one source it may give.
    expect(at('G5001')).toMatchObject({ formulae: ['"机构报送"'] });
    expect(at('G5002')).toBeUndefined();
    expect(at('C2')).toBeUndefined();
  });

  it('shows an example row that would import, on a sheet the import never reads', async () => {
    const example = (await template(actors.cmb)).getWorksheet('示例（不导入）')!;
    expect(String(example.getCell('A1').value)).toContain('导入时不读取');
    const row = (example.getRow(3).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const asFile = csv([row.join(',')]);
    const read = await previewImport({ actor: actors.cmb, table: 'metrics', file: asFile });
    expect(read).toMatchObject({ ok: true, rows: 1, problems: [] });
  });
});

describe('refused files leave the database unchanged', () => {
  async function formulaXlsx() {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('metrics');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['BJFT-06', 'WEBSITES', '2025-06-01', { formula: '1+1' }, '家', 'EXACT', '', 'x', '']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const text = (s: string) => new TextEncoder().encode(s);
  const cases: [string, () => Promise<{ name: string; bytes: Uint8Array }>, string][] = [
    ['a PDF', async () => ({ name: 'report.pdf', bytes: text('%PDF-1.7\n') }), 'NOT_A_SPREADSHEET'],
    ['a PDF named .xlsx', async () => ({ name: 'report.xlsx', bytes: text('%PDF-1.7\n') }), 'NOT_A_SPREADSHEET'],
    ['over 5 MB', async () => ({ name: 'big.csv', bytes: text(`${HEADER}\n${'x'.repeat(5 * 1024 * 1024)}`) }), 'TOO_LARGE'],
    ['over 20,000 rows', async () => csv(Array.from({ length: 20_001 }, (_, i) => `BJFT-06,WEBSITES,2025-01-01,${i},家,EXACT,,x,`)), 'TOO_MANY_ROWS'],
    ['a missing column', async () => ({ name: 'm.csv', bytes: text('项目编号,指标编号\nBJFT-06,WEBSITES') }), 'MISSING_COLUMNS'],
    [
      'a renamed column',
      async () => ({ name: 'r.csv', bytes: text(HEADER.replace('数值,', '值,') + '\nBJFT-06,WEBSITES,2025-06-01,1,家,EXACT,,x,') }),
      'UNKNOWN_COLUMNS',
    ],
  ];
  for (const [what, make, code] of cases) {
    it(`refuses ${what} (${code})`, async () => {
      const file = await make();
      const before = await dbFingerprint(prisma);
      const { preview, applied } = await importFile(actors.cmb, 'metrics', file);
      expect(preview).toMatchObject({ ok: false, refusal: { code } });
      expect(applied).toMatchObject({ ok: false, refusal: { code } });
      expect(await dbFingerprint(prisma)).toBe(before);
    });
  }

  const formulas: [string, () => Promise<{ name: string; bytes: Uint8Array }>][] = [
    ['in xlsx', async () => ({ name: 'f.xlsx', bytes: await formulaXlsx() })],
    ['in csv', async () => csv(['BJFT-06,WEBSITES,2025-06-01,=1+1,家,EXACT,,x,'])],
  ];
  for (const [where, make] of formulas) {
    it(`makes a formula ${where} a problem on its row and column, and writes nothing`, async () => {
      const file = await make();
      const before = await dbFingerprint(prisma);
      const { preview, applied } = await importFile(actors.cmb, 'metrics', file);
      expect(preview).toMatchObject({ ok: true, problems: [{ line: 2, column: '数值', code: 'FORMULA' }] });
      expect(applied.written).toBeUndefined();
      expect(await dbFingerprint(prisma)).toBe(before);
    });
  }
});

describe('exports follow their view', () => {
  const targetsFor = async (actor: Actor, query: Record<string, string>) => (await resolveFilters(parseFilters(query)))!.targets;

  it('metric values: the filtered list’s rows, all pages of them, within the reader’s scope', async () => {
    const { regulator, cmb } = actors;
    const targets = await targetsFor(regulator, { direction: 'D1' });
    const listed = await listMetricValues({ actor: regulator, targets, indicatorCode: 'USERS' });
    expect(listed.total).toBeGreaterThan(0);
    const rows = await rowsExported(regulator, 'metrics', { projects: projectWhere(regulator, targets), indicatorCode: 'USERS' });
    expect(rows).toHaveLength(listed.total);
    expect(rows.every((r) => r.indicatorCode === 'USERS')).toBe(true);
    expect(new Set(rows.map((r) => r.projectCode))).toEqual(new Set(listed.rows.map((r) => r.project.code)));
    // The institution's export holds only the projects it takes part in.
    const readable = new Set(
      (await prisma.project.findMany({ where: { institutions: { some: { institutionId: cmb.institutionId! } } }, select: { code: true } })).map((p) => p.code),
    );
    const own = await rowsExported(cmb, 'metrics');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => readable.has(r.projectCode))).toBe(true);
    expect(own).toHaveLength((await listMetricValues({ actor: cmb, targets: await targetsFor(cmb, {}) })).total);
  });

  it('institutions: the institutions of the filtered projects, as the list shows them', async () => {
    const { regulator } = actors;
    const targets = await targetsFor(regulator, { direction: 'D2' });
    const listed = await listInstitutions({ actor: regulator, targets });
    const rows = await rowsExported(regulator, 'institutions', { projects: projectWhere(regulator, targets) });
    // The list collapses the institutions the record does not name into one counted row; the file keeps them, marked.
    const named = rows.filter((r) => !String(r.name).startsWith('未公开参与机构'));
    expect(named.map((r) => r.name).sort()).toEqual(listed.rows.map((i) => i.name).sort());
    expect(rows.length).toBe(listed.rows.length + listed.undisclosed.institutions);
    expect(rows.length).toBeLessThan(77);
  });

  it('the audit log: every entry matching the filters, for those who may read it', async () => {
    const { regulator, cmb } = actors;
    const bjft06 = await projectId(prisma, 'BJFT-06');
    const filter = { projectId: bjft06 };
    const { entries, total } = await listAuditEntries({ actor: regulator, filter });
    expect(total).toBeGreaterThan(0);
    const rows = await rowsExported(regulator, 'audit', { audit: filter });
    expect(rows.map((r) => Number(r.id)).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(rows.every((r) => r.projectCode === 'BJFT-06')).toBe(true);
    const t = await translatorFor('zh');
    expect(() =>
      exportTable({ actor: cmb, table: 'audit', format: 'csv', locale: 'zh', t, meta: { entries: [] }, sheetNames: { data: 'd', meta: 'm' } }),
    ).toThrow('FORBIDDEN');
  });
});
