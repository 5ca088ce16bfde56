import pg from 'pg';
import type { Page } from '@playwright/test';
import { schedulePeriods } from '@/lib/rules/returns';
import { todayInBeijing } from '@/lib/rules/time';
import { expect, signInAs, test } from './support/fixtures';

const SECTIONS = [
  { id: 'progress', kind: 'TEXT', label: '本期运行情况', labelEn: 'Operations this period', required: true, maxLength: 2000 },
  { id: 'scenarios', kind: 'INDICATOR', indicatorCode: 'SCENARIOS', required: true },
  { id: 'risk', kind: 'RISK_CHECK', label: '本期是否发生风险事件', labelEn: 'Any risk event this period' },
  { id: 'complaints', kind: 'COMPLAINTS', label: '投诉情况', labelEn: 'Complaints' },
];

const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

// A quarterly return of the pilot from a year back, over projects online or in promotion;
// the quarter filed is the last one that has ended.
const startsOn = new Date(Date.UTC(todayInBeijing().getUTCFullYear() - 1, 0, 1));
const period = schedulePeriods({ frequency: 'QUARTERLY', dueDays: 15, startsOn, endsOn: null }, todayInBeijing()).at(-1)!.key;
let scheduleId = 0;

const scenarios = async (page: Page) => {
  await page.goto('/dashboard');
  return Number(await page.locator('[data-indicator="SCENARIOS"]').first().getAttribute('data-value'));
};

test.describe('the supervision cycle of one return', () => {
  test.use({ role: 'INSTITUTION' });

  test.beforeAll(async () => {
    const [template] = await sql<{ id: number }>(
      `INSERT INTO "ReturnTemplate" ("programId", code, name, "nameEn")
       SELECT id, 'E2E-QUARTERLY', '季度运行报告（测试）', 'Quarterly report (test)' FROM "Program" WHERE code = 'BJ-FINTECH-PILOT' RETURNING id`,
    );
    await sql(`INSERT INTO "ReturnTemplateVersion" ("templateId", number, sections) VALUES ($1, 1, $2)`, [template.id, JSON.stringify(SECTIONS)]);
    const [schedule] = await sql<{ id: number }>(
      `INSERT INTO "ReturnSchedule" ("templateId", "stageCodes", frequency, "dueDays", "startsOn") VALUES ($1, ARRAY['ONLINE','PROMOTION'], 'QUARTERLY', 15, $2) RETURNING id`,
      [template.id, startsOn],
    );
    scheduleId = schedule.id;
  });

  // The e2e database is shared by every spec: take the template, its returns and the value they produced away again.
  test.afterAll(async () => {
    await sql(`DELETE FROM "MetricValue" WHERE "returnId" IN (SELECT id FROM "Return" WHERE "scheduleId" = $1)`, [scheduleId]);
    await sql(`DELETE FROM "Return" WHERE "scheduleId" = $1`, [scheduleId]);
    await sql(`DELETE FROM "ReturnTemplate" WHERE code = 'E2E-QUARTERLY'`);
  });

  test('institution files, regulator sends back, institution resubmits, regulator accepts, the value reaches the dashboard', async ({
    page,
    browser,
    baseURL,
  }) => {
    // Two people, two rounds of review and the dashboard: more steps than the default 30 s allows on a loaded machine.
    test.setTimeout(120_000);
    const regulator = await (await browser.newContext({ baseURL })).newPage();
    await signInAs(regulator.request, 'REGULATOR');
    const before = await scenarios(regulator);
    const [{ value: latest }] = await sql<{ value: string }>(
      `SELECT m.value FROM "MetricValue" m JOIN "Indicator" i ON i.id = m."indicatorId" JOIN "Project" p ON p.id = m."projectId"
        WHERE i.code = 'SCENARIOS' AND p.code = 'BJFT-06' ORDER BY m."asOf" DESC LIMIT 1`,
    );

    // The project page lists the quarter as due; the lead institution opens the form and types: the draft is saved as it goes.
    await page.goto('/projects/BJFT-06');
    const row = page.locator(`[data-testid="project-returns"] tr[data-period="${period}"][data-schedule="${scheduleId}"]`);
    await expect(row.locator('[data-return-state]')).toHaveAttribute('data-return-state', /OPEN|MISSING/);
    await row.getByRole('link', { name: '填报' }).click();
    const form = page.getByTestId('return-form');
    await form.getByTestId('answer-progress').fill('本季度运行平稳。');
    await form.getByTestId('answer-scenarios-value').fill('12');
    await expect(page.getByTestId('draft-status')).toHaveAttribute('data-state', 'saved');
    await page.reload();
    await expect(form.getByTestId('answer-progress')).toHaveValue('本季度运行平稳。');
    await expect(form.getByTestId('answer-scenarios-value')).toHaveValue('12');

    // The schema refuses an incomplete return before it leaves the browser: each item says what is missing.
    await form.getByRole('button', { name: '提交报送' }).click();
    await expect(form.locator('[data-field-error="risk"]')).toContainText('必填');
    await expect(form.locator('[data-field-error="complaints"]')).toBeVisible();
    await form.getByTestId('answer-risk-yes').check();
    await form.getByRole('button', { name: '提交报送' }).click();
    await expect(form.locator('[data-field-error="risk"]')).toContainText('选择“是”时请说明情况');
    await form.getByTestId('answer-risk-no').check();
    await form.getByTestId('answer-complaints-received').fill('2');
    await form.getByTestId('answer-complaints-resolved').fill('2');
    await form.getByRole('button', { name: '提交报送' }).click();
    await expect(page.getByTestId('return-submissions').locator('[data-submission="1"]')).toBeVisible();
    await expect(page.getByTestId('return-form')).toHaveCount(0);

    // The regulator sends it back with a comment on one item.
    const reviewUrl = `/projects/BJFT-06/returns/${scheduleId}/${period}/review`;
    await regulator.goto(reviewUrl);
    const review = regulator.getByTestId('review-form');
    await review.getByTestId('decision-RETURN').check();
    await review.getByTestId('comment-progress').fill('请说明新增场景的名称');
    await review.getByRole('button', { name: '提交审核决定' }).click();
    await expect(regulator.locator('[data-submission="1"]')).toHaveAttribute('data-decision', 'RETURN');

    // The institution sees the comment beside the item, revises and resubmits.
    await page.goto(`/projects/BJFT-06/returns/${scheduleId}/${period}`);
    await expect(page.getByTestId('returned-note')).toBeVisible();
    await expect(page.getByTestId('return-form').locator('[data-section="progress"] [data-testid="section-comment"]')).toContainText('请说明新增场景的名称');
    await page.getByTestId('answer-progress').fill('本季度运行平稳，新增缴费、缴税等6个场景。');
    await page.getByRole('button', { name: '提交报送' }).click();
    await expect(page.locator('[data-submission="2"]')).toBeVisible();

    // The regulator reads what changed, and accepts.
    await regulator.goto(reviewUrl);
    const latestSubmission = regulator.locator('[data-submission="2"]');
    await expect(latestSubmission.locator('[data-section="progress"]')).toHaveAttribute('data-changed', 'true');
    await expect(latestSubmission.locator('[data-section="scenarios"]')).toHaveAttribute('data-changed', 'false');
    await expect(latestSubmission.locator('[data-section="progress"] [data-testid="previous-answer"]')).toContainText('本季度运行平稳。');
    await regulator.getByTestId('review-form').getByTestId('decision-ACCEPT').check();
    await regulator.getByTestId('review-form').getByRole('button', { name: '提交审核决定' }).click();
    await expect(regulator.locator('[data-submission="2"]')).toHaveAttribute('data-decision', 'ACCEPT');
    await expect(regulator.getByTestId('review-form')).toHaveCount(0);

    // Accepted: frozen for the institution, and the value is the project's and the dashboard's.
    await page.goto(`/projects/BJFT-06/returns/${scheduleId}/${period}`);
    await expect(page.getByTestId('return-form')).toHaveCount(0);
    await page.goto('/projects/BJFT-06');
    await expect(page.locator(`tr[data-period="${period}"][data-schedule="${scheduleId}"] [data-return-state]`)).toHaveAttribute(
      'data-return-state',
      'ACCEPTED',
    );
    expect(await scenarios(regulator)).toBe(before + 12 - Number(latest));
    await regulator.close();
  });
});
