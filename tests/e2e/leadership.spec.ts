import { extractText, getDocumentProxy } from 'unpdf';
import { drawCharts, openTable } from './support/charts';
import { expect, test } from './support/fixtures';

test.use({ role: 'LEADER' });

test('a leader changes the period and the printed A4 summary holds that period, its figures and page numbers', async ({ page }) => {
  await page.goto('/leadership');
  const form = page.getByTestId('period-form');

  await form.getByRole('combobox').selectOption('2019');
  await form.getByRole('button').click();
  await expect(page).toHaveURL(/\/leadership\?period=2019$/);
  await expect(page.getByTestId('period-label')).toContainText('2019-01-01');
  // In 2019 the 46 projects were approved; none had certainly gone online yet, though any of 33 may have.
  await expect(page.locator('[data-period-kpi="approved"]')).toHaveAttribute('data-added', '46');
  await expect(page.locator('[data-period-kpi="online"]')).toHaveAttribute('data-value', '0');
  await expect(page.locator('[data-period-kpi="online"]')).toHaveAttribute('data-max', '33');

  await form.getByRole('combobox').selectOption('2020');
  await form.getByRole('button').click();
  await expect(page).toHaveURL(/\/leadership\?period=2020$/);
  const online = page.locator('[data-period-kpi="online"]');
  await expect(online).toHaveAttribute('data-value', '33');
  await expect(page.locator('[data-period-kpi="promotion"]')).toHaveAttribute('data-value', '21');
  // Dates known only as ranges that began in 2019 are reached by the end of 2020, never "added" in it.
  await expect(online).toHaveAttribute('data-added', '0');
  await expect(online).toHaveAttribute('data-by-end', '33');
  await expect(page.getByTestId('changes-by-end')).toHaveAttribute('data-value', '54');
  await expect(page.getByTestId('indicator-growth').locator('[data-indicator="USERS"]')).toHaveAttribute('data-value', '325500');
  await drawCharts(page);
  await expect(page.locator('[data-chart="cumulative"] svg').first()).toBeVisible();

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  expect(totalPages).toBeGreaterThanOrEqual(1);
  expect(totalPages).toBeLessThanOrEqual(4);
  // The PDF's text layer may spell some characters as their compatibility forms
  // (Kangxi radicals, full-width colons): compare both sides in NFKC.
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const flat = norm(text);
  expect(flat).toContain(norm('北京市金融科技应用试点：阶段摘要'));
  expect(flat).toContain(norm('报告期：2020-01-01至2020-12-31'));
  expect(flat).toContain(norm('期末上线运行项目33'));
  expect(flat).toContain(norm('期末应用推广期项目21'));
  expect(flat).toContain(`1/${totalPages}`);
  // No navigation chrome on paper.
  expect(flat).not.toContain(norm('退出登录'));
  expect(flat).not.toContain(norm('按日期范围查看'));
});

test('a malformed period falls back to the default with a notice, never an error', async ({ page }) => {
  const response = await page.goto("/leadership?period=2020-Q9'--");
  expect(response?.status()).toBe(200);
  await expect(page.getByText('报告期参数无效，已显示默认报告期。')).toBeVisible();
});

test('the risk summary shows open warnings and incidents by severity and their monthly trend, on screen and on paper', async ({ page }) => {
  // The risk board's count of the pilot's open warnings, read first.
  await page.goto('/risk');
  const pilotRow = page.locator('[data-breakdown="program"] li', { hasText: '金融科技应用试点' });
  const pilotWarnings = Number(await pilotRow.locator('span').last().textContent());
  expect(pilotWarnings).toBeGreaterThan(0);

  await page.goto('/leadership');
  const card = page.getByTestId('leadership-risk');
  await expect(card).toHaveAttribute('data-warnings-open', String(pilotWarnings));
  const rows = card.locator('[data-severity]');
  await expect(rows).toHaveCount(4);
  const sum = async (attr: string) => (await rows.evaluateAll((rs, a) => rs.map((r) => Number(r.getAttribute(a))), attr)).reduce((a, b) => a + b, 0);
  expect(await sum('data-warnings')).toBe(pilotWarnings);
  expect(String(await sum('data-incidents'))).toBe(await card.getAttribute('data-incidents-open'));
  // The demo rows say they are demo data; the trend is drawn, and its table holds the last twelve months.
  await expect(card.locator('[data-demo]').first()).toBeVisible();
  await drawCharts(page, 'risk-trend');
  await expect(card.locator('[data-chart="risk-trend"] svg[role="application"]')).toBeVisible();
  await openTable(page, 'risk-trend');
  await expect(card.locator('[data-table="risk-trend"] tbody tr')).toHaveCount(12);

  await page.emulateMedia({ media: 'print' });
  await expect(card).toBeVisible();
  await expect(card.locator('[data-table="risk-severity"]')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  // 风 may come out of the text layer as the CJK radical ⻛ (U+2EDB), which NFKC leaves as it is.
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/\u2EDB/g, '风');
  expect(norm(text)).toContain(norm('风险概况'));
  expect(norm(text)).toContain(norm('预警与风险事件趋势'));
});
