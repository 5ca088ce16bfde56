import { expect, test } from './support/fixtures';

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

    test('creates a user who can sign in; a role change applies at once, and disabling ends access at the next request', async ({ page, browser, baseURL }) => {
      const email = `e2e-${Date.now()}@pilot.example`;
      const password = 'a-long-enough-password';
      await page.goto('/admin/users');
      const create = page.getByTestId('user-create-form');
      await create.locator('input[name="email"]').fill(email);
      await create.locator('input[name="name"]').fill('临时领导账号');
      await create.locator('input[name="password"]').fill(password);
      await create.locator('select[name="role"]').selectOption('LEADER');
      await create.getByRole('button', { name: '创建用户' }).click();
      await expect(page.getByTestId('user-create-form-result')).toHaveText('已保存。');
      const row = page.locator(`[data-user="${email}"]`);
      await expect(row).toBeVisible();

      const user = await (await browser.newContext({ baseURL })).newPage();
      const { csrfToken } = (await (await user.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      await user.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
      await user.goto('/');
      await expect(user.getByTestId('signed-in-as')).toHaveAttribute('data-role', 'LEADER');
      expect((await user.goto('/proposals'))?.status()).toBe(404);

      await row.locator('select[name="role"]').selectOption('REGULATOR');
      await row.getByRole('button', { name: '保存角色、机构与状态' }).click();
      // The status line, not the role options of the form, says the change is saved.
      const status = row.locator('p').first();
      await expect(status).toContainText('监管人员');
      expect((await user.goto('/proposals'))?.status()).toBe(200);

      await row.locator('input[name="disabled"]').check();
      await row.getByRole('button', { name: '保存角色、机构与状态' }).click();
      await expect(status).toContainText('已停用');
      await user.goto('/projects');
      await expect(user).toHaveURL(/\/signin/);
      await user.context().close();

      await page.goto(`/audit?action=USER_UPDATE`);
      await expect(page.locator('tr[data-audit-action="USER_UPDATE"]').filter({ hasText: email })).toHaveCount(2);
    });
  });
});

test.describe('signed out', () => {
  test.use({ role: null });
  for (const path of ['/proposals', '/audit', '/admin/users']) {
    test(`${path} sends a visitor to the sign-in page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    });
  }
});

test.describe('sign-in throttle', () => {
  test.use({ role: null });
  test('five failures lock the account with a clear message', async ({ page }) => {
    // A new account: its five failures lock it alone; the address (shared by every test here) allows 50.
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
