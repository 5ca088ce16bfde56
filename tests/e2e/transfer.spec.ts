import { readTable } from '@/lib/tabular/read';
import { tableColumns } from '@/lib/sheets/tables';
import { expect, test } from './support/fixtures';

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
      expect(text).toContain('占位记录=exclude');
    }
  }
});

test.describe('as an administrator', () => {
  test.use({ role: 'ADMIN' });

  test('an import is checked, its problems listed by row and column, and written only once clean', async ({ page }) => {
    await page.goto('/import');
    const header = '机构名称,机构类型,持牌,占位记录,数据来源';
    await page.getByLabel('导入内容').selectOption('institutions');

    await page.getByLabel(/^文件/).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n端到端测试机构,BANKK,是,否,\n`) });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'PROBLEMS');
    await expect(page.getByTestId('import-problems')).toContainText('机构类型');
    await expect(page.getByTestId('import-problems')).toContainText('不是允许的取值');

    await page.getByLabel(/^文件/).setInputFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,类型\nx,BANK\n') });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'REFUSED');

    await page.getByLabel(/^文件/).setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n端到端测试机构,BANK,是,否,测试\n`) });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'READY');
    await page.getByRole('button', { name: '确认导入 1 行' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'WRITTEN');
  });
});

test('the import page is not there for a regulator', async ({ page }) => {
  const response = await page.goto('/import');
  expect(response?.status()).toBe(404);
});
