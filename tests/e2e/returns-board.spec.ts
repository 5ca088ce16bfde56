/**
 * The returns board in the browser, on the demo data: the latest quarter past its
 * due date shows every state (filed, returned, late, missing); the counts lead to
 * their projects, the view exports as it is shown, the dashboard's card leads
 * to the board, an institution sees its own projects only, and a regulator sets
 * up a template with a schedule.
 */
import { lastDueQuarter } from '@/seeds/returns-demo';
import { todayInBeijing } from '@/lib/rules/time';
import { expect, test } from './support/fixtures';

const period = lastDueQuarter(todayInBeijing()).key;
const kpi = (page: import('@playwright/test').Page, name: string) => page.locator(`[data-kpi="returns-${name}"]`);
const listed = (page: import('@playwright/test').Page) =>
  page.locator('tr[data-project]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));

test('a regulator sees every state of the demo quarter and follows a count to its projects', async ({ page }) => {
  await page.goto(`/returns?period=${period}`);
  await expect(page.getByTestId('board-period')).toHaveAttribute('data-period', period);
  for (const [name, value] of [
    ['due', 8],
    ['filed', 4],
    ['returned', 1],
    ['late', 1],
    ['missing', 4],
    ['accepted', 0],
  ] as const)
    await expect(kpi(page, name)).toHaveAttribute('data-value', String(value));
  await expect(page.locator('tr[data-project="BJFT-07"]')).toHaveAttribute('data-late', 'true');
  await expect(page.locator('tr[data-project="BJFT-05"]')).toHaveAttribute('data-state', 'RETURNED');
  // The placeholders that would owe are left out of the counts, and the page says how many (the integration test checks the number).
  const placeholders = Number(await page.getByTestId('board-placeholders').getAttribute('data-count'));
  expect(placeholders).toBeGreaterThan(0);
  await expect(page.getByTestId('board-placeholders')).toContainText(`另有 ${placeholders} 个未公开项目`);
  // Sample filings say so.
  await expect(page.locator('tr[data-project="BJFT-01"]')).toContainText('示例');
  await kpi(page, 'missing').click();
  await expect(page).toHaveURL(/state=MISSING/);
  expect(await listed(page)).toEqual(['BJFT-02', 'BJFT-04', 'BJFT-06', 'BJFT-08']);
  // The filter form keeps the view in the URL.
  await page.getByTestId('return-board-filters').getByLabel('报送状态').selectOption('LATE');
  await page.getByTestId('return-board-filters').getByRole('button').click();
  await expect(page).toHaveURL(/state=LATE/);
  expect(await listed(page)).toEqual(['BJFT-07']);
});

test('the board exports the rows it shows', async ({ page }) => {
  await page.goto(`/returns?period=${period}&state=MISSING`);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-returns').getByRole('link', { name: 'CSV' }).click();
  const text = new TextDecoder().decode(Buffer.concat(await (await (await download).createReadStream()).toArray()));
  expect([...new Set(text.match(/BJFT-\d\d/g))]).toEqual(['BJFT-02', 'BJFT-04', 'BJFT-06', 'BJFT-08']);
  expect(text).toContain('缺报');
  expect(text).toContain(`period=${period}`);
});

test('the dashboard card on returns leads to the board', async ({ page }) => {
  await page.goto('/dashboard');
  const card = page.getByTestId('returns-card');
  await expect(card).toHaveAttribute('data-period', period);
  await expect(card.locator('[data-figure="missing"]')).toHaveAttribute('data-value', '4');
  await card.locator('[data-figure="late"] a').click();
  await expect(page).toHaveURL(new RegExp(`/returns\\?.*period=${period}.*state=LATE`));
  expect(await listed(page)).toEqual(['BJFT-07']);
});

test.describe('an institution', () => {
  test.use({ role: 'INSTITUTION' });
  test('sees only the projects it takes part in, and no template pages', async ({ page }) => {
    await page.goto(`/returns?period=${period}`);
    expect(await listed(page)).toEqual(['BJFT-02', 'BJFT-06']);
    await expect(kpi(page, 'due')).toHaveAttribute('data-value', '2');
    await expect(page.getByTestId('manage-templates')).toHaveCount(0);
    expect((await page.goto('/returns/templates'))?.status()).toBe(404);
  });
});

test('a regulator sets up a template for the sandbox and gives it a schedule', async ({ page }) => {
  await page.goto('/returns/templates');
  const form = page.getByTestId('template-create');
  await form.locator('select[name="programId"]').selectOption({ label: '北京市金融科技创新监管试点' });
  await form.locator('input[name="code"]').fill('half_yearly');
  await form.getByLabel('名称', { exact: true }).fill('半年度报告');
  await form.getByLabel('英文名称').fill('Half-yearly report');
  // The example sections, and one question more typed in the sections editor.
  await form.locator('[data-add="TEXT"]').click();
  const added = form.locator('li[data-kind="TEXT"]').last();
  await added.getByLabel('题目', { exact: true }).fill('本期新增客户情况');
  await added.getByLabel('英文题目').fill('New customers this period');
  // A repeated id is refused with a message, and everything typed stays.
  await added.getByLabel('编号').fill('operations');
  await form.getByRole('button', { name: '创建模板' }).click();
  await expect(form).toHaveAttribute('data-result', 'INVALID_INPUT');
  await expect(form).toContainText('报送内容中有重复的编号');
  await expect(form.locator('li[data-section]')).toHaveCount(6);
  await expect(form.locator('input[name="code"]')).toHaveValue('half_yearly');
  await form.locator('li[data-kind="TEXT"]').last().getByLabel('编号').fill('new_customers');
  await form.getByRole('button', { name: '创建模板' }).click();
  await expect(form).toHaveAttribute('data-result', 'SAVED');
  await page.reload();
  await page.locator('[data-template="HALF_YEARLY"] a').first().click();
  const schedule = page.getByTestId('schedule-create');
  await schedule.getByLabel('适用阶段').selectOption(['REGISTERED']);
  await schedule.getByLabel('报送频率').selectOption('HALF_YEARLY');
  await schedule.getByLabel('起始日期').fill('2026-01-01');
  await schedule.getByRole('button').click();
  await expect(schedule).toHaveAttribute('data-result', 'SAVED');
  await expect(page.getByTestId('template-versions').locator('[data-version]')).toHaveCount(1);
  await expect(page.getByTestId('template-versions')).toContainText('本期新增客户情况');
});
