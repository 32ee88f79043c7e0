// 统计人员名册 (001 §三(四)3): a township's leader keeps its statistics staff in the township view,
// is told what is wrong before anything is lost, and sees how many of the 5 the document asks
// for are still missing.
import { test, expect } from '@playwright/test';
import { CITY_ADMIN, DONGHU_LEADER, LoginPage } from './pages';

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

  // A village surveyor with the year's subsidy is listed apart from the office staff.
  await roster.getByLabel('姓名').fill('王海');
  await roster.getByLabel('职务').fill('东湖村统计调查员');
  await roster.getByLabel('配备方式').selectOption({ label: '村（社区）统计调查员' });
  await roster.getByLabel('年工作补助（元）').fill('1200');
  await add.click();
  await expect(roster).toContainText('村（社区）统计调查员 1 名 · 年工作补助合计 1200.00 元');
  await expect(roster.getByRole('status')).toContainText('统计人员 1 名');

  await page.reload();
  await expect(row).toContainText('派驻');
  await row.getByRole('button', { name: '移出' }).click();
  await expect(roster.getByRole('status')).toContainText('统计人员 0 名');
  await expect(roster.getByRole('row').filter({ hasText: '刘芳' })).toHaveCount(0);
});

// 网格成员核对 (001 §三(一), §三(二)4): in the bare demo city no enterprise gives a member's phone
// for its statistician, so the township is told who does not fit and why.
test('the township view lists the members who are no 四上 or 小升规 enterprise\'s statistician', async ({ page }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await page.goto('/township');
  const check = page.locator('section.membership');
  await expect(check.getByRole('heading', { name: '网格成员核对' })).toBeVisible();
  await expect(check).toContainText('网格成员、副网格长 2 人，0 人符合文件要求');
  const li = check.getByRole('row').filter({ hasText: '李娜' });
  await expect(li).toContainText('东湖工业一网格');
  await expect(li).toContainText('本网格名录中没有企业以其手机号登记统计员');
});

// 004 §四(一): the bureau keeps its own office for township statistics and sees how each unit
// is staffed beside it.
test('the city bureau keeps its office for township statistics and sees every unit\'s staff', async ({ page }) => {
  await new LoginPage(page).loginAs(CITY_ADMIN);
  await page.goto('/township');
  const office = page.locator('section.roster');
  await expect(office.getByRole('heading', { name: '乡镇（街道）统计工作管理办公室' })).toBeVisible();
  const units = office.getByRole('row').filter({ hasText: '东湖镇' });
  await expect(units).toContainText('0 名（尚缺 5 名）');
  const add = office.getByRole('button', { name: '添加人员' });
  await expect(add).toBeEnabled();
  await office.getByLabel('姓名').fill('黄志强');
  await office.getByLabel('职务').fill('派驻东湖镇统计员');
  await office.getByLabel('配备方式').selectOption({ label: '派驻' });
  await add.click();
  await expect(office.getByRole('status')).toContainText('统计人员 1 名');
  await expect(office.getByRole('row').filter({ hasText: '黄志强' })).toContainText('派驻东湖镇统计员');
});
