import pg from 'pg';
import { expect, signInAs, test } from './support/fixtures';

const kpi = async (page: import('@playwright/test').Page, name: string) => Number(await page.locator(`[data-kpi="${name}"]`).getAttribute('data-value'));

test.describe('institution reports, regulator approves', () => {
  test.use({ role: 'INSTITUTION' });

  // The e2e database is shared by every spec, and the home page's published-figure checks expect
  // BJFT-02 online: put its stage and the reported figure back once the flow has been checked.
  test.afterAll(async () => {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      const bjft02 = `(SELECT id FROM "Project" WHERE code = 'BJFT-02')`;
      const promotion = `SELECT id FROM "StageChange" WHERE "projectId" = ${bjft02} AND "toStageId" IN (SELECT id FROM "LifecycleStage" WHERE code = 'PROMOTION')`;
      await client.query(
        `UPDATE "Project" p SET "stageId" = s.id, "reachedOrder" = s."sortOrder" FROM "Program" g, "LifecycleStage" s
          WHERE p.code = 'BJFT-02' AND g.id = p."programId" AND s."lifecycleId" = g."lifecycleId" AND s.code = 'ONLINE'`,
      );
      await client.query(`DELETE FROM "Dossier" WHERE "stageChangeId" IN (${promotion})`);
      await client.query(`DELETE FROM "StageChange" WHERE id IN (${promotion})`);
      await client.query(`DELETE FROM "StageProposal" WHERE "projectId" = (SELECT id FROM "Project" WHERE code = 'BJFT-02')`);
      await client.query(`DELETE FROM "MetricValue" WHERE source = 'institution' AND "projectId" = (SELECT id FROM "Project" WHERE code = 'BJFT-02')`);
    } finally {
      await client.end();
    }
  });

  test('records a metric and proposes promotion; the regulator approves; figures and the audit log follow', async ({ page, browser, baseURL }) => {
    const regulator = await (await browser.newContext({ baseURL })).newPage();
    await signInAs(regulator.request, 'REGULATOR');
    await regulator.goto('/');
    const before = { promotion: await kpi(regulator, 'promotion'), online: await kpi(regulator, 'online') };
    const pendingBefore = Number(await regulator.getByTestId('pending-proposals').getAttribute('data-value'));

    await page.goto('/projects/BJFT-02');
    const metric = page.getByTestId('metric-form');
    await metric.locator('select[name="indicatorCode"]').selectOption('USERS');
    await metric.locator('input[name="asOf"]').fill('2021-03-31');
    await metric.locator('input[name="value"]').fill('12000');
    // The unit follows the indicator.
    await expect(metric.locator('input[name="unit"]')).toHaveValue('人次');
    await metric.locator('input[name="sourceNote"]').fill('2021年一季度业务报表');
    await metric.getByRole('button', { name: '报送数值' }).click();
    await expect(page.getByTestId('metric-form-result')).toHaveText('已保存。');
    await expect(page.locator('[data-metric="USERS"]')).toContainText('2021-03-31');

    const proposal = page.getByTestId('proposal-form');
    await proposal.locator('select[name="toStage"]').selectOption('PROMOTION');
    await proposal.locator('input[name="effectiveDate"]').fill('2021-04-01');
    await proposal.locator('textarea[name="evidenceNote"]').fill('已推广至三家分行');
    await proposal.getByRole('button', { name: '提交阶段变更申请' }).click();
    // Saved: the page now shows the pending proposal instead of the form (one pending proposal per project).
    await expect(page.getByTestId('pending-proposal')).toContainText('上线运行 → 应用推广期');
    await expect(page.getByTestId('proposal-form')).toHaveCount(0);

    await regulator.goto('/');
    await expect(regulator.getByTestId('pending-proposals')).toHaveAttribute('data-value', String(pendingBefore + 1));
    await regulator.goto('/proposals');
    const item = regulator.locator('[data-proposal="BJFT-02"]');
    await expect(item).toContainText('已推广至三家分行');
    const approve = item.getByTestId(/^decide-approve-/);
    await approve.locator('input[name="note"]').fill('材料齐全，同意');
    await approve.getByRole('button', { name: '批准变更' }).click();
    await expect(regulator.locator('[data-proposal="BJFT-02"]')).toHaveCount(0);

    await regulator.goto('/');
    await expect(regulator.locator('[data-kpi="promotion"]')).toHaveAttribute('data-value', String(before.promotion + 1));
    await expect(regulator.locator('[data-kpi="online"]')).toHaveAttribute('data-value', String(before.online));
    await expect(regulator.getByTestId('pending-proposals')).toHaveAttribute('data-value', String(pendingBefore));

    await regulator.goto('/audit?project=BJFT-02');
    await expect(regulator.locator('tr[data-audit-action]:not([data-project="BJFT-02"])')).toHaveCount(0);
    await expect(regulator.locator('tr[data-audit-action="METRIC_RECORD"]')).toHaveCount(1);
    await expect(regulator.locator('tr[data-audit-action="STAGE_PROPOSE"]')).toHaveCount(1);
    await expect(regulator.locator('tr[data-audit-action="STAGE_APPROVE"]')).toHaveCount(1);
    await expect(regulator.locator('tr[data-audit-action="STAGE_APPROVE"]')).toContainText('监管演示账号');

    await page.goto('/projects/BJFT-02');
    await expect(page.getByTestId('stage-history')).toContainText('2021-04-01');
    await expect(page.getByTestId('project-history').locator('[data-action]')).toHaveCount(3);
    await regulator.context().close();
  });

  test('submits a quarterly progress report, which the regulator reads and comments on', async ({ page, browser, baseURL }) => {
    await page.goto('/projects/BJFT-06');
    const form = page.getByTestId('report-form');
    await form.locator('input[name="period"]').fill('2021-Q1');
    await form.locator('textarea[name="body"]').fill('新增公积金查询场景，月活跃用户稳定增长');
    await form.getByRole('button', { name: '提交进展报告' }).click();
    await expect(page.locator('[data-period="2021-Q1"]')).toContainText('新增公积金查询场景');

    const regulator = await (await browser.newContext({ baseURL })).newPage();
    await signInAs(regulator.request, 'REGULATOR');
    await regulator.goto('/projects/BJFT-06');
    await expect(regulator.locator('[data-period="2021-Q1"]')).toBeVisible();
    await expect(regulator.getByTestId('report-form')).toHaveCount(0);
    await regulator.getByTestId('comment-form').locator('textarea[name="body"]').fill('请在下季度报告中补充用户数据口径');
    await regulator.getByRole('button', { name: '发表意见' }).click();
    await expect(regulator.getByTestId('comments')).toContainText('请在下季度报告中补充用户数据口径');
    await regulator.context().close();

    await page.reload();
    await expect(page.getByTestId('comments')).toContainText('请在下季度报告中补充用户数据口径');
    await expect(page.getByTestId('comment-form')).toHaveCount(0);
    await expect(page.getByTestId('project-history').locator('[data-action="COMMENT_ADD"]')).toHaveCount(1);
  });
});
