// A training recorded offline for a grid member and their leader: the hours count at once on
// the member's phone, survive a reload and sync once; the leader, whom the rule does not bind,
// follows the member's hours, and their monthly report quotes the training.
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, GRID_LEADER, LoginPage, MEMBER, RecordsPage, TOWNSHIP_STAFF, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

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

// The township's 经发办 holds a 联审辅导 for the statisticians of its grids (001 §三(三)3) with no
// network; the township's training plan (001 §四(二)1), drawn up by its leader, counts it apart
// from the lessons the plan asks for.
test('the township records a 联审辅导 offline and its training plan shows it', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(TOWNSHIP_STAFF);
  await syncedOnce(page);
  await serviceWorkerReady(page);

  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await new LoginPage(leader).loginAs(DONGHU_LEADER);
  await leader.goto('/township');
  const plan = leader.locator('section.training-plan');
  await expect(plan.getByRole('heading', { name: /年培训计划/ })).toBeVisible();
  await expect(plan).toContainText('本年度尚未制定培训计划。');
  // The policy asks for the plan by the end of April (001 §四(二)): not met until it is saved.
  const duty = plan.locator('.plan-duty');
  await expect(duty).toContainText(/报送节奏要求 \d{4}-04-30 前制定/);
  await expect(duty.locator('.status')).toHaveText(/未到期|待完成|逾期未完成/);
  const save = plan.getByRole('button', { name: '保存培训计划' });
  await expect(save).toBeEnabled();
  await plan.getByRole('spinbutton', { name: '统计实务' }).fill('30');
  await save.click();
  await expect(leader.getByRole('alert').filter({ hasText: '统计实务：计划次数不能超过24次' })).toBeVisible();
  await expect(plan.getByRole('spinbutton', { name: '统计实务' })).toHaveValue('30');
  await plan.getByRole('spinbutton', { name: '统计实务' }).fill('2');
  await plan.locator('input[name="note_practice"]').fill('3月、9月');
  await save.click();
  await expect(plan.getByRole('status')).toHaveText('已保存');
  await expect(duty).toContainText(/\d{4}-\d{2}-\d{2} 制定/);
  await expect(duty.locator('.status')).toHaveText(/按时完成|逾期完成/);
  const practice = plan.getByRole('row').filter({ hasText: '统计实务' });
  await expect(practice).toContainText('0 尚差 2 次');
  await expect(plan).toContainText(/计划 2 次，已举办 \d+ 次，尚差 2 次/);

  await context.setOffline(true);
  await page.getByRole('link', { name: '培训记录' }).click();
  await expect(page.getByRole('heading', { name: '记录培训' })).toBeVisible();
  await page.getByLabel('培训形式').selectOption({ label: '联审辅导' });
  const title = `季度报表联审 ${Date.now()}`;
  await page.getByLabel('培训名称').fill(title);
  await page.getByLabel('举办单位').fill('东湖镇经发办');
  await page.getByLabel('培训内容').selectOption({ label: '统计实务' });
  await page.getByLabel(/学时/).fill('2');
  // The members of the grids below the township are offered under it.
  await page.getByRole('group', { name: '参训人员' }).getByRole('checkbox', { name: /李娜/ }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  const records = new RecordsPage(page);
  await records.open();
  await page.reload();
  await expect(records.record(title)).toContainText(`联审辅导 · ${title}`);
  await expect(records.record(title)).toContainText('待同步');

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await leader.reload();
  await expect(plan).toContainText('联审辅导 1 次');
  // A 联审辅导 is not one of the plan's lessons: the subject is still two short.
  await expect(practice).toContainText('0 尚差 2 次');
  await leaderContext.close();
});
