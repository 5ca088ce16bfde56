/**
 * The portal on a phone (390 × 844, an iPhone 12–15 held upright): no page
 * scrolls sideways, the header folds into a menu, tables scroll inside their
 * cards, controls are large enough for a finger, and axe finds nothing serious.
 * A full-page screenshot of each page goes into the test's output folder.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { drawCharts, openTableViews } from './support/charts';
import { expect, signInAs, test } from './support/fixtures';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** Fails when the page itself can be scrolled sideways, naming what sticks out. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, outside } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    outside: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('[data-table-scroll]'))
      .map((el) => el.outerHTML.slice(0, 100)),
  }));
  expect(outside).toEqual([]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Every table sits in a box that scrolls sideways; where one is wider than its box, scrolling it leaves the page where it is. */
async function expectTablesScrollInTheirCards(page: Page, { someOverflow }: { someOverflow: boolean }) {
  const tables = await page.locator('main table').evaluateAll((all) =>
    all.map((table) => {
      const box = table.closest<HTMLElement>('[data-table-scroll]');
      return { testid: table.getAttribute('data-testid') ?? table.getAttribute('data-table'), overflowX: box ? getComputedStyle(box).overflowX : null };
    }),
  );
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) expect(table, `table ${table.testid}`).toMatchObject({ overflowX: 'auto' });
  if (!someOverflow) return;
  const scrolled = await page.evaluate(() => {
    const box = [...document.querySelectorAll<HTMLElement>('main [data-table-scroll]')].find((b) => b.scrollWidth > b.clientWidth + 1);
    if (!box) return null;
    box.scrollLeft = box.scrollWidth;
    window.scrollTo({ left: box.scrollWidth, top: window.scrollY });
    const moved = { box: box.scrollLeft, page: window.scrollX };
    box.scrollLeft = 0;
    return moved;
  });
  expect(scrolled, 'a table wider than its card').not.toBeNull();
  expect(scrolled!.box).toBeGreaterThan(0);
  expect(scrolled!.page).toBe(0);
}

/** Buttons, fields and links drawn as buttons are at least 40 px high. */
async function expectTapTargets(page: Page) {
  const controls = [
    'header button',
    'main button',
    'main select',
    'main input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"])',
    'main summary',
    'main [data-testid^="export-"] a',
  ].join(', ');
  const small = await page.locator(controls).evaluateAll((all) =>
    all
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ what: el.outerHTML.slice(0, 80), height: Math.round(el.getBoundingClientRect().height) }))
      .filter((c) => c.height < 40),
  );
  expect(small).toEqual([]);
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage });
}

type Check = { path: string; name: string; ready: string; tables: 'none' | 'overflow'; more?: (page: Page) => Promise<void> };

/** The field chart gives its bars the card's width: each label sits above its bar, inside the chart, none in a column beside it. */
async function expectLabelsAboveBars(page: Page) {
  const chart = await page.locator('[data-chart="by-field"]').evaluate((el) => {
    const box = el.getBoundingClientRect();
    const bars = [...el.querySelectorAll('.recharts-bar-rectangle path')].map((b) => b.getBoundingClientRect().left);
    const labels = [...el.querySelectorAll('.recharts-yAxis-tick-labels text')].map((t) => t.getBoundingClientRect());
    return { left: box.left, right: box.right, barsLeft: Math.min(...bars), labels: labels.map((l) => ({ left: l.left, right: l.right })) };
  });
  expect(chart.labels).toHaveLength(17);
  expect(chart.barsLeft - chart.left).toBeLessThan(20);
  for (const label of chart.labels) {
    expect(label.left).toBeGreaterThanOrEqual(chart.left);
    expect(label.right).toBeLessThanOrEqual(chart.right);
  }
}
const REGULATOR_PAGES: Check[] = [
  { path: '/', name: 'home', ready: '[data-kpi="projects"]', tables: 'none' },
  { path: '/dashboard', name: 'dashboard', ready: '[data-chart="by-field"] .recharts-bar-rectangle', tables: 'overflow', more: expectLabelsAboveBars },
  { path: '/projects', name: 'projects', ready: 'tr[data-project]', tables: 'overflow' },
  { path: '/projects/BJFT-05', name: 'project-BJFT-05', ready: '[data-indicator-history] svg.recharts-surface', tables: 'overflow' },
  { path: '/audit', name: 'audit', ready: 'tr[data-audit-action]', tables: 'overflow' },
  { path: '/returns', name: 'returns', ready: 'tr[data-project]', tables: 'overflow' },
  { path: '/returns/templates', name: 'return-templates', ready: '[data-template]', tables: 'none' },
];

async function checkPage(page: Page, check: Check) {
  await page.goto(check.path);
  await drawCharts(page);
  await page.locator(check.ready).first().waitFor();
  // The table views too: opened, their tables are laid out, checked and photographed.
  await openTableViews(page);
  await expectNoSidewaysScroll(page);
  if (check.tables !== 'none') await expectTablesScrollInTheirCards(page, { someOverflow: check.tables === 'overflow' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectTapTargets(page);
  await expectNoSeriousAxeViolations(page);
  await check.more?.(page);
  await screenshot(page, check.name);
}

test.describe('as a regulator', () => {
  test.beforeAll(async ({ browser, baseURL }) => {
    // The audit log needs an entry to show: a comment, written on the phone like any other.
    const context = await browser.newContext({ baseURL, viewport: PHONE });
    const page = await context.newPage();
    await signInAs(page.request, 'REGULATOR');
    await page.goto('/projects/BJFT-07');
    const form = page.getByTestId('comment-form');
    await form.locator('textarea[name="body"]').fill('请补充上线以来的核查量与平均响应时间，并说明数据共享范围。');
    await form.getByRole('button', { name: '发表意见' }).click();
    await expect(page.getByTestId('comments')).toContainText('平均响应时间');
    await context.close();
  });

  for (const check of REGULATOR_PAGES) {
    test(`${check.path} fits a 390 px screen`, async ({ page }) => {
      await checkPage(page, check);
    });
  }
});

test.describe('as a leader', () => {
  test.use({ role: 'LEADER' });

  test('/leadership fits a 390 px screen', async ({ page }) => {
    await checkPage(page, { path: '/leadership', name: 'leadership', ready: '[data-chart="cumulative"] svg.recharts-surface', tables: 'overflow' });
  });
});

test.describe('the header menu', () => {
  test('opens and closes by button, Escape and a click outside, and its links lead where they say', async ({ page }) => {
    await page.goto('/dashboard');
    const button = page.getByRole('button', { name: '菜单' });
    const nav = page.getByRole('navigation', { name: '金融科技应用试点' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
    await expect(panel).toBeHidden();
    await expect(nav.getByRole('link', { name: '试点项目' })).toBeHidden();

    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(panel).toBeVisible();
    // The regulator's sections, as the permission map gives them, and the account controls.
    await expect(nav.getByRole('link')).toHaveText([
      '总览',
      '监管看板',
      '试点项目',
      '参与机构',
      '成果数据',
      '领导摘要',
      '定期报送',
      '风险防控',
      '量化考核',
      '阶段审批',
      '操作记录',
    ]);
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await expect(page.getByTestId('language-switch')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'menu-open', { fullPage: false });

    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();
    await expect(button).toBeFocused();

    // By keyboard: Enter opens, Tab walks into the menu, Escape closes and hands focus back.
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(panel.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(button).toBeFocused();

    await button.click();
    await page.getByRole('heading', { level: 1 }).click();
    await expect(panel).toBeHidden();

    await button.click();
    await nav.getByRole('link', { name: '试点项目' }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole('heading', { level: 1, name: '试点项目' })).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(panel).toBeHidden();

    await button.click();
    await nav.getByRole('link', { name: '操作记录' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(panel).toBeHidden();
  });

  test.describe('of an outside reviewer', () => {
    test.use({ role: 'reviewer@pilot.example' });

    test('offers only what it can open: its assessments and its account', async ({ page }) => {
      await page.goto('/assessments');
      await page.getByRole('button', { name: '菜单' }).click();
      const nav = page.getByRole('navigation', { name: '金融科技应用试点' });
      await expect(nav.getByRole('link')).toHaveText(['量化考核']);
      await expect(page.getByTestId('signed-in-as')).toHaveAttribute('data-role', 'REVIEWER');
      await page.getByTestId('signed-in-as').getByRole('link').click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });

  test('signing out and switching the language work from the menu', async ({ page }) => {
    const menu = page.getByTestId('menu-button');
    const openMenu = async () => {
      await expect(menu).toBeVisible();
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
    };
    await page.goto('/projects');
    await openMenu();
    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    await expect(menu).toHaveText('Menu');
    await openMenu();
    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('heading', { level: 1, name: '试点项目' })).toBeVisible();
    await openMenu();
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/signin/);
  });

  test('without JavaScript the links are simply shown', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false });
    await signInAs(context.request, 'REGULATOR');
    const page = await context.newPage();
    await page.goto('/projects');
    await expect(page.getByRole('button', { name: '菜单' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: '金融科技应用试点' }).getByRole('link', { name: '成果数据' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await context.close();
  });

  test.describe('on a wide screen', () => {
    test.use({ viewport: { width: 1280, height: 800 } });

    test('the links sit in the header and there is no menu button', async ({ page }) => {
      await page.goto('/dashboard');
      await expect(page.getByRole('button', { name: '菜单' })).toBeHidden();
      const link = page.getByRole('navigation', { name: '金融科技应用试点' }).getByRole('link', { name: '成果数据' });
      await expect(link).toBeVisible();
      // One line per link: no label breaks into a stack of characters.
      const box = (await link.boundingBox())!;
      expect(box.height).toBeLessThan(30);
      await link.click();
      await expect(page).toHaveURL(/\/metrics$/);
    });
  });
});
