/**
 * Every end-to-end spec imports `test` and `expect` from here. Each test signs
 * in through the auth API as a demo account of `role` (a role or a demo e-mail; REGULATOR unless the
 * spec says `test.use({ role: ... })`; `null` stays signed out).
 */
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { Role } from '@/lib/rules/authz';
import { DEMO_PASSWORD, demoUsers } from '@/seeds/demo-users';

/** Signs in as the first demo account of a role, or as the demo account with this e-mail. */
export async function signInAs(request: APIRequestContext, who: Role | `${string}@${string}`): Promise<void> {
  const user = demoUsers.find((u) => (who.includes('@') ? u.email === who : u.role === who));
  if (!user) throw new Error(`no demo account for ${who}`);
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: DEMO_PASSWORD, json: 'true' },
  });
  expect(res.ok(), `sign-in as ${who}`).toBe(true);
}

export const test = base.extend<{ role: Role | `${string}@${string}` | null }>({
  role: ['REGULATOR', { option: true }],
  page: async ({ page, role }, provide) => {
    if (role) await signInAs(page.request, role);
    await provide(page);
  },
});

export { expect };
