import { expect, test } from './support/fixtures';

test('the home page shows the six headline figures computed from the database', async ({ page }) => {
  await page.goto('/');
  const expected = { projects: 46, institutions: 77, online: 33, promotion: 21, directions: 4, fields: 16 };
  for (const [name, value] of Object.entries(expected)) {
    const card = page.locator(`[data-kpi="${name}"]`);
    await expect(card).toHaveAttribute('data-value', String(value));
    await expect(card).toContainText(String(value));
    await expect(card.locator('[data-matches="true"]')).toBeVisible();
  }
  await expect(page.getByText('曾志诚《金融电子化》2020-06-12').first()).toBeVisible();
});

test('the project list marks placeholders and links to each project', async ({ page }) => {
  await page.goto('/projects');
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-value', '46');
  await expect(page.locator('tr[data-project] [data-placeholder="true"]').first()).toBeVisible();
  const placeholderRows = page.locator('tr[data-project]').filter({ hasText: '未公开试点项目' });
  await expect(placeholderRows).toHaveCount(38);
  await page.getByRole('link', { name: '基于机器学习技术的大数据现金管理模型应用' }).click();
  await expect(page).toHaveURL(/\/projects\/BJFT-03$/);
});

test('a project page shows its figures with their source and date', async ({ page }) => {
  await page.goto('/projects/BJFT-03');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('基于机器学习技术的大数据现金管理模型应用');
  const cash = page.locator('[data-metric="CASH_COLLECTED"]');
  await expect(cash).toContainText('4.06亿元');
  await expect(cash).toContainText('2020-06-12');
  await expect(cash).toContainText('累计回笼医院现金4.06亿元');
  await expect(page.locator('[data-metric="CASH_DEVICES"]')).toContainText('2,196台');
  await expect(page.locator('[data-metric="BRANCHES"]')).toContainText('485家');
  // The article describes it running during the epidemic: online by January 2020, an inference, shown as one.
  await expect(page.getByTestId('stage-history')).toContainText('2019-12-07 至 2020-01-31 之间（推断）');
  await expect(page.getByTestId('project-direction')).toContainText('推断');
  await expect(page.getByTestId('inference-notes')).toContainText('未说明其所属方向');
  await expect(page.getByText('北京农村商业银行')).toBeVisible();
});

test('qualified figures keep their qualifier, and scenarios are listed', async ({ page }) => {
  await page.goto('/projects/BJFT-05');
  await expect(page.locator('[data-metric="MERCHANTS"]')).toContainText('约1,325家');
  await expect(page.getByTestId('stage-history')).toContainText('2019-12-07 至 2020-06-12 之间');
  // The article places it in its direction: no inference label there, only on the field.
  await expect(page.getByTestId('project-direction').locator('[data-inferred]')).toHaveCount(0);
  await expect(page.getByTestId('project-field').locator('[data-inferred]')).toHaveCount(1);
  await expect(page.locator('[data-metric="TERMINALS"]')).toContainText('超过2,000台');
  await expect(page.locator('[data-metric="USERS"]')).toContainText('32.55万人次');
  await page.goto('/projects/BJFT-06');
  await expect(page.getByTestId('scenarios').getByRole('listitem')).toHaveCount(6);
  // Six listed with 「等」: at least six.
  await expect(page.locator('[data-metric="SCENARIOS"]')).toContainText('不少于6');
});

for (const code of ['BJFT-99', 'not a code', '%E2%80%AE', "x'--"]) {
  test(`an unknown or malformed project code (${code}) gives the 404 page`, async ({ page }) => {
    const response = await page.goto(`/projects/${code}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
}

test('the health check reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});
