import pg from 'pg';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

// An administrator imports a project with a mistake, corrects it through the
// edit form, and retires and restores it: every page counts it, or not, at once.

const CODE = 'BJFT-47';
const WRONG = '便民缴费应用（名称录入有误）';
const RIGHT = '便民缴费应用';

const query = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

const projectsCard = (page: Page) => page.locator('[data-kpi="projects"]');

test.describe('an administrator’s corrections', () => {
  test.use({ role: 'ADMIN' });

  // The e2e database is shared by every spec: the imported project goes again, with everything it owns.
  test.afterAll(async () => {
    await query(`DELETE FROM "Project" WHERE code = $1`, [CODE]);
  });

  test('a mistaken import is corrected on the project page, the old name stays in its history, and retiring it takes it out of the counts', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/import');
    await page.getByLabel('导入内容').selectOption('projects');
    const header = '项目编号,项目名称,试点计划编号,领域编号,领域为推断,阶段,阶段历史,牵头机构,参与机构,支撑技术,应用场景,项目简介,占位记录,数据来源';
    const row = `${CODE},${WRONG},BJ-FINTECH-PILOT,D2-4,否,APPROVED,APPROVED=2020-03-01,中国银联,,,生活缴费,,否,端到端导入`;
    await page.getByLabel(/^文件/).setInputFiles({ name: 'project.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n`) });
    await page.getByRole('button', { name: '检查文件' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'READY');
    await page.getByRole('button', { name: '确认导入 1 行' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveAttribute('data-outcome', 'WRITTEN');

    // The mistake shows everywhere: 47 projects against the published 46.
    await page.goto('/dashboard');
    await expect(projectsCard(page)).toHaveAttribute('data-value', '47');
    await expect(projectsCard(page).locator('[data-matches]')).toHaveText('与公开数字不一致（差 +1）');

    // Corrected through the edit form.
    await page.goto(`/projects/${CODE}`);
    await expect(page.locator('h1')).toContainText(WRONG);
    const form = page.getByTestId('project-edit-form');
    await form.locator('input[name="name"]').fill(RIGHT);
    await form.getByRole('button', { name: '保存更正' }).click();
    await expect(page.getByTestId('project-edit-form-result')).toHaveText('已保存。');
    await page.reload();
    await expect(page.locator('h1')).toHaveText(new RegExp(`^${RIGHT}`));
    await expect(page.locator('h1 [data-edited="name"]')).toHaveText('由平台用户修改');
    const history = page.getByTestId('project-history').locator('[data-action="PROJECT_EDIT"]');
    await expect(history.locator('[data-field="name"]')).toHaveText(`名称: ${WRONG} → ${RIGHT}`);

    // Retired: out of the dashboard, the home page and the list; the published comparison matches again.
    await page.getByTestId('project-retire').getByRole('button', { name: '停用' }).click();
    await expect(page.getByTestId('project-retire-result')).toHaveText('已保存。');
    await page.reload();
    await expect(page.getByTestId('retired-notice')).toContainText('不计入统计');
    await page.goto('/dashboard');
    await expect(projectsCard(page)).toHaveAttribute('data-value', '46');
    await expect(projectsCard(page).locator('[data-matches]')).toHaveAttribute('data-matches', 'true');
    await page.goto('/');
    await expect(projectsCard(page)).toHaveAttribute('data-value', '46');
    await page.goto('/projects');
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-value', '46');
    await expect(page.locator(`tr[data-project="${CODE}"]`)).toHaveCount(0);
    // Asked for, it is there, marked.
    await page.goto('/projects?retired=only');
    await expect(page.locator('tr[data-project]')).toHaveCount(1);
    await expect(page.locator(`tr[data-project="${CODE}"] [data-retired]`)).toHaveText('已停用');

    // Restored: counted again.
    await page.goto(`/projects/${CODE}`);
    await page.getByTestId('project-retire').getByRole('button', { name: '恢复' }).click();
    await expect(page.getByTestId('project-retire-result')).toHaveText('已保存。');
    await page.goto('/dashboard');
    await expect(projectsCard(page)).toHaveAttribute('data-value', '47');
    await page.goto(`/projects/${CODE}`);
    await expect(page.getByTestId('retired-notice')).toHaveCount(0);
    await expect(page.getByTestId('project-history').locator('[data-action="RECORD_RETIRE"]')).toHaveCount(1);
    await expect(page.getByTestId('project-history').locator('[data-action="RECORD_RESTORE"]')).toHaveCount(1);
  });
});
