// Two phones edit the same monthly report: the leader's, offline, and the deputy's, online. The
// leader's phone then shows both versions; the leader keeps theirs and it wins on the server,
// and the deputy's phone gets it at its next sync. Nothing is overwritten without a choice.
import { test, expect, type Page } from '@playwright/test';
import { GRID_DEPUTY, GRID_LEADER, LoginPage, RecordsPage, serviceWorkerReady, unsyncedBadge } from './pages';

/** Two months back, `YYYY-MM` in Beijing: a month no other test reports on. */
function twoMonthsBack(): string {
  const [year, month] = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);
  const index = year * 12 + (month - 1) - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function editReport(page: Page, records: RecordsPage, current: string, next: string) {
  await records.record(current).getByRole('link', { name: '修改汇报' }).click();
  await expect(page.getByLabel('本月工作情况')).toHaveValue(current);
  await page.getByLabel('本月工作情况').fill(next);
  await page.getByRole('button', { name: '保存并提交' }).click();
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
}

test('an edit made meanwhile on another phone is shown beside mine, and the one I keep wins', async ({ page, context, browser }) => {
  // The leader reports on a month, online.
  await new LoginPage(page).loginAs(GRID_LEADER);
  await serviceWorkerReady(page);
  await page.getByRole('link', { name: '情况汇报' }).click();
  await page.getByLabel('汇报月份').fill(twoMonthsBack());
  const first = `补报两个月前的工作 ${Date.now()}`;
  await page.getByLabel('本月工作情况').fill(first);
  await page.getByLabel('下月工作打算').fill('做好年报布置');
  await page.getByRole('button', { name: '保存并提交' }).click();
  const records = new RecordsPage(page);
  await expect(records.record(first)).toContainText('已提交，待审核');

  // The deputy's phone pulls it.
  const deputyContext = await browser.newContext();
  const deputy = await deputyContext.newPage();
  await new LoginPage(deputy).loginAs(GRID_DEPUTY);
  const deputyRecords = new RecordsPage(deputy);
  await deputyRecords.open();
  await expect(deputyRecords.record(first)).toBeVisible();

  // The leader edits it with no network; meanwhile the deputy edits it online.
  await context.setOffline(true);
  const mine = `${first}；网格长补充：两家企业台账不全`;
  await editReport(page, records, first, mine);
  await expect(records.record(mine)).toContainText('待同步');
  const theirs = `${first}；副网格长补充：已督促整改`;
  await editReport(deputy, deputyRecords, first, theirs);
  await expect(deputyRecords.record(theirs)).toContainText('已提交，待审核');

  // Back online, the leader's phone shows both versions, the differing text marked.
  await context.setOffline(false);
  const conflict = page.locator('li.record.conflict');
  await expect(conflict).toContainText('有冲突', { timeout: 30_000 });
  const myVersion = conflict.getByRole('region', { name: /我的版本/ });
  const serverVersion = conflict.getByRole('region', { name: /服务器上的版本/ });
  await expect(myVersion.locator('dd.differs')).toHaveText(mine);
  await expect(serverVersion.locator('dd.differs')).toHaveText(theirs);
  // Still unsynced: the count says so, and logging out would be refused.
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');

  // The leader keeps theirs: it is sent as the version after the deputy's and wins.
  await conflict.getByRole('button', { name: '保留我的版本' }).click();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(records.record(mine)).toContainText('已提交，待审核');
  await expect(records.record(mine)).toContainText('第3版');

  // The deputy's phone gets the kept version at its next sync.
  await deputy.getByRole('button', { name: '立即同步' }).click();
  await expect(deputyRecords.record(mine)).toContainText('第3版');
  await expect(deputyRecords.record(theirs)).toHaveCount(0);
  await deputyContext.close();
});
