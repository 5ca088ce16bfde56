import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

// The public register, signed out: what it lists, that nothing internal reaches
// it, that it is cached, accessible and usable with the keyboard alone, and
// that a regulator's moderation reaches it.

const query = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

/** A code no earlier run has rendered, so its page is fresh from the database. */
const CODE = `E2E-${Date.now().toString(36).toUpperCase()}`;
const FORBIDDEN = ['isPlaceholder', 'version', 'passwordHash'];

test.use({ role: null });

// An application in its notice, in a program of its own so the seeded counts stay as they are; removed afterwards.
test.beforeAll(async () => {
  const [sandbox] = await query(`SELECT id, "lifecycleId" FROM "Program" WHERE code = 'BJ-FINTECH-SANDBOX'`);
  const [program] = await query(
    `INSERT INTO "Program" (code, name, "nameEn", region, "lifecycleId") VALUES ($1, '公示测试', 'Notice test', '北京', $2) RETURNING id`,
    [CODE, sandbox.lifecycleId],
  );
  const stages = await query(`SELECT id, code, "sortOrder" FROM "LifecycleStage" WHERE "lifecycleId" = $1 AND code IN ('APPLIED', 'NOTICE')`, [
    sandbox.lifecycleId,
  ]);
  const [applied, notice] = ['APPLIED', 'NOTICE'].map((c) => stages.find((s) => s.code === c));
  const [project] = await query(
    `INSERT INTO "Project" (code, name, "programId", "stageId", "reachedOrder", "approvedAt", statement, "updatedAt")
     VALUES ($1, '公示中的测试应用', $2, $3, $4, '2026-11-01', '{"innovation":"草稿"}', now()) RETURNING id`,
    [CODE, program.id, notice.id, notice.sortOrder],
  );
  await query(
    `INSERT INTO "ProjectInstitution" ("projectId", "institutionId", role) SELECT $1, id, 'LEAD' FROM "Institution" WHERE name = '招商银行北京分行'`,
    [project.id],
  );
  await query(`INSERT INTO "StageChange" ("projectId", "toStageId", "effectiveDate") VALUES ($1, $2, '2026-11-01')`, [project.id, applied.id]);
  const [change] = await query(
    `INSERT INTO "StageChange" ("projectId", "fromStageId", "toStageId", "effectiveDate") VALUES ($1, $2, $3, '2026-11-20') RETURNING id`,
    [project.id, applied.id, notice.id],
  );
  await query(`INSERT INTO "Dossier" ("projectId", number, "stageId", "stageChangeId", statement, state) VALUES ($1, 1, $2, $3, $4, '{}')`, [
    project.id,
    notice.id,
    change.id,
    JSON.stringify({ innovation: '公示版创新说明', complaints: '客服热线 95555' }),
  ]);
});
test.afterAll(async () => {
  await query(`DELETE FROM "Project" WHERE code = $1`, [CODE]);
  await query(`DELETE FROM "Program" WHERE code = $1`, [CODE]);
});

test('a signed-out GET /public lists the 8 named pilot projects and the 17 named sandbox applications, placeholders only counted', async ({ page }) => {
  const response = await page.goto('/public');
  expect(response?.status()).toBe(200);
  const pilot = Array.from({ length: 8 }, (_, i) => `BJFT-0${i + 1}`);
  const sandbox = Array.from({ length: 17 }, (_, i) => `BJSB-${String(i + 1).padStart(2, '0')}`);
  for (const code of [...pilot, ...sandbox]) await expect(page.locator(`[data-project="${code}"]`)).toHaveCount(1);
  const placeholders = await query(`SELECT code FROM "Project" WHERE "isPlaceholder"`);
  expect(placeholders.length).toBeGreaterThan(0);
  for (const { code } of placeholders) await expect(page.locator(`[data-project="${code}"]`)).toHaveCount(0);
  await expect(page.locator('[data-register="BJ-FINTECH-SANDBOX"] [data-testid="unpublished"]')).toHaveText('另有 5 个项目尚未公开');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/public$/);
  await expect(page.locator('link[hreflang="en"]')).toHaveAttribute('href', /\/public\/en$/);
});

test('no public page, feed, JSON or sitemap carries an internal field name, and pages are served from the cache', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  // The sitemap is cached for up to five minutes: it may still name an application an earlier run removed.
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname).filter((u) => !u.includes('/E2E-'));
  expect(urls).toContain('/public/en/projects/BJSB-17');
  expect(sitemap).not.toMatch(/isPlaceholder|passwordHash|\/dashboard/);
  const extra = ['/public/feed.xml', '/public/data/BJ-FINTECH-PILOT.json', '/public/data/BJ-FINTECH-SANDBOX.json'];
  for (const url of [...urls, ...extra]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    const body = await res.text();
    for (const word of FORBIDDEN) expect(body.includes(word), `${url} contains ${word}`).toBe(false);
  }
  const again = await request.get('/public/en');
  expect(again.headers()['cache-control']).toContain('public');
  expect(again.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
  expect((await request.get('/robots.txt')).headers()['content-type']).toContain('text/plain');
});

test('every internal page still sends a signed-out visitor to sign in', async ({ request }) => {
  const pages: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) {
        if (entry.name === 'page.tsx') pages.push(route || '/');
        continue;
      }
      if (['api', 'actions', 'public', 'signin'].includes(entry.name) && route === '') continue;
      const segment = entry.name.startsWith('[') ? (entry.name.includes('code') ? 'BJFT-02' : '1') : entry.name.startsWith('(') ? '' : entry.name;
      walk(path.join(dir, entry.name), segment ? `${route}/${segment}` : route);
    }
  };
  walk(path.resolve('app'), '');
  expect(pages.length).toBeGreaterThan(20);
  for (const url of [...pages, '/publicity', '/public-notes']) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(307);
    expect(res.headers().location, url).toContain('/signin');
  }
});

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const url of ['/public', '/public/en', '/public/projects/BJSB-01', '/public/en/projects/BJFT-02', 'notice']) {
  test(`the public page ${url} has no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(url === 'notice' ? `/public/projects/${CODE}` : url);
    await expect(page.locator('h1')).toHaveCount(1);
    await expectAccessible(page);
  });
}

test('with the keyboard alone: from sign-in to the register, into a project, and a complaint sent during a notice', async ({ page }) => {
  await page.goto('/signin');
  const link = page.getByTestId('public-register-link');
  for (let i = 0; i < 15 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/public$/);
  const first = page.locator('[data-project="BJFT-01"] a');
  for (let i = 0; i < 30 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/public\/projects\/BJFT-01$/);
  await expect(page.locator('h1')).toBeVisible();

  await page.goto(`/public/projects/${CODE}`);
  await expect(page.getByTestId('statement')).toContainText('公示版创新说明');
  await expect(page.getByTestId('statement')).not.toContainText('草稿');
  for (const word of FORBIDDEN) expect(await page.content()).not.toContain(word);
  const complaint = page.getByRole('radio', { name: '投诉' });
  for (
    let i = 0;
    i < 40 &&
    !(await complaint.evaluate((el) => el === document.activeElement)) &&
    !(await page.getByRole('radio', { name: '意见' }).evaluate((el) => el === document.activeElement));
    i++
  )
    await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(complaint).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('客服电话<b>无人</b>接听');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wang@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // Markup is refused with a message at its field, and what was typed stays.
  await expect(page.getByTestId('feedback-result')).toHaveAttribute('data-result', 'INVALID_INPUT');
  await expect(page.locator('#feedback-body-errors')).toHaveText('仅接受纯文本，请勿输入 HTML 标记。');
  await page.locator('#feedback-body').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('客服电话无人接听');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback-result')).toHaveAttribute('data-result', 'SAVED');
  const rows = await query(`SELECT f.category, f.body, f.contact FROM "PublicFeedback" f JOIN "Project" p ON p.id = f."projectId" WHERE p.code = $1`, [CODE]);
  expect(rows).toEqual([{ category: 'COMPLAINT', body: '客服电话无人接听', contact: 'wang@example.com' }]);
});

test('a regulator’s published summary reaches the public page, the contact never does', async ({ page, browser }) => {
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signInAs(staff.request, 'REGULATOR');
  await staff.goto(`/projects/${CODE}`);
  const item = staff.getByTestId('feedback-list').locator('li').first();
  await expect(item).toContainText('wang@example.com');
  await expect(staff.getByTestId('first-answer')).toContainText('待答复 1 件');
  await item.locator('input[name="summary"]').fill('关于客服电话无人接听的投诉');
  await item.getByRole('button', { name: '提交处理' }).click();
  await expect(item.locator('[data-testid$="-result"]')).toHaveText('已保存。');
  await context.close();

  await page.goto(`/public/projects/${CODE}`);
  await expect(page.getByTestId('published-feedback')).toContainText('关于客服电话无人接听的投诉');
  await expect(page.locator('body')).not.toContainText('wang@example.com');
});
