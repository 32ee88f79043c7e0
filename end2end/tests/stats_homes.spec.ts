// 统计之家 (001 §三(四)5): a township registers the room its grids meet in; a member's phone
// offers it, with no network, as the place of an activity; the township sees the activity held
// there once it syncs.
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, LoginPage, MEMBER, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

test('a township registers its 统计之家 and a member records an activity there offline', async ({ page, browser }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await page.goto('/township');
  const homes = page.locator('section.stats-homes');
  await expect(homes.getByRole('heading', { name: '东湖镇 统计之家' })).toBeVisible();
  await expect(homes).toContainText('本单位尚未登记统计之家');
  await homes.getByText('登记统计之家', { exact: true }).click();
  const save = homes.getByRole('button', { name: '保存' });
  await expect(save).toBeEnabled();

  // Refused in words; what was typed stays.
  await homes.getByLabel('地址').fill('东湖镇人民政府北楼二楼');
  await save.click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写名称' })).toBeVisible();
  await expect(homes.getByLabel('地址')).toHaveValue('东湖镇人民政府北楼二楼');
  await homes.getByLabel('名称').fill('东湖镇统计之家');
  await homes.getByLabel('启用日期').fill('2025-04-18');
  await save.click();
  const row = homes.getByRole('row').filter({ hasText: '东湖镇统计之家' });
  await expect(row).toContainText('东湖镇人民政府北楼二楼');
  await expect(row).toContainText('0 次');

  // The member's phone brings the home with its directory and offers it offline.
  const memberContext = await browser.newContext();
  const phone = await memberContext.newPage();
  await new LoginPage(phone).loginAs(MEMBER);
  await serviceWorkerReady(phone);
  // The directory with the home arrives with the first sync, not before.
  await syncedOnce(phone);
  await expect(unsyncedBadge(phone)).toHaveText('全部已同步');
  await memberContext.setOffline(true);
  await phone.getByRole('link', { name: '网格活动' }).click();
  await expect(phone.getByRole('heading', { name: '记录网格活动' })).toBeVisible();
  const place = phone.getByLabel('地点');
  await expect(place).toHaveValue('东湖镇统计之家');
  await expect(phone.locator('datalist#stats-homes option')).toHaveAttribute('value', '东湖镇统计之家');
  await phone.getByLabel('活动类型').selectOption({ label: '统计法治宣传' });
  await phone.getByLabel('活动内容').fill('在统计之家宣传新修订的统计法');
  await phone.getByRole('button', { name: '保存' }).click();
  await expect(phone.getByText('已保存（待同步）')).toBeVisible();
  await memberContext.setOffline(false);
  await expect(unsyncedBadge(phone)).toHaveText('全部已同步');
  await memberContext.close();

  await page.reload();
  await expect(row).toContainText('1 次');
});
