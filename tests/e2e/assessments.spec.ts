import { drawCharts } from './support/charts';
import { expect, test } from './support/fixtures';

test.describe('as a regulator', () => {
  test('the sandbox ranking lists the demo assessment, marked as demo, and exports it', async ({ page }) => {
    await page.goto('/assessments?program=BJ-FINTECH-SANDBOX');
    const row = page.getByTestId('assessment-ranking').locator('[data-project="BJSB-02"]');
    await expect(row).toContainText('微捷贷产品');
    await expect(row.locator('[data-sample]')).toHaveText('示例');
    const total = Number(await row.getAttribute('data-total'));
    expect(total).toBeGreaterThan(70);
    expect(total).toBeLessThan(90);

    const csv = await page.request.get('/api/assessments/ranking?program=BJ-FINTECH-SANDBOX&format=csv');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain('BJSB-02');
    expect(text).toContain(String(total));

    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/assessments\/BJSB-02$/);
    await expect(page.getByTestId('assessment-status')).toHaveAttribute('data-status', 'CONFIRMED');
    await expect(page.getByTestId('assessment-status')).toContainText('示例数据');
    await expect(page.getByTestId('assessment-total')).toHaveAttribute('data-value', String(total));
    await expect(page.getByTestId('assessment-evidence')).toContainText('【示例】');
    await drawCharts(page, 'assessment-radar');
    await expect(page.locator('[data-chart="assessment-radar"] svg').first()).toBeVisible();
    // The only confirmed assessment of the sandbox: no median beside it, and a note says why.
    await expect(page.getByTestId('median-hidden')).toContainText('仅有 0 个项目');
    await expect(page.locator('[data-chart="assessment-radar"] .recharts-legend-item')).toHaveCount(1);
  });

  test('weights that do not add up to 1 are refused with a message, and the form keeps what was typed', async ({ page }) => {
    await page.goto('/assessments?program=BJ-FINTECH-PILOT');
    const form = page.getByTestId('rubric-form');
    const first = form.locator('input[name="weight"]').first();
    await first.fill('0.9');
    await form.getByRole('button').click();
    await expect(form).toHaveAttribute('data-result', 'INVALID_INPUT');
    await expect(form).toContainText('各维度权重之和须为 1');
    await expect(form.locator('input[name="weight"]').first()).toHaveValue('0.9');
  });
});

test.describe('as an expert reviewer', () => {
  test.use({ role: 'reviewer@pilot.example' });

  test('lands on the assessments assigned to it, sees no project page, and scores an assigned one', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/assessments$/);
    const codes = await page
      .getByTestId('assessment-ranking')
      .locator('[data-project]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')));
    expect(codes.sort()).toEqual(['BJSB-02', 'BJSB-05']);
    expect((await page.goto('/projects/BJSB-02'))?.status()).toBe(404);
    expect((await page.goto('/assessments/BJSB-03'))?.status()).toBe(404);

    await page.goto('/assessments/BJSB-05');
    const form = page.getByTestId('score-form');
    const scores = form.locator('input[name="score"]');
    const evidence = form.locator('textarea[name="evidence"]');
    const n = await scores.count();
    expect(n).toBe(8);
    for (let i = 0; i < n; i++) {
      await scores.nth(i).fill(String(3 + (i % 3)));
      await evidence.nth(i).fill(`评审依据 ${i + 1}`);
    }
    await form.getByRole('button').click();
    await expect(form).toHaveAttribute('data-result', 'SAVED');
    await expect(page.getByTestId('assessment-evidence')).toContainText('评审依据 8');
    await expect(page.locator('[data-round="EXPERT"]')).not.toHaveAttribute('data-value', '');
  });
});

test.describe('as a leader', () => {
  test.use({ role: 'LEADER' });

  test('the leadership page carries the assessment ranking', async ({ page }) => {
    await page.goto('/leadership?program=BJ-FINTECH-SANDBOX');
    const summary = page.getByTestId('leadership-assessments');
    // The confirmed demo assessment ranks first; the open one (BJSB-05, no scores yet) is listed unranked.
    await expect(summary).toHaveAttribute('data-count', '2');
    const rows = summary.locator('[data-project]');
    await expect(rows.first()).toHaveAttribute('data-project', 'BJSB-02');
    await expect(rows.first()).not.toHaveAttribute('data-total', '');
  });
});
