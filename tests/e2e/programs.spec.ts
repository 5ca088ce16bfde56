import { EXIT_DATE, NAMED, TOTAL_BY_2020_12_25 } from '@/tests/fixtures/beijing-sandbox';
import { expect, test } from './support/fixtures';

const SANDBOX = 'BJ-FINTECH-SANDBOX';
const EXITED = NAMED.filter((a) => a.exited).length;

test.describe('a regulator of every program', () => {
  test('sees both programs side by side on the home page and switches to the sandbox', async ({ page }) => {
    await page.goto('/');
    const overview = page.getByTestId('programs-overview');
    const sandbox = overview.locator(`tr[data-program="${SANDBOX}"]`);
    await expect(sandbox.locator('[data-program-kpi="projects"]')).toHaveAttribute('data-value', String(TOTAL_BY_2020_12_25));
    await expect(sandbox.locator('[data-program-kpi="completed"]')).toHaveAttribute('data-value', String(EXITED));
    await expect(overview.locator('tr[data-program="BJ-FINTECH-PILOT"]')).toHaveAttribute('aria-current', 'true');

    await page.getByRole('combobox', { name: '切换试点计划' }).selectOption(SANDBOX);
    await expect(page).toHaveURL(new RegExp(`program=${SANDBOX}`));
    await expect(page.locator('[data-kpi="projects"]')).toHaveAttribute('data-value', String(TOTAL_BY_2020_12_25));
    await expect(page.locator('[data-kpi="completed"]')).toHaveAttribute('data-value', String(EXITED));
    // The sandbox's grouping is its 类别, not the pilot's 方向.
    await expect(page.locator('[data-kpi="directions"]')).toContainText('类别');
    await expect(page.locator('[data-kpi="online"]')).toHaveCount(0);
    // The navigation keeps the program: the dashboard opens on the sandbox too.
    await page.getByRole('navigation').getByRole('link', { name: '监管看板' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?program=${SANDBOX}`));
    await expect(page.locator('[data-kpi="completed"]')).toContainText(String(EXITED));
  });

  test('the sandbox dashboard says what its record leaves open, in its own words', async ({ page }) => {
    await page.goto(`/dashboard?program=${SANDBOX}`);
    await expect(page.getByRole('heading', { name: '各类别项目数（按阶段）' })).toBeVisible();
    // No application is classed in the record: all of them are in the 「未公开」 bucket, counted.
    const undisclosed = page.locator('[data-kpi="direction-undisclosed"]');
    await expect(undisclosed).toHaveAttribute('data-value', String(TOTAL_BY_2020_12_25));
    await expect(undisclosed).toContainText('未公开类别');
    // Those not known to have exited are in their last known stage, which is an inference.
    await expect(undisclosed).toContainText(`其中 ${TOTAL_BY_2020_12_25 - EXITED} 个项目的阶段为推断`);
    // The exit date is the published figure's date.
    await expect(page.locator('[data-kpi="completed"]')).toContainText(EXIT_DATE);
    // The stage filter offers the sandbox's stages only.
    const stages = page.locator('select[data-filter="stage"] option');
    await expect(stages).toContainText(['全部', '申报', '公示', '登记（测试运行）']);
    await expect(page.locator('select[data-filter="stage"] option[value="PROMOTION"]')).toHaveCount(0);
  });
});

test.describe('a regulator of the sandbox only', () => {
  test.use({ role: 'sandbox-regulator@pilot.example' });

  test('lands on the sandbox and finds nothing of the pilot', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('北京市金融科技创新监管试点');
    await expect(page.getByTestId('programs-overview')).toHaveCount(0);
    await expect(page.locator('[data-kpi="projects"]')).toHaveAttribute('data-value', String(TOTAL_BY_2020_12_25));

    for (const url of ['/dashboard?program=BJ-FINTECH-PILOT', '/projects/BJFT-01', '/leadership?program=BJ-FINTECH-PILOT']) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.locator('main')).not.toContainText(/BJFT-|应用推广期/);
    }
  });
});
