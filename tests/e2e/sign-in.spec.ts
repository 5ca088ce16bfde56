import { DEMO_PASSWORD } from '@/seeds/demo-users';
import { expect, test } from './support/fixtures';

test.describe('signed out', () => {
  test.use({ role: null });

  for (const path of ['/', '/projects', '/projects/BJFT-03']) {
    test(`a visitor opening ${path} is sent to the sign-in page and back after signing in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
      await page.getByLabel('邮箱').fill('regulator@pilot.example');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page).toHaveURL(new RegExp(`${path.replace('/', '\\/')}$`));
      await expect(page.getByTestId('signed-in-as')).toHaveAttribute('data-role', 'REGULATOR');
    });
  }

  test('a wrong password gets a clear message and no session', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('邮箱').fill('regulator@pilot.example');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('邮箱或密码不正确，或账号已停用。');
    await page.goto('/projects');
    await expect(page).toHaveURL(/\/signin/);
  });
});

test('signing out ends the session on the server: a copy of the cookie taken before is refused', async ({ page, context }) => {
  await page.goto('/projects');
  const copied = await context.cookies();
  expect(copied.some((c) => c.name === 'next-auth.session-token')).toBe(true);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/signin/);

  await context.addCookies(copied);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/signin/);
  const exported = await page.request.get('/api/export/projects?format=csv');
  expect(exported.status()).toBe(401);
  expect(await exported.json()).toEqual({ error: 'UNAUTHENTICATED', message: '请先登录：尚未登录或会话已结束。' });
  // next-auth will not renew it either: the session endpoint answers "no session" and clears the cookie.
  const session = await page.request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
  expect(session.headers()['set-cookie']).toMatch(/next-auth\.session-token=;/);
});

test.describe('a hostile callbackUrl', () => {
  test.use({ role: null });

  for (const target of ['/%5Cevil.example/x', '/%09/evil.example/x', '//evil.example', 'https://evil.example/', 'javascript:alert(document.domain)']) {
    test(`${target} ends on the portal after signing in`, async ({ page, baseURL }) => {
      await page.goto(`/signin?callbackUrl=${target}`);
      await page.getByLabel('邮箱').fill('regulator@pilot.example');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByTestId('signed-in-as')).toHaveAttribute('data-role', 'REGULATOR');
      expect(page.url()).toBe(`${baseURL}/`);
    });
  }
});

test.describe('as an institution', () => {
  test.use({ role: 'INSTITUTION' });

  test('sees only its own projects, and another project id typed into the URL gives nothing', async ({ page }) => {
    await page.goto('/projects');
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-value', '2');
    await expect(page.locator('tr[data-project]')).toHaveText([/BJFT-02/, /BJFT-06/]);
    const response = await page.goto('/projects/BJFT-05');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
});
