/**
 * Every end-to-end spec imports `test` and `expect` from here. Each test signs
 * in through the auth API as a demo account of `role` (REGULATOR unless the
 * spec says `test.use({ role: ... })`; `null` stays signed out).
 */
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { Role } from '@/lib/rules/authz';
import { DEMO_PASSWORD, demoUsers } from '@/seeds/demo-users';

export async function signInAs(request: APIRequestContext, role: Role): Promise<void> {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`no demo account for ${role}`);
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: DEMO_PASSWORD, json: 'true' },
  });
  expect(res.ok(), `sign-in as ${role}`).toBe(true);
}

export const test = base.extend<{ role: Role | null }>({
  role: ['REGULATOR', { option: true }],
  page: async ({ page, role }, provide) => {
    if (role) await signInAs(page.request, role);
    await provide(page);
  },
});

export { expect };
