// 年度考核 (001 §三(四)5): the city bureau sets the scheme, the township scores its member and
// submits, the bureau confirms; the member is told on the home page and reads the stars on the
// phone with no network.
import { test, expect, Page } from '@playwright/test';
import { CITY_ADMIN, DONGHU_LEADER, LoginPage, MEMBER, serviceWorkerReady, syncedOnce } from './pages';

async function openDonghu(page: Page) {
  await page.goto('/township/assessment');
  await page.getByRole('link', { name: '东湖镇' }).click();
  await expect(page.getByRole('heading', { name: /东湖镇 \d{4}年度考核/ })).toBeVisible();
}

test('a member scored by the township and confirmed by the city reads the stars offline', async ({ browser }) => {
  // The bureau puts every point in the township's hands (a local setting).
  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await new LoginPage(bureau).loginAs(CITY_ADMIN);
  await bureau.goto('/township/assessment');
  const form = bureau.locator('form').filter({ hasText: '考核方案' });
  const save = form.getByRole('button', { name: '保存考核方案' });
  await expect(save).toBeEnabled();
  const points = form.locator('tbody tr');
  for (let row = 0; row < (await points.count()); row++) {
    await points.nth(row).locator('input').first().fill('0');
    await points.nth(row).locator('input').first().press('Tab');
  }
  // Refused in words while the points do not add up.
  await save.click();
  await expect(form.getByRole('alert')).toContainText('合计应为 100 分，现为 20 分');
  await form.getByLabel('评定分分值').fill('100');
  await form.getByLabel('评定分分值').press('Tab');
  await save.click();
  await expect(form.getByText('考核方案已保存。')).toBeVisible();

  // The township scores 李娜 and submits.
  const townshipContext = await browser.newContext();
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await openDonghu(township);
  const lina = township.locator('.sheets li').filter({ hasText: '李娜' });
  await lina.getByRole('button', { name: '评分' }).click();
  await lina.getByLabel(/评定分/).fill('101');
  await lina.getByRole('button', { name: '保存评分' }).click();
  await expect(township.getByRole('alert').filter({ hasText: '评定分最多 100 分' })).toBeVisible();
  await expect(lina.getByLabel(/评定分/)).toHaveValue('101');
  await lina.getByLabel(/评定分/).fill('82');
  await lina.getByLabel('评语').fill('按时参加培训');
  await lina.getByRole('button', { name: '保存评分' }).click();
  await expect(lina).toContainText('总分 82 · 合格 · ★ 1000 元');
  await township.getByRole('button', { name: '上报市统计局' }).click();
  await expect(township.getByRole('status').filter({ hasText: '已上报，待市统计局确认' })).toBeVisible();
  await expect(lina.getByRole('button', { name: '评分' })).toHaveCount(0);

  // The bureau confirms.
  await openDonghu(bureau);
  await bureau.getByRole('button', { name: '确认考核结果' }).click();
  await expect(bureau.getByRole('status').filter({ hasText: '市统计局已确认' })).toBeVisible();

  // The award list to print, from the city's list.
  await bureau.goto('/township/assessment');
  await bureau.getByRole('link', { name: '获奖名单（打印）' }).click();
  await expect(bureau.getByRole('heading', { name: /\d{4}年度统计网格考核获奖名单/ })).toBeVisible();
  const awarded = bureau.locator('table.awards tr').filter({ hasText: '李娜' });
  await expect(awarded).toContainText('★（1星级）');
  await expect(awarded).toContainText('1000');
  await expect(bureau.getByRole('button', { name: '打印' })).toBeVisible();

  // The township opens a grid's fund statement from its funds ledger.
  await township.goto('/township');
  await township.locator('section.funds').getByRole('link', { name: '东湖工业一网格' }).click();
  await expect(township.getByRole('heading', { name: /东湖工业一网格 \d{4}年网格活动经费使用情况/ })).toBeVisible();
  await expect(township.getByText('应拨经费（元）')).toBeVisible();
  await expect(township.getByRole('button', { name: '打印' })).toBeVisible();

  // 李娜 is told at her next sync, and reads it on the phone, online once, then offline.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await new LoginPage(phone).loginAs(MEMBER);
  await serviceWorkerReady(phone);
  await syncedOnce(phone);
  await expect(phone.locator('.reminders')).toContainText(/\d{4}年度考核结果：总分 82 · 合格 · ★ 1000 元/);
  await phone.getByRole('link', { name: '年度考核', exact: true }).click();
  await expect(phone.getByRole('heading', { name: '我的年度考核' })).toBeVisible();
  await expect(phone.getByText('总分 82 · 合格 · ★ 1000 元')).toBeVisible();
  await expect(phone.getByText('按时参加培训')).toBeVisible();

  await phoneContext.setOffline(true);
  await phone.reload();
  await expect(phone.getByText('未连接服务器，显示的是手机上保存的上次结果。')).toBeVisible();
  await expect(phone.getByText('总分 82 · 合格 · ★ 1000 元')).toBeVisible();
  await phoneContext.close();
  await townshipContext.close();
  await bureauContext.close();
});
