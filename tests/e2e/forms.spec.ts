import pg from 'pg';
import type { Locator } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

// After a refusal every form still holds what the user typed (React resets a
// form after its action), lists every problem at its field, and after a
// conflict shows the saved version beside the user's own edit.

const query = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

const errorOf = (form: Locator, field: string) => form.locator(`[data-field-error="${field}"]`);

test.describe('an institution’s forms', () => {
  test.use({ role: 'INSTITUTION' });

  // The e2e database is shared by every spec: put back what these tests change.
  let saved: { summary: string; scenarios: string[] };
  test.beforeAll(async () => {
    [saved] = await query(`SELECT summary, scenarios FROM "Project" WHERE code = 'BJFT-06'`);
    await query(`INSERT INTO "Milestone" ("projectId", title, "dueDate") SELECT id, '表单测试里程碑', '2021-09-30' FROM "Project" WHERE code = 'BJFT-06'`);
  });
  test.afterAll(async () => {
    await query(`UPDATE "Project" SET summary = $1, scenarios = $2 WHERE code = 'BJFT-06'`, [saved.summary, saved.scenarios]);
    await query(`DELETE FROM "Milestone" WHERE title = '表单测试里程碑'`);
  });

  test('a figure with a negative value, a future date and another unit: all three at their fields, every field as typed', async ({ page }) => {
    await page.goto('/projects/BJFT-06');
    const form = page.getByTestId('metric-form');
    const unit = form.locator('input[name="unit"]');
    // The unit follows the indicator.
    await form.locator('select[name="indicatorCode"]').selectOption('USERS');
    await expect(unit).toHaveValue('人次');
    await form.locator('select[name="indicatorCode"]').selectOption('SCENARIOS');
    await expect(unit).toHaveValue('个');
    await form.locator('input[name="asOf"]').fill('2199-01-01');
    await form.locator('input[name="value"]').fill('-3');
    await form.locator('select[name="qualifier"]').selectOption('ABOUT');
    await form.locator('input[name="sourceNote"]').fill('2021年二季度业务报表');
    await form.locator('input[name="correctionNote"]').fill('口径调整');
    await form.locator('input[name="correct"]').check();
    // A post that does not come from this form may still carry another unit: the server refuses it.
    await unit.evaluate((input: HTMLInputElement) => (input.value = '台'));
    await form.getByRole('button', { name: '报送数值' }).click();

    await expect(page.getByTestId('metric-form-result')).toHaveText('请检查标出的字段。');
    await expect(errorOf(form, 'value')).toHaveText('数值不能为负。');
    await expect(errorOf(form, 'asOf')).toContainText('日期不能晚于今天。');
    await expect(errorOf(form, 'asOf')).toContainText('该日期尚无数值，无需更正。');
    await expect(errorOf(form, 'unit')).toHaveText('单位与该指标不符。');

    await expect(form.locator('select[name="indicatorCode"]')).toHaveValue('SCENARIOS');
    await expect(unit).toHaveValue('个');
    await expect(form.locator('input[name="asOf"]')).toHaveValue('2199-01-01');
    await expect(form.locator('input[name="value"]')).toHaveValue('-3');
    await expect(form.locator('select[name="qualifier"]')).toHaveValue('ABOUT');
    await expect(form.locator('input[name="sourceNote"]')).toHaveValue('2021年二季度业务报表');
    await expect(form.locator('input[name="correctionNote"]')).toHaveValue('口径调整');
    await expect(form.locator('input[name="correct"]')).toBeChecked();
    expect(await query(`SELECT 1 FROM "MetricValue" WHERE "asOf" = '2199-01-01'`)).toHaveLength(0);
  });

  test('a conflict keeps the edit, shows the saved version beside it, and the merged edit saves', async ({ page, browser, baseURL }) => {
    const other = await (await browser.newContext({ baseURL })).newPage();
    await signInAs(other.request, 'INSTITUTION');
    await page.goto('/projects/BJFT-06');
    await other.goto('/projects/BJFT-06');

    const first = page.getByTestId('details-form');
    await first.locator('textarea[name="summary"]').fill('第一位同事的简介');
    await first.getByRole('button', { name: '保存简介与应用场景' }).click();
    await expect(page.getByTestId('details-form-result')).toHaveText('已保存。');
    await expect(first.locator('textarea[name="summary"]')).toHaveValue('第一位同事的简介');

    const second = other.getByTestId('details-form');
    await second.locator('textarea[name="summary"]').fill('第二位同事的简介');
    await second.locator('textarea[name="scenarios"]').fill('生活缴费\n跨行缴税');
    await second.getByRole('button', { name: '保存简介与应用场景' }).click();
    await expect(other.getByTestId('details-form-result')).toHaveText('该记录已被他人修改，您的修改尚未保存。');
    await expect(second.getByTestId('conflict').locator('[data-field="summary"]')).toHaveText('第一位同事的简介');
    await expect(second.locator('textarea[name="summary"]')).toHaveValue('第二位同事的简介');
    await expect(second.locator('textarea[name="scenarios"]')).toHaveValue('生活缴费\n跨行缴税');
    expect((await query(`SELECT summary FROM "Project" WHERE code = 'BJFT-06'`))[0].summary).toBe('第一位同事的简介');

    // Merged, but with a scenario too long: refused again, and the form still holds the saved version.
    await second.locator('textarea[name="summary"]').fill('第一位同事的简介；第二位同事的补充');
    await second.locator('textarea[name="scenarios"]').fill(`生活缴费\n${'跨行缴税'.repeat(11)}`);
    await second.getByRole('button', { name: '保存简介与应用场景' }).click();
    await expect(errorOf(second, 'scenarios')).toHaveText('内容过长。');
    await expect(second.locator('textarea[name="summary"]')).toHaveValue('第一位同事的简介；第二位同事的补充');
    await second.locator('textarea[name="scenarios"]').fill('生活缴费\n跨行缴税');
    await second.getByRole('button', { name: '保存简介与应用场景' }).click();
    await expect(other.getByTestId('details-form-result')).toHaveText('已保存。');
    await expect(second.getByTestId('conflict')).toHaveCount(0);
    await other.reload();
    await expect(other.getByTestId('details-form').locator('textarea[name="summary"]')).toHaveValue('第一位同事的简介；第二位同事的补充');
    await expect(other.getByTestId('details-form').locator('textarea[name="scenarios"]')).toHaveValue('生活缴费\n跨行缴税');
    await other.context().close();
  });

  test('the milestone forms keep the title, the dates and the chosen milestone', async ({ page }) => {
    await page.goto('/projects/BJFT-06');
    const add = page.getByTestId('milestone-add-form');
    await add.locator('input[name="title"]').fill('接入公积金查询');
    await add.locator('input[name="dueDate"]').fill('2019-01-01');
    await add.getByRole('button', { name: '添加里程碑' }).click();
    await expect(errorOf(add, 'dueDate')).toHaveText('日期不能早于项目获批日期。');
    await expect(add.locator('input[name="title"]')).toHaveValue('接入公积金查询');
    await expect(add.locator('input[name="dueDate"]')).toHaveValue('2019-01-01');

    const complete = page.getByTestId('milestone-complete-form');
    const milestone = complete.locator('select[name="milestoneId"]');
    const chosen = await milestone.locator('option', { hasText: '表单测试里程碑' }).getAttribute('value');
    await milestone.selectOption(chosen!);
    await complete.locator('input[name="completedAt"]').fill('2199-01-01');
    await complete.getByRole('button', { name: '标记里程碑已完成' }).click();
    await expect(errorOf(complete, 'completedAt')).toHaveText('日期不能晚于今天。');
    await expect(milestone).toHaveValue(chosen!);
    await expect(complete.locator('input[name="completedAt"]')).toHaveValue('2199-01-01');
    expect(await query(`SELECT 1 FROM "Milestone" WHERE title = '接入公积金查询' OR ("completedAt" IS NOT NULL AND title = '表单测试里程碑')`)).toHaveLength(0);
  });

  test('the stage proposal keeps the stage, the date and the evidence', async ({ page }) => {
    await page.goto('/projects/BJFT-06');
    const form = page.getByTestId('proposal-form');
    await form.locator('select[name="toStage"]').selectOption('WITHDRAWN');
    await form.locator('input[name="effectiveDate"]').fill('2199-01-01');
    await form.locator('textarea[name="evidenceNote"]').fill('总行决定终止该场景');
    await form.getByRole('button', { name: '提交阶段变更申请' }).click();
    await expect(errorOf(form, 'effectiveDate')).toHaveText('日期不能晚于今天。');
    await expect(form.locator('select[name="toStage"]')).toHaveValue('WITHDRAWN');
    await expect(form.locator('input[name="effectiveDate"]')).toHaveValue('2199-01-01');
    await expect(form.locator('textarea[name="evidenceNote"]')).toHaveValue('总行决定终止该场景');
    expect(await query(`SELECT 1 FROM "StageProposal" WHERE "evidenceNote" = '总行决定终止该场景'`)).toHaveLength(0);
  });

  test('the progress report keeps the quarter and the text', async ({ page }) => {
    await page.goto('/projects/BJFT-06');
    const form = page.getByTestId('report-form');
    await form.locator('input[name="period"]').fill('2199-Q1');
    await form.locator('textarea[name="body"]').fill('本季度新增两个缴费场景');
    await form.getByRole('button', { name: '提交进展报告' }).click();
    await expect(errorOf(form, 'period')).toHaveText('日期不能晚于今天。');
    await expect(form.locator('input[name="period"]')).toHaveValue('2199-Q1');
    await expect(form.locator('textarea[name="body"]')).toHaveValue('本季度新增两个缴费场景');
  });
});

test('a regulator’s comment that is too long stays in the form', async ({ page }) => {
  await page.goto('/projects/BJFT-06');
  const form = page.getByTestId('comment-form');
  const body = `请补充数据口径。${'详'.repeat(2000)}`;
  await form.locator('textarea[name="body"]').fill(body);
  await form.getByRole('button', { name: '发表意见' }).click();
  await expect(errorOf(form, 'body')).toHaveText('内容过长。');
  await expect(form.locator('textarea[name="body"]')).toHaveValue(body);
  expect(await query(`SELECT 1 FROM "Comment" WHERE body LIKE '请补充数据口径。%'`)).toHaveLength(0);
});

test.describe('the admin’s user forms', () => {
  test.use({ role: 'ADMIN' });

  test('a refused new user keeps everything but the password', async ({ page }) => {
    await page.goto('/admin/users');
    const form = page.getByTestId('user-create-form');
    await form.locator('input[name="email"]').fill('regulator@pilot.example');
    await form.locator('input[name="name"]').fill('重复的监管账号');
    await form.locator('input[name="password"]').fill('a-long-enough-password');
    await form.locator('select[name="role"]').selectOption('INSTITUTION');
    await form.locator('select[name="institutionId"]').selectOption({ label: '招商银行北京分行' });
    const institution = await form.locator('select[name="institutionId"]').inputValue();
    await form.getByRole('button', { name: '创建用户' }).click();
    await expect(errorOf(form, 'email')).toHaveText('该邮箱已被使用。');
    await expect(form.locator('input[name="email"]')).toHaveValue('regulator@pilot.example');
    await expect(form.locator('input[name="name"]')).toHaveValue('重复的监管账号');
    await expect(form.locator('select[name="role"]')).toHaveValue('INSTITUTION');
    await expect(form.locator('select[name="institutionId"]')).toHaveValue(institution);
    await expect(form.locator('input[name="password"]')).toHaveValue('');
    await expect(form.getByTestId('password-again')).toBeVisible();
  });

  test('a refused change keeps the chosen role and the ticked box, and changes nothing', async ({ page }) => {
    await page.goto('/admin/users');
    const row = page.locator('[data-user="leader@pilot.example"]');
    await row.locator('select[name="role"]').selectOption('INSTITUTION');
    await row.locator('input[name="disabled"]').check();
    await row.getByRole('button', { name: '保存角色、机构与状态' }).click();
    await expect(errorOf(row, 'institutionId')).toHaveText('必填。');
    await expect(row.locator('select[name="role"]')).toHaveValue('INSTITUTION');
    await expect(row.locator('input[name="disabled"]')).toBeChecked();
    expect(await query(`SELECT role, disabled FROM "User" WHERE email = 'leader@pilot.example'`)).toEqual([{ role: 'LEADER', disabled: false }]);
  });
});
