/**
 * Files people open speak their language: coded columns hold the label, with
 * the code beside it for machines; bounded dates and qualified figures survive
 * in words; an import takes a label in either language or the code.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { todayInBeijing, formatDay } from '@/lib/rules/time';
import { projectColumns } from '@/lib/transfer/sheets/projects';
import { buildTemplate } from '@/lib/transfer/templates';
import { previewImport, type Table } from '@/lib/transfer/transfers';
import { seedBeijingPilot } from '@/seeds/seed';
import { resetDatabase, testClient } from '../support/db';
import { translatorFor } from '../support/translate';
import { exported } from '../support/transfers';
import { createActors, type TestActors } from '../support/users';

const prisma = testClient();
let actors: TestActors;

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedBeijingPilot(prisma);
  actors = await createActors(prisma);
});
afterAll(() => prisma.$disconnect());

/** An exported CSV as records keyed by its headers, every column included (the read-only ones too). */
async function records(table: Table, locale: Locale = 'zh') {
  const text = new TextDecoder().decode(await exported(actors.admin, table, 'csv', undefined, locale)).replace(/^\uFEFF/, '');
  const rows: string[][] = parse(text, { relax_column_count: true });
  const at = rows.findIndex((r) => !r[0].startsWith('#'));
  const header = rows[at];
  return { meta: rows.slice(0, at), rows: rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

describe('exports in the reader’s language', () => {
  it('write the stage as its label beside its code, and booleans as words', async () => {
    const zh = (await records('projects')).rows.find((r) => r['项目编号'] === 'BJFT-02')!;
    expect(zh).toMatchObject({ 阶段: '上线运行', 阶段代码: 'ONLINE', 占位记录: '否' });
    const en = (await records('projects', 'en')).rows.find((r) => r['Code'] === 'BJFT-02')!;
    expect(en).toMatchObject({ Stage: 'Online', 'Stage code': 'ONLINE', Placeholder: 'no' });
  });

  it('keep the stage history in words beside its machine form, bounded dates as bounds', async () => {
    const { rows } = await records('projects');
    const bounded = rows.filter((r) => r['阶段历史'].includes('/'));
    expect(bounded.length).toBeGreaterThan(0);
    for (const r of rows) {
      const words = r['阶段历史（文字）'].split('；');
      r['阶段历史'].split('；').forEach((entry, i) => {
        const date = entry.split('=')[1];
        const [from, to] = date.split('/');
        const said = to === undefined ? from : from === '..' ? `不晚于 ${to}` : `${from} 至 ${to} 之间`;
        expect(words[i]).toMatch(new RegExp(` ${said}(（推断）)?$`));
      });
    }
    const bjft02 = rows.find((r) => r['项目编号'] === 'BJFT-02')!;
    expect(bjft02['阶段历史（文字）']).toMatch(/^获批 \d{4}-\d{2}-\d{2}/);
  });

  it('write institution kinds, qualifiers and sources as labels, codes beside them, and figures in words', async () => {
    const institution = (await records('institutions')).rows.find((r) => r['机构名称'] === '招商银行北京分行')!;
    expect(institution).toMatchObject({ 机构类型: '银行', 机构类型代码: 'BANK' });
    const metrics = (await records('metrics')).rows;
    const about = metrics.find((r) => r['数值限定代码'] === 'ABOUT')!;
    expect(about).toMatchObject({ 数值限定: '约（近似值）', 来源类型: '曾志诚《金融电子化》2020-06-12', 来源类型代码: 'article' });
    expect(about['数值（文字）']).toMatch(/^约/);
    expect(metrics.find((r) => r['数值限定代码'] === 'OVER')!['数值（文字）']).toMatch(/^超过/);
    expect(metrics.find((r) => r['数值限定代码'] === 'AT_LEAST')!['数值（文字）']).toMatch(/^不少于/);
  });

  it('write the audit trail’s roles, actions and changes in words, ids and raw snapshots kept', async () => {
    await prisma.auditEntry.create({
      data: {
        actorId: actors.regulator.userId,
        action: 'USER_UPDATE',
        entityType: 'User',
        entityId: actors.cmb.userId,
        before: { role: 'INSTITUTION' },
        after: { role: 'LEADER' },
      },
    });
    const { meta, rows } = await records('audit');
    const entry = rows.find((r) => r['操作代码'] === 'USER_UPDATE')!;
    expect(entry).toMatchObject({
      操作: '修改用户',
      操作人角色: '监管人员',
      操作人角色代码: 'REGULATOR',
      对象编号: String(actors.cmb.userId),
      修改内容: '角色: 试点机构 → 领导',
    });
    expect(entry['修改后（原始记录）']).toBe('{"role":"LEADER"}');
    expect(meta.map((m) => m[0])).toContain('# 导出人');
  });
});

describe('imports take labels in either language, or codes', () => {
  const institutions = (lines: string[]) => ({
    name: 'i.csv',
    bytes: new TextEncoder().encode(['机构名称,简称,机构类型,机构类型代码,持牌,占位记录,数据来源', ...lines].join('\n')),
  });

  it('reads 银行, Bank and BANK alike; a label and a code that disagree, or a name of nothing, is a problem on its row', async () => {
    const preview = await previewImport({
      actor: actors.admin,
      table: 'institutions',
      file: institutions([
        '甲机构,甲,银行,,是,否,',
        '乙机构,,Payment organisation,,no,no,',
        '丙机构,,,TECH_COMPANY,,否,',
        '丁机构,,支付机构,PAYMENT_ORG,是,否,',
        '戊机构,,银行,PAYMENT_ORG,是,否,',
        '己机构,,Bankk,,是,否,',
      ]),
    });
    expect(preview.ok && preview.problems).toEqual([
      { line: 6, column: '机构类型', code: 'CODE_MISMATCH' },
      { line: 7, column: '机构类型', code: 'ENUM' },
    ]);
  });

  it('takes a stage by its name in either language or its code, and refuses a future date or a disagreeing code on its row', async () => {
    const header = [...projectColumns.filter((c) => !c.readOnly && !c.machine).map((c) => c.zh), '阶段代码'];
    const row = (code: string, stage: string, history: string, stageCode = '') => {
      const values: Record<string, string> = {
        项目编号: code,
        项目名称: '新项目',
        试点计划编号: 'BJ-FINTECH-PILOT',
        领域编号: 'D1-1',
        领域为推断: '否',
        阶段: stage,
        阶段代码: stageCode,
        阶段历史: history,
        牵头机构: '中国银联',
        占位记录: '否',
      };
      return header.map((h) => values[h] ?? '').join(',');
    };
    const tomorrow = formatDay(new Date(todayInBeijing().getTime() + 86_400_000));
    const lines = [
      row('NEW-71', 'Online', 'APPROVED=2020-01-01；ONLINE=../2020-06-12'),
      row('NEW-72', '上线运行', '获批=2020-01-01；Online=2020-03-01', 'ONLINE'),
      row('NEW-73', '获批', `APPROVED=${tomorrow}`),
      row('NEW-74', '上线运行', 'APPROVED=2020-01-01；ONLINE=2020-03-01', 'PROMOTION'),
      row('NEW-75', '推广', 'APPROVED=2020-01-01'),
    ];
    const file = { name: 'p.csv', bytes: new TextEncoder().encode([header.join(','), ...lines].join('\n')) };
    const preview = await previewImport({ actor: actors.admin, table: 'projects', file });
    expect(preview.ok && preview.problems).toEqual([
      { line: 4, column: '阶段历史', code: 'FUTURE' },
      { line: 5, column: '阶段', code: 'CODE_MISMATCH' },
      { line: 6, column: '阶段', code: 'UNKNOWN_STAGE' },
    ]);
  });
});

describe('the project template', () => {
  it('lists each program’s stages by name, offers them in a drop-down list, and shows an example row that imports', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buildTemplate({ actor: actors.admin, table: 'projects', locale: 'zh', t: await translatorFor('zh') })) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.slice(0, 3).map((w) => w.name)).toEqual(['试点项目', '示例（不导入）', '可选值']);
    const allowed = workbook.getWorksheet('可选值')!.getSheetValues().slice(2) as unknown[][];
    expect(allowed).toContainEqual([undefined, '阶段（BJ-FINTECH-PILOT）', '应用推广期', 'PROMOTION', 'Promotion stage']);
    const data = workbook.worksheets[0];
    const header = (data.getRow(1).values as unknown[]).map(String);
    const stageColumn = data.getColumn(header.indexOf('阶段')).letter;
    expect(data.getCell(`${stageColumn}2`).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('应用推广期')] });
    // The example, copied into a file of its own, is a row the import takes.
    const example = workbook.getWorksheet('示例（不导入）')!;
    const row = (example.getRow(3).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const file = { name: 'example.csv', bytes: new TextEncoder().encode(stringify([header.slice(1), row])) };
    expect(await previewImport({ actor: actors.admin, table: 'projects', file })).toMatchObject({ ok: true, rows: 1, problems: [] });
  });
});
