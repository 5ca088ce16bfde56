import pg from 'pg';
import { expect, signInAs, test } from './support/fixtures';

const query = async (sql: string, params: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
};

const NEW_SUMMARY = '历史测试：改写后的项目简介';
const EVIDENCE = '历史测试：推广材料';
const REASON = '历史测试：缺少推广范围的证明材料';
/** Beijing's calendar day now, as the audit page must print it. */
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test.describe('a change and a refusal, as people read them', () => {
  test.use({ role: 'INSTITUTION' });

  // The e2e database is shared by every spec: put back what these tests change.
  let saved: { summary: string };
  test.beforeAll(async () => {
    [saved] = await query(`SELECT summary FROM "Project" WHERE code = 'BJFT-06'`);
  });
  test.afterAll(async () => {
    await query(`UPDATE "Project" SET summary = $1 WHERE code = 'BJFT-06'`, [saved.summary]);
    await query(`DELETE FROM "StageProposal" WHERE "evidenceNote" = $1`, [EVIDENCE]);
  });

  test('the audit page says "简介: old → new" without ids, and the project page shows why a proposal was refused', async ({ page, browser, baseURL }) => {
    await page.goto('/projects/BJFT-06');
    const details = page.getByTestId('details-form');
    await details.locator('textarea[name="summary"]').fill(NEW_SUMMARY);
    await details.getByRole('button', { name: '保存简介与应用场景' }).click();
    await expect(page.getByTestId('details-form-result')).toHaveText('已保存。');

    const proposal = page.getByTestId('proposal-form');
    await proposal.locator('select[name="toStage"]').selectOption('PROMOTION');
    await proposal.locator('input[name="effectiveDate"]').fill('2021-05-01');
    await proposal.locator('textarea[name="evidenceNote"]').fill(EVIDENCE);
    await proposal.getByRole('button', { name: '提交阶段变更申请' }).click();
    await expect(page.getByTestId('pending-proposal')).toContainText('上线运行 → 应用推广期');

    const regulator = await (await browser.newContext({ baseURL })).newPage();
    await signInAs(regulator.request, 'REGULATOR');
    await regulator.goto('/proposals');
    const reject = regulator.locator('[data-proposal="BJFT-06"]').getByTestId(/^decide-reject-/);
    await reject.locator('input[name="note"]').fill(REASON);
    await reject.getByRole('button', { name: '驳回申请' }).click();
    await expect(regulator.locator('[data-proposal="BJFT-06"]')).toHaveCount(0);

    // The institution learns why on the project page, not only in the log.
    await page.goto('/projects/BJFT-06');
    const refused = page.getByTestId('rejected-proposal');
    await expect(refused).toContainText('上线运行 → 应用推广期');
    await expect(refused.getByTestId('rejection-reason')).toHaveText(`驳回理由：${REASON}`);
    await expect(refused).toContainText('监管演示账号');
    await expect(page.getByTestId('pending-proposal')).toHaveCount(0);

    await regulator.goto('/audit?project=BJFT-06');
    const edit = regulator.locator('tr[data-audit-action="PROJECT_EDIT"]').first();
    await expect(edit.locator('[data-field="summary"]')).toHaveText(`简介: ${saved.summary} → ${NEW_SUMMARY}`);
    const rejection = regulator.locator('tr[data-audit-action="STAGE_REJECT"]').first();
    await expect(rejection.locator('[data-field="status"]')).toHaveText('状态: 待审批 → 已驳回');
    await expect(rejection.locator('[data-field="note"]')).toHaveText(`审批意见: ${REASON}`);
    await expect(rejection).toContainText('阶段变更申请');
    // Times in Beijing time, said once on the page; no ids, versions or codes.
    await expect(edit.locator('td').first()).toHaveText(new RegExp(`^${beijingToday()} \\d{2}:\\d{2}$`));
    await expect(regulator.getByTestId('time-zone-note')).toContainText('北京时间');
    const table = (await regulator.locator('table').innerText()).toString();
    expect(table).not.toMatch(/#\d|version|PROMOTION|PENDING|REJECTED|StageProposal|Project\b/);

    // The project's own history reads the same way.
    await expect(page.getByTestId('project-history').locator('[data-field="summary"]').first()).toHaveText(`简介: ${saved.summary} → ${NEW_SUMMARY}`);
    await regulator.context().close();
  });
});
