import AxeBuilder from '@axe-core/playwright';
import { expect, signInAs, test } from './support/fixtures';

// Notices in the browser: a regulator's comment reaches the lead institution's
// inbox, the header counts it, the inbox marks it read; the email settings on
// the account page, and the note that email is off (the test server has no SMTP_URL).

test.describe('the inbox', () => {
  test.use({ role: 'INSTITUTION' });

  test('a regulator’s comment appears in the institution’s inbox, counted in the header until read', async ({ page, browser, baseURL }) => {
    const body = `请补充第三季度投诉处理情况（${Date.now()}）`;
    const regulator = await (await browser.newContext({ baseURL })).newPage();
    await signInAs(regulator.request, 'REGULATOR');
    await regulator.goto('/projects/BJFT-02');
    await regulator.getByTestId('comment-form').locator('textarea[name="body"]').fill(body);
    await regulator.getByRole('button', { name: '发表意见' }).click();
    await expect(regulator.getByTestId('comments')).toContainText(body);
    await regulator.context().close();

    await page.goto('/');
    const link = page.getByTestId('notifications-link');
    const unread = Number(await link.getAttribute('data-unread'));
    expect(unread).toBeGreaterThan(0);
    await expect(link).toContainText(String(Math.min(unread, 99)));
    // Its name says what the number is and starts with what is shown (axe: label-content-name-mismatch).
    await expect(link).toHaveAccessibleName(new RegExp(`^消息\\s*${Math.min(unread, 99)}\\+?\\s*条未读$`));
    const axe = await new AxeBuilder({ page }).include('[data-testid="notifications-link"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await link.click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByTestId('email-status')).toHaveAttribute('data-email', 'off');
    await expect(page.getByTestId('email-status')).toContainText('邮件提醒已关闭');
    const notice = page.getByTestId('notice').filter({ hasText: body });
    await expect(notice).toHaveAttribute('data-read', 'false');
    await expect(notice).toContainText('监管部门对');
    await expect(notice).toContainText('（BJFT-02）提出意见');
    await notice.getByRole('button', { name: '标为已读' }).click();
    await expect(notice).toHaveAttribute('data-read', 'true');
    await expect(page.getByTestId('notifications-link')).toHaveAttribute('data-unread', String(unread - 1));

    // The notice's link leads to the project's comments.
    await notice.getByRole('link', { name: '查看' }).click();
    await expect(page).toHaveURL(/\/projects\/BJFT-02#comments$/);
    await expect(page.getByTestId('comments')).toContainText(body);

    await page.goto('/notifications');
    if (unread > 1) {
      await page.getByTestId('mark-all-read').getByRole('button', { name: '全部标为已读' }).click();
      await expect(page.getByTestId('notifications-link')).toHaveAttribute('data-unread', '0');
    }
    await expect(page.getByTestId('notice').and(page.locator('[data-read="false"]'))).toHaveCount(0);
  });

  test('the email settings keep what was ticked, and say that email is off', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByTestId('email-status')).toHaveAttribute('data-email', 'off');
    const form = page.getByTestId('email-preferences-form');
    const comments = form.getByLabel('项目收到监管意见');
    await expect(comments).toBeChecked();
    await comments.uncheck();
    await form.getByRole('button', { name: '保存邮件提醒设置' }).click();
    await expect(page.getByTestId('email-preferences-form-result')).toHaveAttribute('role', 'status');
    await page.reload();
    await expect(page.getByTestId('email-preferences-form').getByLabel('项目收到监管意见')).not.toBeChecked();
    await expect(page.getByTestId('email-preferences-form').getByLabel('报送已逾期')).toBeChecked();
    // Back as it was, for the other specs that share the database.
    await page.getByTestId('email-preferences-form').getByLabel('项目收到监管意见').check();
    await page.getByTestId('email-preferences-form').getByRole('button', { name: '保存邮件提醒设置' }).click();
    await expect(page.getByTestId('email-preferences-form-result')).toHaveAttribute('role', 'status');
  });
});
