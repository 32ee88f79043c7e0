// The township's monthly analysis meeting (001 §三(三)3): its leader writes the minutes on the
// phone with no network; they are kept through a reload, sync once the network returns, and the
// township view shows the month's meeting duty met, with the minutes and who recorded them.
import { test, expect } from '@playwright/test';
import {
  DONGHU_LEADER,
  LoginPage,
  RecordsPage,
  serviceWorkerReady,
  syncedOnce,
  unsyncedBadge,
} from './pages';

test('a township records its analysis meeting offline and the month shows 按时完成', async ({ page, context }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await serviceWorkerReady(page);
  await syncedOnce(page);

  await context.setOffline(true);
  await page.getByRole('link', { name: '月度分析例会' }).click();
  await expect(page.getByRole('heading', { name: '月度分析例会' })).toBeVisible();
  const save = page.getByRole('button', { name: '保存纪要' });
  await expect(save).toBeEnabled();
  await expect(page.getByLabel('乡镇（街道）')).toContainText('东湖镇');
  const economy = `规上工业产值同比增长6.2% ${Date.now()}`;
  await page.getByLabel('经济运行分析').fill(economy);
  await save.click();
  await expect(page.getByText('请填写参会人员')).toBeVisible();
  await page.getByLabel('参会人员').fill('镇长、分管副镇长、经发办');
  await page.getByLabel('发现的问题').fill('两家企业订单下滑');
  await page.getByLabel('下一步措施').fill('月底前走访两家企业');
  await save.click();

  // 我的记录 (a full load, offline): pending, and kept through a reload.
  const records = new RecordsPage(page);
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await page.reload();
  const item = records.record(economy);
  await expect(item).toContainText('待同步');
  await expect(item).toContainText('月度分析例会 · 东湖镇');

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });

  // The township view: this month's meeting is held, on time, with its minutes.
  await page.goto('/township');
  const month = page.locator('.meetings');
  await expect(month.getByRole('heading')).toContainText('月度分析例会 · 东湖镇');
  await expect(month.getByRole('heading')).toContainText('按时完成');
  const minutes = month.getByRole('listitem').filter({ hasText: economy });
  await expect(minutes).toContainText('记录人：陈晓岚');
  await expect(minutes).toContainText('下一步措施：月底前走访两家企业');
});
