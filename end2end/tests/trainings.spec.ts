// A training recorded offline for a grid member and their leader: the hours count at once on
// the member's phone, survive a reload and sync once; the leader, whom the rule does not bind,
// follows the member's hours, and their monthly report quotes the training.
import { test, expect } from '@playwright/test';
import { GRID_LEADER, LoginPage, MEMBER, RecordsPage, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

function hours(page: import('@playwright/test').Page) {
  return page.locator('.duty-list.education li');
}

/** A member's line on their leader's card of the members' hours. */
function memberHours(page: import('@playwright/test').Page, name: string) {
  return page.locator('.duty-list.members-education li').filter({ hasText: name });
}

async function hoursSoFar(page: import('@playwright/test').Page): Promise<number> {
  const text = (await hours(page).textContent()) ?? '';
  return Number(/已累计 (\d+) 学时/.exec(text)?.[1] ?? NaN);
}

test('a training recorded offline counts once for every attendee', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  await serviceWorkerReady(page);
  await expect(hours(page)).toContainText('全年需 24 学时（本地设置）');
  const before = await hoursSoFar(page);
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await new LoginPage(leader).loginAs(GRID_LEADER);
  await expect(memberHours(leader, MEMBER.name)).toContainText(`已累计 ${before} / 24 学时`);
  await expect(hours(leader)).toHaveCount(0); // the rule binds members, not their leader

  await context.setOffline(true);
  await page.getByRole('link', { name: '培训记录' }).click();
  await expect(page.getByRole('heading', { name: '记录培训' })).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写培训名称')).toBeVisible();
  await expect(page.getByText('学时应为 1 到 40 之间的整数')).toBeVisible();
  const title = `统计法律知识培训 ${Date.now()}`;
  await page.getByLabel('培训名称').fill(title);
  await page.getByLabel('举办单位').fill('市统计局');
  await page.getByLabel('培训内容').selectOption({ label: '统计法律知识' });
  await page.getByLabel(/学时/).fill('4');
  await page.getByRole('group', { name: '参训人员' }).getByRole('checkbox', { name: /王建华/ }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');

  // Offline, the phone already counts the hours; a reload keeps the record.
  await page.getByRole('link', { name: '统计网格' }).click();
  await expect(hours(page)).toContainText(`已累计 ${before + 4} 学时`);
  const records = new RecordsPage(page);
  await records.open();
  await page.reload();
  await expect(records.record(title)).toContainText('待同步');
  await expect(records.record(title)).toContainText('4 学时');
  await expect(records.record(title)).toContainText('李娜、王建华');

  // Online: synced once, and still counted once now that the server knows it too.
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(records.record(title)).toContainText('已同步');
  await page.goto('/');
  await expect(hours(page)).toContainText(`已累计 ${before + 4} 学时`);
  const pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.trainings.filter((t: { draft: { title: string } }) => t.draft.title === title)).toHaveLength(1);

  // The leader's phone follows the member's hours at the next sync.
  await leader.getByRole('button', { name: '立即同步' }).click();
  await expect(memberHours(leader, MEMBER.name)).toContainText(`已累计 ${before + 4} / 24 学时`);
  // The leader's 情况汇报 quotes the grid's trainings of the month, recorded on another phone.
  await leader.getByRole('link', { name: '情况汇报' }).click();
  await expect(leader.getByRole('status').filter({ hasText: '本网格' })).toContainText(/培训 [1-9]\d* 次/);
  await leader.getByRole('button', { name: '填入本月数据' }).click();
  await expect(leader.getByLabel('本月工作情况')).toHaveValue(/组织培训 [1-9]\d* 次。$/);
  await leaderContext.close();
});
