/**
 * What the record does not say stays unsaid on every page: 「未公开」 buckets
 * with their counts, inferences labelled, bounded dates shown as bounds, and
 * published figures compared only with views of the whole program.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import * as article from '../fixtures/beijing-article';
import { openTable } from './support/charts';
import { expect, test } from './support/fixtures';

test.describe('as an institution', () => {
  test.use({ role: 'INSTITUTION' });

  test('its home page shows its own projects and never sets them against the published totals', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-kpi="projects"]')).toHaveAttribute('data-value', '2');
    await expect(page.locator('[data-mismatch], [data-matches="false"], [data-matches="true"]')).toHaveCount(0);
    await expect(page.getByText('已筛选：公开数字针对整个试点')).toBeVisible();
  });
});

test('the 「未公开」 direction opens as a view of its own, with the placeholders and nothing else', async ({ page }) => {
  await page.goto('/dashboard');
  await openTable(page, 'by-direction');
  const href = await page.locator('[data-table="by-direction"] tbody tr').last().locator('a').getAttribute('href');
  expect(href).toBe('/projects?direction=UNDISCLOSED');
  await page.goto(href!);
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-value', String(article.UNDISCLOSED_PROJECTS));
  await page.goto('/directions/UNDISCLOSED');
  await expect(page.locator('[data-kpi="projects"]')).toHaveAttribute('data-value', String(article.UNDISCLOSED_PROJECTS));
  await expect(page.locator('[data-kpi="direction-undisclosed"]')).toHaveAttribute('data-value', String(article.UNDISCLOSED_PROJECTS));
});

test('the institutions list collapses the unnamed institutions into one counted line', async ({ page }) => {
  await page.goto('/institutions');
  await expect(page.locator('tr[data-institution]').filter({ hasText: '未公开参与机构 ' })).toHaveCount(0);
  await expect(page.locator('tr[data-institution="undisclosed"]')).toHaveAttribute('data-value', '69');
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-value', String(article.PUBLISHED.institutions));
});

test.describe('the leadership summary of a quarter', () => {
  test.use({ role: 'LEADER' });

  test('is as of the quarter’s end, keeps qualifiers, collapses placeholders and prints on A4 without clipping', async ({ page }) => {
    await page.goto('/leadership?period=2020-Q2');
    // No headline cards of today beside the period, no verdict against the published figures.
    await expect(page.locator('[data-matches]')).toHaveCount(0);
    await expect(page.getByTestId('published-line')).toContainText('2020-06-12');
    // The article's figures are dated 2020-06-12, within the quarter; 约/超过 survive into the totals.
    const growth = page.getByTestId('indicator-growth');
    await expect(growth.locator('[data-indicator="MERCHANTS"]')).toContainText('约1,325家');
    await expect(growth.locator('[data-indicator="TERMINALS"]')).toContainText('超过2,000台');
    // The directions: disclosed projects only, the rest counted beside the table.
    await expect(page.getByTestId('direction-undisclosed')).toHaveAttribute('data-value', String(article.UNDISCLOSED_PROJECTS));
    const disclosed = await page
      .locator('[data-testid="direction-comparison"] tr[data-direction]')
      .evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.getAttribute('data-value')), 0));
    expect(disclosed).toBe(article.NAMED_PROJECTS.length);
    // The trend ends with the quarter.
    await page.locator('[data-card="cumulative"] summary').click();
    await expect(page.locator('[data-table="cumulative"] tbody tr').last()).toContainText('2020-06');
    // Stage changes of placeholders are one counted line, never rows.
    await expect(page.getByTestId('stage-changes').locator('tr').filter({ hasText: '未公开试点项目' })).toHaveCount(0);

    // On A4 portrait (210 mm at 96 dpi, less the page margins) nothing sticks out to the right.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 });
    // Charts follow the new width when their resize observers fire, which a busy machine may delay.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((el) => el.outerHTML.slice(0, 80)),
        ),
      )
      .toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.normalize('NFKC').replace(/\s+/g, '');
    // The right-most card of the first row is on the page in full.
    expect(flat).toContain('期末应用推广期项目'.normalize('NFKC'));
    expect(flat).not.toContain('未公开试点项目');
  });
});
