/**
 * The risk board in a browser: its headline figures, the demo data marked as
 * demo, an institution reporting an incident through the form, a regulator
 * acknowledging a warning, a project page's warnings and incidents, and the
 * board on a phone without sideways scrolling.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

const kpi = (page: import('@playwright/test').Page, key: string) => page.locator(`[data-kpi="${key}"]`);
const valueOf = async (page: import('@playwright/test').Page, key: string) => Number(await kpi(page, key).getAttribute('data-value'));

test.describe('as the institution', () => {
  test.use({ role: 'INSTITUTION' });

  test('reports an incident: a refusal keeps the input, then the incident is open with its report delay', async ({ page }) => {
    await page.goto('/risk');
    const before = await valueOf(page, 'incidents-open');
    const form = page.getByTestId('incident-report');
    const bjft06 = await form.locator('select[name="projectId"] option', { hasText: 'BJFT-06' }).getAttribute('value');
    await form.locator('select[name="projectId"]').selectOption(bjft06!);
    await form.locator('select[name="severity"]').selectOption('SERIOUS');
    await form.locator('input[name="occurredAt"]').fill('2026-11-28T09:00');
    await form.locator('input[name="reportedAt"]').fill('2026-11-28T08:00');
    await form.locator('textarea[name="description"]').fill('浏览器测试：支付通道中断');
    await form.getByRole('button').click();
    await expect(form.locator('[data-field-error="reportedAt"]')).toBeVisible();
    await expect(form.locator('textarea[name="description"]')).toHaveValue('浏览器测试：支付通道中断');
    await form.locator('input[name="reportedAt"]').fill('2026-11-28T15:00');
    await form.getByRole('button').click();
    await expect(page.getByTestId('incident-report-result')).toHaveAttribute('role', 'status');
    await expect(kpi(page, 'incidents-open')).toHaveAttribute('data-value', String(before + 1));
    const row = page.locator('[data-incident]', { hasText: '浏览器测试：支付通道中断' });
    await expect(row).toHaveAttribute('data-status', 'OPEN');
    // 重大 must be reported within 4 hours: six hours is late.
    await expect(row.locator('[data-delay-late="true"]')).toContainText('6 小时');
  });
});

test.describe('as a regulator', () => {
  test('sees open warnings by severity, the demo data marked, and acknowledges a warning with a note', async ({ page }) => {
    await page.goto('/risk');
    expect(await valueOf(page, 'warnings-open')).toBeGreaterThanOrEqual(3);
    expect(await valueOf(page, 'incidents-open')).toBeGreaterThanOrEqual(3);
    await expect(page.locator('[data-breakdown="severity"] li').first()).toBeVisible();
    const warning = page.locator('[data-warning][data-status="OPEN"]', { hasText: 'BJFT-05' }).first();
    await expect(warning.locator('[data-demo]')).toBeVisible();
    const id = await warning.getAttribute('data-warning');
    const form = page.getByTestId(`warning-acknowledge-${id}`);
    await form.locator('input[name="note"]').fill('已约谈机构核实');
    await form.getByRole('button').click();
    await expect(page.locator(`[data-warning="${id}"]`)).toHaveAttribute('data-status', 'ACKNOWLEDGED');
    await expect(page.locator(`[data-warning="${id}"]`)).toContainText('已约谈机构核实');
  });

  test('finds a project’s warnings and incidents on its page', async ({ page }) => {
    await page.goto('/projects/BJFT-06');
    const section = page.getByTestId('project-risk');
    await expect(section.locator('[data-incident][data-status="RESOLVED"]')).toContainText('演示');
    await expect(section.locator('[data-warning]').first()).toBeVisible();
  });

  test('edits a rule in the rules list, a refusal keeping the input, then disables and enables it', async ({ page }) => {
    await page.goto('/risk');
    const create = page.getByTestId('rule-create');
    await create.locator('input[name="name"]').fill('浏览器测试规则');
    await create.locator('select[name="kind"]').selectOption('THRESHOLD');
    await create.locator('select[name="indicatorId"]').selectOption({ label: '开通用户' });
    await create.locator('select[name="direction"]').selectOption('ABOVE');
    await create.locator('input[name="limit"]').fill('1000000000000');
    await create.locator('input[name="projectCodes"]').fill('BJFT-06');
    await create.getByRole('button').click();
    const rule = page.locator('[data-rule]', { hasText: '浏览器测试规则' });
    await expect(rule).toHaveAttribute('data-active', 'true');
    await expect(rule.locator('[data-rule-terms]')).toContainText('高于');
    await expect(rule).toContainText('BJFT-06');

    const id = await rule.getAttribute('data-rule');
    await rule.getByText('修改规则').click();
    const edit = page.getByTestId(`rule-edit-${id}`);
    await expect(edit.locator('input[name="limit"]')).toHaveValue('1000000000000');
    await edit.locator('input[name="name"]').fill('浏览器测试规则（已改）');
    await edit.locator('input[name="limit"]').fill('');
    await edit.getByRole('button').click();
    await expect(edit.locator('[data-field-error="limit"]')).toBeVisible();
    await expect(edit.locator('input[name="name"]')).toHaveValue('浏览器测试规则（已改）');
    await edit.locator('input[name="limit"]').fill('2000000000000');
    await edit.getByRole('button').click();
    await expect(page.getByTestId(`rule-edit-${id}-result`)).toHaveAttribute('role', 'status');
    const edited = page.locator(`[data-rule="${id}"]`);
    await expect(edited).toContainText('浏览器测试规则（已改）');
    await expect(edited.locator('[data-rule-terms]')).toContainText('2,000,000,000,000');

    await page.getByTestId(`rule-active-${id}`).getByRole('button', { name: '停用规则' }).click();
    await expect(edited).toHaveAttribute('data-active', 'false');
    await page.getByTestId(`rule-active-${id}`).getByRole('button', { name: '启用规则' }).click();
    await expect(edited).toHaveAttribute('data-active', 'true');
  });

  test('sets the sandbox report deadlines: bad hours are refused with the reason, good ones are kept', async ({ page }) => {
    await page.goto('/risk');
    const box = page.locator('[data-deadlines]', { hasText: '创新监管试点' });
    const form = box.locator('form');
    await form.locator('input[name="CRITICAL"]').fill('0');
    await form.locator('input[name="SERIOUS"]').fill('1.5');
    await form.getByRole('button').click();
    await expect(form.locator('[data-field-error="CRITICAL"]')).toHaveText('时限至少为 1 小时。');
    await expect(form.locator('[data-field-error="SERIOUS"]')).toHaveText('请填写整数小时数。');
    await expect(form.locator('input[name="SERIOUS"]')).toHaveValue('1.5');
    await form.locator('input[name="SERIOUS"]').fill('6');
    await form.locator('input[name="CRITICAL"]').fill('8');
    await form.getByRole('button').click();
    await expect(form.locator('[data-field-error="CRITICAL"]')).toHaveText('更严重等级的报告时限不能长于较轻等级。');
    await form.locator('input[name="CRITICAL"]').fill('3');
    await form.getByRole('button').click();
    await expect(form).toHaveAttribute('data-result', 'SAVED');
    await page.reload();
    await expect(page.locator('[data-deadlines]', { hasText: '创新监管试点' }).locator('input[name="SERIOUS"]')).toHaveValue('6');
  });

  test('reads the board on a phone without sideways scrolling, and axe finds nothing serious', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/risk');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
