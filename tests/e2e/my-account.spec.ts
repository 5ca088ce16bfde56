import pg from 'pg';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { hashPassword } from '@/lib/server/passwords';
import { expect, test } from './support/fixtures';

// Accounts of their own (the e2e database is shared by every spec, and the demo
// accounts' passwords must stay as they are): changing one's password, an
// administrator's reset, and the account page.

const query = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

const PASSWORD = 'Spring-Harbour-Lantern-41';
const NEW_PASSWORD = 'Quiet-Orbit-Saxophone-93';

/** A user of this spec alone, with a known password. */
async function createUser(prefix: string, role: string, institution?: string): Promise<{ email: string; name: string }> {
  const email = `${prefix}-${Date.now()}@pilot.example`;
  const name = `${prefix} 测试账号`;
  await query(
    `INSERT INTO "User" (email, name, role, "institutionId", "allPrograms", "passwordHash", "updatedAt")
     VALUES ($1, $2, $3::"Role", (SELECT id FROM "Institution" WHERE name = $4), $3 <> 'INSTITUTION', $5, now())`,
    [email, name, role, institution ?? null, await hashPassword(PASSWORD)],
  );
  return { email, name };
}

async function signIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  expect(res.ok(), `sign-in as ${email}`).toBe(true);
}

async function browserOf(browser: Browser, baseURL: string | undefined, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page.request, email, password);
  return page;
}

async function changePassword(page: Page, current: string, next: string) {
  const form = page.getByTestId('password-form');
  await form.locator('input[name="currentPassword"]').fill(current);
  await form.locator('input[name="newPassword"]').fill(next);
  await form.locator('input[name="confirmPassword"]').fill(next);
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('password-form-result')).toHaveText(/^密码已修改。/);
}

test.describe('changing one’s own password', () => {
  test.use({ role: null });

  test('signs out every other browser and keeps this one signed in', async ({ browser, baseURL }) => {
    const { email, name } = await createUser('e2e-password', 'LEADER');
    const here = await browserOf(browser, baseURL, email);
    const elsewhere = await browserOf(browser, baseURL, email);
    await elsewhere.goto('/account');
    await expect(elsewhere.locator('[data-fact="email"]')).toHaveText(email);

    await here.goto('/');
    await here.getByTestId('signed-in-as').getByRole('link').click();
    await expect(here).toHaveURL(/\/account$/);
    await here.getByTestId('change-password-link').click();
    // A weak password is refused with the library's reason, in Chinese.
    const form = here.getByTestId('password-form');
    await form.locator('input[name="currentPassword"]').fill(PASSWORD);
    await form.locator('input[name="newPassword"]').fill('password1234');
    await form.locator('input[name="confirmPassword"]').fill('password1234');
    await form.getByRole('button', { name: '修改密码' }).click();
    await expect(form.locator('[data-field-error="newPassword"]')).toContainText('密码强度不足');
    await expect(form.locator('[data-field-error="newPassword"]')).toContainText('与常用密码过于相似');

    await changePassword(here, PASSWORD, NEW_PASSWORD);
    await here.goto('/dashboard');
    await expect(here).toHaveURL(/\/dashboard$/);
    await expect(here.getByTestId('signed-in-as')).toContainText(name);

    await elsewhere.goto('/account');
    await expect(elsewhere).toHaveURL(/\/signin/);
    const [row] = await query(`SELECT "lastSignInAt" FROM "User" WHERE email = $1`, [email]);
    expect(row.lastSignInAt).not.toBeNull();
    await here.context().close();
    await elsewhere.context().close();
  });
});

test.describe('an administrator resets a password', () => {
  test.use({ role: 'ADMIN' });

  test('the user’s sessions end, and at the next sign-in they must change the password before anything else', async ({ page, browser, baseURL }) => {
    const { email } = await createUser('e2e-reset', 'REGULATOR');
    const user = await browserOf(browser, baseURL, email);
    await user.goto('/proposals');
    await expect(user.getByRole('heading', { level: 1 })).toBeVisible();

    await page.goto('/admin/users');
    // An administrator changes their own password on the account page; their own row offers no reset.
    await expect(page.locator('[data-user="admin@pilot.example"]').getByRole('button', { name: '重置密码' })).toHaveCount(0);
    const row = page.locator(`[data-user="${email}"]`);
    await expect(row.getByTestId('last-sign-in')).not.toContainText('从未登录');
    await row.getByRole('button', { name: '重置密码' }).click();
    const temporary = (await row.getByTestId('temporary-password').textContent())!.trim();
    expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await expect(row).toContainText('待修改密码');

    // The session from before the reset has ended.
    await user.goto('/proposals');
    await expect(user).toHaveURL(/\/signin/);

    await user.locator('input[name="email"]').fill(email);
    await user.locator('input[name="password"]').fill(temporary);
    await user.getByRole('button', { name: '登录' }).click();
    await expect(user).toHaveURL(/\/account\/password$/);
    await expect(user.getByTestId('must-change-password')).toBeVisible();
    // Nothing else opens: pages come back here, the API refuses with the reason.
    for (const path of ['/proposals', '/dashboard', '/account']) {
      await user.goto(path);
      await expect(user).toHaveURL(/\/account\/password$/);
    }
    const api = await user.request.get('/api/audit');
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ reason: 'PASSWORD_CHANGE_REQUIRED' });

    await changePassword(user, temporary, NEW_PASSWORD);
    await user.goto('/proposals');
    await expect(user).toHaveURL(/\/proposals$/);
    await page.reload();
    await expect(page.locator(`[data-user="${email}"]`)).not.toContainText('待修改密码');
    await user.context().close();
  });
});

test.describe('the account page', () => {
  test.use({ role: null });
  test.afterAll(async () => {
    await query(`DELETE FROM "ProgressReport" WHERE period = '2020-Q1' AND "authorId" IN (SELECT id FROM "User" WHERE email LIKE 'e2e-account-%')`);
  });

  test('shows the role, the institution and the user’s recent activity, and renames the user', async ({ browser, baseURL }) => {
    const { email } = await createUser('e2e-account', 'INSTITUTION', '招商银行北京分行');
    const page = await browserOf(browser, baseURL, email);
    await page.goto('/projects/BJFT-06');
    const report = page.getByTestId('report-form');
    await report.locator('input[name="period"]').fill('2020-Q1');
    await report.locator('textarea[name="body"]').fill('账户页测试：本季度进展');
    await report.getByRole('button', { name: '提交进展报告' }).click();
    await expect(page.locator('[data-period="2020-Q1"]')).toBeVisible();

    await page.goto('/account');
    await expect(page.locator('[data-fact="role"]')).toHaveText('试点机构');
    const institution = page.locator('[data-fact="institution"]').getByRole('link');
    await expect(institution).toHaveText('招商银行北京分行');
    await expect(page.locator('[data-fact="programs"]')).toContainText('北京市金融科技应用试点');
    // Beijing time, said once on the page (the footer), not beside every time.
    await expect(page.locator('[data-fact="lastSignIn"]')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(page.getByTestId('time-zone-note')).toContainText('北京时间');
    const entry = page.getByTestId('own-activity').locator('[data-action="REPORT_SUBMIT"]');
    await expect(entry).toContainText('提交进展报告');
    await expect(entry.getByRole('link')).toContainText('BJFT-06');
    await expect(entry.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const rename = page.getByTestId('rename-self-form');
    await rename.locator('input[name="name"]').fill('改过的显示名称');
    await rename.getByRole('button', { name: '保存显示名称' }).click();
    await expect(page.getByTestId('rename-self-form-result')).toHaveText('已保存。');
    await expect(page.getByTestId('signed-in-as')).toContainText('改过的显示名称');
    await expect(page.getByTestId('own-activity').locator('li').first()).toHaveAttribute('data-action', 'NAME_CHANGE');

    await institution.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('招商银行北京分行');
    await page.context().close();
  });
});
