// 统计人员名册 (001 §三(四)3): a township's leader keeps its statistics staff in the township view,
// is told what is wrong before anything is lost, and sees how many of the 5 the document asks
// for are still missing.
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, LoginPage } from './pages';

test('a township keeps its statistics staff and sees how many the document still asks for', async ({ page }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await page.goto('/township');
  const roster = page.locator('section.roster');
  await expect(roster.getByRole('heading', { name: '统计人员名册' })).toBeVisible();
  await expect(roster.getByRole('status')).toContainText('东湖镇 统计人员 0 名 · 少于文件规定的 5 名');
  const add = roster.getByRole('button', { name: '添加人员' });
  await expect(add).toBeEnabled();

  await roster.getByLabel('职务').fill('统计站站长');
  await add.click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写姓名' })).toBeVisible();
  await expect(roster.getByLabel('职务')).toHaveValue('统计站站长');
  await roster.getByLabel('姓名').fill('刘芳');
  await roster.getByLabel('配备方式').selectOption({ label: '派驻' });
  await add.click();
  await expect(roster.getByRole('status')).toContainText('统计人员 1 名');
  await expect(roster.getByRole('status')).toContainText('尚缺 4 名');
  const row = roster.getByRole('row').filter({ hasText: '刘芳' });
  await expect(row).toContainText('统计站站长');
  await expect(row).toContainText('派驻');

  await page.reload();
  await expect(row).toContainText('派驻');
  await row.getByRole('button', { name: '移出' }).click();
  await expect(roster.getByRole('status')).toContainText('统计人员 0 名');
  await expect(roster.getByRole('row').filter({ hasText: '刘芳' })).toHaveCount(0);
});
