import ExcelJS from 'exceljs';
import pg from 'pg';
import { readTable } from '@/lib/transfer/tabular/read';
import { tableColumns } from '@/lib/transfer/sheets/tables';
import { expect, test } from './support/fixtures';

/** A download's rows, read back with the import's own reader. */
async function downloadedRows(page: import('@playwright/test').Page, testId: string, format: 'xlsx' | 'csv', table: keyof typeof tableColumns) {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).getByRole('link', { name: format.toUpperCase() }).click();
  const file = await download;
  const bytes = new Uint8Array(Buffer.concat(await (await file.createReadStream()).toArray()));
  const read = await readTable({ name: `x.${format}`, bytes }, tableColumns[table]);
  if (!read.ok) throw new Error(JSON.stringify(read.refusal));
  return read.rows.map((r) => r.values);
}

test('a regulator exports a filtered project list and the file holds exactly the filtered rows', async ({ page }) => {
  await page.goto('/projects?direction=D1&placeholders=exclude');
  const listed = await page.locator('tr[data-project]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
  // D1's named projects: the cash-management model and face-recognition payment.
  expect([...listed].sort()).toEqual(['BJFT-03', 'BJFT-05']);
  for (const format of ['xlsx', 'csv'] as const) {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-projects').getByRole('link', { name: format.toUpperCase() }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    const bytes = new Uint8Array(await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c)));
    const read = await readTable({ name: `x.${format}`, bytes }, tableColumns.projects);
    expect(read.ok && read.rows.map((r) => r.values.code).sort()).toEqual([...listed].sort());
    if (format === 'csv') {
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain('监管演示账号');
      expect(text).toContain('方向=D1');
      // Filters by their labels, values by their names.
      expect(text).toContain('占位记录=排除');
      expect(text).toContain('北京时间');
    }
  }
});

test('an export opened in a spreadsheet reads in the reader’s language, codes beside the labels, named for the Beijing day', async ({ page }) => {
  const beijingToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await page.goto('/projects?direction=D1&placeholders=exclude');
  const stages = Object.fromEntries(
    await page
      .locator('tr[data-project]')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-project'), r.querySelector('[data-stage]')?.textContent ?? ''])),
  );
  const download = page.waitForEvent('download');
  await page.getByTestId('export-projects').getByRole('link', { name: 'XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`试点项目-${beijingToday}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(await (await file.createReadStream()).toArray()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const cell = (row: number, name: string) => String(sheet.getRow(row).getCell(header.indexOf(name)).value ?? '');
  expect(header).toEqual(expect.arrayContaining(['阶段', '阶段代码', '阶段历史', '阶段历史（文字）', '方向名称', '占位记录']));
  for (let row = 2; row <= sheet.actualRowCount; row++) {
    // The label the page shows, the code beside it, booleans in words.
    expect(cell(row, '阶段')).toBe(stages[cell(row, '项目编号')]);
    expect(cell(row, '阶段代码')).toMatch(/^(APPROVED|ONLINE|PROMOTION|COMPLETED|WITHDRAWN)$/);
    // The history in words beside its machine form: stage names, dates or their bounds.
    expect(cell(row, '阶段历史（文字）')).toMatch(/^获批 /);
    expect(cell(row, '占位记录')).toBe('否');
  }
  // The export's context on its own sheet: when, in which zone, with which filters.
  const info = workbook.worksheets[1].getSheetValues().flat().map(String).join(' ');
  expect(info).toContain('北京时间');
  expect(info).toContain('占位记录=排除');

  // In English, the same file speaks English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('export-projects')).toContainText('Export');
  const rows = await downloadedRows(page, 'export-projects', 'csv', 'projects');
  expect(rows.map((r) => r.stage).every((s) => ['Approved', 'Online', 'Promotion stage', 'Completed', 'Withdrawn'].includes(s))).toBe(true);
  await page.getByTestId('language-switch').click();
});

test.describe('as an administrator', () => {
  test.use({ role: 'ADMIN' });

  test('an import is checked, its problems listed by row and column, and written only once clean', async ({ page }) => {
    await page.goto('/import');
    const header = '机构名称,机构类型,持牌,占位记录,数据来源';
    await page.getByLabel('导入内容').selectOption('institutions');

    await page.getByLabel(/^文件/).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n端到端测试机构,BANKK,是,否,\n"=HYPERLINK(""http://evil"",""x"")",BANK,是,否,\n`),
    });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'PROBLEMS');
    await expect(page.getByTestId('import-problems')).toContainText('机构类型');
    await expect(page.getByTestId('import-problems')).toContainText('不是允许的取值');
    await expect(page.getByTestId('import-problems').locator('tbody tr').nth(1)).toContainText('以 =、+、-、@ 开头的文本');

    await page.getByLabel(/^文件/).setInputFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,类型\nx,BANK\n') });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'REFUSED');

    await page
      .getByLabel(/^文件/)
      .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n端到端测试机构,BANK,是,否,测试\n`) });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'READY');
    await page.getByRole('button', { name: '确认导入 1 行' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'WRITTEN');

    // The import is in the audit log, and the log's export holds exactly the filtered entries.
    await page.goto('/audit?action=IMPORT_CREATE');
    const total = Number(await page.getByTestId('audit-count').getAttribute('data-value'));
    expect(total).toBeGreaterThan(0);
    const entries = await downloadedRows(page, 'export-audit', 'csv', 'audit');
    expect(entries).toHaveLength(total);
    // The action by its name, its code beside it.
    expect(entries.every((e) => e.action === '批量导入' && e.actionCode === 'IMPORT_CREATE')).toBe(true);
    expect(entries.some((e) => e.after.includes('端到端测试机构'))).toBe(true);
  });
});

test.describe('uploading a file over 5 MB', () => {
  test.use({ role: 'ADMIN' });

  test('the file never leaves the browser, and the form says so', async ({ page }) => {
    await page.goto('/import');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/import') posts.push(r.url());
    });
    await page.getByLabel('导入内容').selectOption('institutions');
    await page.getByLabel(/^文件/).setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61) });
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'TOO_LARGE');
    await expect(page.getByTestId('import-outcome')).toContainText('文件超过 5 MB，未上传');
    await expect(page.getByRole('button', { name: '检查文件' })).toBeDisabled();
    // Submitting anyway (Enter, a script) still sends nothing.
    await page.getByTestId('import-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'TOO_LARGE');

    // A small file is sent: the one request the page made.
    await page.getByLabel(/^文件/).setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,类型\nx,BANK\n') });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'REFUSED');
    expect(posts).toHaveLength(1);
  });
});

test('the import page is not there for a regulator', async ({ page }) => {
  const response = await page.goto('/import');
  expect(response?.status()).toBe(404);
});

test('outcome values and institutions export exactly their filtered views', async ({ page }) => {
  // Metric values of direction D1's projects, one indicator: the filter form keeps the indicator.
  await page.goto('/metrics?direction=D1');
  await page.locator('select[data-filter="indicator"]').selectOption('USERS');
  await page.getByTestId('apply-filters').click();
  await expect(page).toHaveURL(/direction=D1/);
  await expect(page).toHaveURL(/indicator=USERS/);
  const listed = await page.locator('tr[data-metric]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-metric')));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.length).toBe(Number(await page.getByTestId('result-count').getAttribute('data-value')));
  for (const format of ['xlsx', 'csv'] as const) {
    const rows = await downloadedRows(page, 'export-metrics', format, 'metrics');
    expect(rows.map((r) => `${r.projectCode}:${r.indicatorCode}:${r.asOf}`).sort()).toEqual([...listed].sort());
  }

  await page.goto('/institutions?direction=D2');
  const institutions = await page.locator('tr[data-institution] a').allTextContents();
  const exported = await downloadedRows(page, 'export-institutions', 'csv', 'institutions');
  expect(exported.map((r) => r.name).sort()).toEqual(institutions.map((n) => n.trim()).sort());
});

test.describe('as an institution', () => {
  test.use({ role: 'INSTITUTION' });
  const NOTE = '端到端导入测试';

  // The e2e database is shared by every spec: remove the imported value again.
  test.afterAll(async () => {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DELETE FROM "MetricValue" WHERE "sourceNote" = $1`, [NOTE]);
    } finally {
      await client.end();
    }
  });

  test('imports outcome values for its own project only, and sees them in the list', async ({ page }) => {
    await page.goto('/import');
    // Metric values are the one table an institution may import.
    await expect(page.getByLabel('导入内容').locator('option')).toHaveText(['成果数据']);
    const header = '项目编号,指标编号,数据截至日期,数值,单位,数值限定,来源类型,来源说明,更正说明';
    const upload = (name: string, lines: string[]) =>
      page.getByLabel(/^文件/).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) });

    await upload('others.csv', [`BJFT-06,WEBSITES,2025-06-30,8,家,EXACT,,${NOTE},`, `BJFT-03,WEBSITES,2025-06-30,8,家,EXACT,,${NOTE},`]);
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'PROBLEMS');
    await expect(page.getByTestId('import-problems')).toContainText('您无权为该项目导入数值');
    await expect(page.getByTestId('import-problems').locator('tbody tr')).toHaveCount(1);

    await upload('own.csv', [`BJFT-06,WEBSITES,2025-06-30,8,家,EXACT,,${NOTE},`]);
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'READY');
    await page.getByRole('button', { name: '确认导入 1 行' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'WRITTEN');

    await page.goto('/metrics?indicator=WEBSITES');
    await expect(page.locator('tr[data-metric="BJFT-06:WEBSITES:2025-06-30"]')).toContainText('机构报送');
  });
});
