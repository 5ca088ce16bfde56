import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3900';
const [role, ...pages] = process.argv.slice(2);
const emails = { REGULATOR: 'regulator@pilot.example', INSTITUTION: 'institution@pilot.example', LEADER: 'leader@pilot.example', ADMIN: 'admin@pilot.example', SANDBOX: 'sandbox-regulator@pilot.example' };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const width = Number(process.env.WIDTH ?? 1280);
const context = await browser.newContext({ viewport: { width, height: 900 } });
const page = await context.newPage();
if (role !== 'NONE') {
  const { csrfToken } = await (await page.request.get(`${base}/api/auth/csrf`)).json();
  await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email: emails[role], password: 'Pilot-Demo-2026', json: 'true' } });
}
for (const p of pages) {
  const i = p.lastIndexOf('='); const path = p.slice(0, i), name = p.slice(i + 1);
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log('shot', name);
}
await browser.close();
