import type { Page } from '@playwright/test';

/**
 * Charts are drawn when scrolled near and the table view of a chart is built
 * when opened, so a test brings them about as a reader does.
 */

/** Scrolls to one chart (by its data-chart name), or to every chart on the page in turn, so each is drawn. */
export async function drawCharts(page: Page, name?: string) {
  const charts = page.locator(name ? `[data-chart="${name}"]` : '[data-chart]');
  for (const chart of await charts.all()) await chart.scrollIntoViewIfNeeded();
}

/** Opens the table view of one card (by its data-card id). */
export async function openTable(page: Page, card: string) {
  await page.locator(`[data-card="${card}"] details > summary`).first().click();
  await page.locator(`[data-card="${card}"] details table`).first().waitFor();
}

/** Opens every table view under `scope` and waits until each card's table is built. */
export async function openTableViews(page: Page, scope = 'main') {
  for (const details of await page.locator(`${scope} details`).all()) await details.evaluate((d) => d.setAttribute('open', ''));
  await page.waitForFunction((s) => [...document.querySelectorAll(`${s} [data-card] details`)].every((d) => d.querySelector('table')), scope);
}
