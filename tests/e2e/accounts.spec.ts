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
      await client.query(`UPDATE "Project" SET stage = 'ONLINE', "promotionAt" = NULL WHERE code = 'BJFT-02'`);
      await client.query(`DELETE FROM "StageChange" WHERE "toStage" = 'PROMOTION' AND "projectId" = (SELECT id FROM "Project" WHERE code = 'BJFT-02')`);
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
    await metric.locator('input[name="unit"]').fill('人次');
    await metric.locator('input[name="sourceNote"]').fill('2021年一季度业务报表');
    await metric.getByRole('button', { name: '报送' }).click();
    await expect(page.getByTestId('metric-form-result')).toHaveText('已保存。');
    await expect(page.locator('[data-metric="USERS"]')).toContainText('2021-03-31');

    const proposal = page.getByTestId('proposal-form');
    await proposal.locator('select[name="toStage"]').selectOption('PROMOTION');
    await proposal.locator('input[name="effectiveDate"]').fill('2021-04-01');
    await proposal.locator('textarea[name="evidenceNote"]').fill('已推广至三家分行');
    await proposal.getByRole('button', { name: '提交申请' }).click();
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
    await approve.getByRole('button', { name: '批准' }).click();
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

  test('a stale form gets a conflict showing what changed, and nothing is overwritten', async ({ page, context }) => {
    const other = await context.newPage();
    await page.goto('/projects/BJFT-06');
    await other.goto('/projects/BJFT-06');
    await page.getByTestId('details-form').locator('textarea[name="summary"]').fill('第一位同事的简介');
    await page.getByTestId('details-form').getByRole('button').click();
    await expect(page.getByTestId('details-form-result')).toHaveText('已保存。');
    await other.getByTestId('details-form').locator('textarea[name="summary"]').fill('过期表单的简介');
    await other.getByTestId('details-form').getByRole('button').click();
    await expect(other.getByTestId('conflict').locator('[data-field="summary"]')).toHaveText('第一位同事的简介');
    await other.reload();
    await expect(other.getByText('第一位同事的简介').first()).toBeVisible();
    await expect(other.getByText('过期表单的简介')).toHaveCount(0);
  });

  test('a bad figure gets a field message next to its field', async ({ page }) => {
    await page.goto('/projects/BJFT-06');
    const metric = page.getByTestId('metric-form');
    await metric.locator('select[name="indicatorCode"]').selectOption('SCENARIOS');
    await metric.locator('input[name="asOf"]').fill('2021-03-31');
    await metric.locator('input[name="value"]').fill('-3');
    await metric.locator('input[name="unit"]').fill('台');
    await metric.locator('input[name="sourceNote"]').fill('报表');
    await metric.getByRole('button', { name: '报送' }).click();
    await expect(metric.locator('[data-field-error="value"]')).toHaveText('数值不能为负。');
    await expect(page.locator('[data-field-error="unit"]')).toHaveCount(0);
  });
});

test.describe('who sees what', () => {
  test('a regulator sees no edit forms, and the admin page is not there for them', async ({ page }) => {
    await page.goto('/projects/BJFT-02');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('metric-form')).toHaveCount(0);
    expect((await page.goto('/admin/users'))?.status()).toBe(404);
  });

  test.describe('as a leader', () => {
    test.use({ role: 'LEADER' });
    test('the approval queue and the audit log are not there', async ({ page }) => {
      expect((await page.goto('/proposals'))?.status()).toBe(404);
      expect((await page.goto('/audit'))?.status()).toBe(404);
      expect((await page.request.get('/api/audit')).status()).toBe(403);
    });
  });

  test.describe('as an admin', () => {
    test.use({ role: 'ADMIN' });
    test('lists the demo accounts and reads the audit log', async ({ page }) => {
      await page.goto('/admin/users');
      for (const email of ['admin@pilot.example', 'regulator@pilot.example', 'institution@pilot.example', 'leader@pilot.example']) {
        await expect(page.locator(`[data-user="${email}"]`)).toBeVisible();
      }
      expect((await page.goto('/audit'))?.status()).toBe(200);
    });
  });
});

test.describe('sign-in throttle', () => {
  test.use({ role: null });
  test('five failures lock the account with a clear message', async ({ page }) => {
    // An address of its own, so no other test's sign-ins are affected.
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${Date.now() % 250}` });
    await page.goto('/signin');
    const email = `locked-${Date.now()}@pilot.example`;
    // Each attempt waits for its own answer: the form resets after every submission.
    const attempt = async (password: string) => {
      await page.getByLabel('邮箱').fill(email);
      await page.getByLabel('密码').fill(password);
      await Promise.all([page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials')), page.getByRole('button', { name: '登录' }).click()]);
      await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
      await expect(page.getByLabel('邮箱')).toHaveValue('');
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`wrong-${i}`);
      await expect(page.getByTestId('sign-in-error')).toHaveText('邮箱或密码不正确，或账号已停用。');
    }
    await attempt('wrong-again');
    await expect(page.getByTestId('sign-in-error')).toHaveText('失败次数过多，账号已暂时锁定，请 15 分钟后再试。');
  });
});

test.describe('security headers', () => {
  test('every page carries them, and pages run under the CSP without violations', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto('/');
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    for (const path of ['/projects', '/projects/BJFT-03', '/proposals', '/audit']) {
      await page.goto(path);
      await expect(page.getByTestId('signed-in-as')).toBeVisible();
    }
    // Client code ran under the policy: the language switch is a client-side form.
    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('操作记录');
    expect(violations).toEqual([]);
  });
});
