// The filing forms (a bundle of their own, precached): a major event recorded with no network
// is kept through a reload, sent before the records saved earlier once the network returns,
// stored once, and flagged at once for the township and the city bureau, each until it has read
// it (their marks are their own); an annual plan written
// offline syncs once and shows on the township overview. The township's 经发办 staff name any
// enterprise of the township in an event.
import { test, expect } from '@playwright/test';
import {
  CITY_ADMIN,
  DONGHU_LEADER,
  GRID_LEADER,
  LoginPage,
  MEMBER,
  RecordsPage,
  TOWNSHIP_STAFF,
  VisitForm,
  serviceWorkerReady,
  syncedOnce,
  unsyncedBadge,
} from './pages';

type Pushed = { records: { kind: string }[] };
type Pulled = {
  major_events: { draft: { title: string }; version: number }[];
  plans: { draft: { goals: string; year: number }; version: number }[];
};

test('a major event recorded offline goes first and is flagged for the township until read', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  await syncedOnce(page);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');

  await context.setOffline(true);
  // A visit saved first, so the event is the newer record.
  const visit = new VisitForm(page);
  await visit.open();
  await visit.fill(`重大事项前的走访 ${Date.now()}`);
  await visit.save();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.goto('/');
  await page.getByRole('link', { name: '上报重大事项' }).click();
  await expect(page.getByRole('heading', { name: '上报重大事项' })).toBeVisible();
  const save = page.getByRole('button', { name: '保存并上报' });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByText('请填写事项标题')).toBeVisible();
  await expect(page.getByText('请填写事项经过')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');

  const title = `某企业全面停产 ${Date.now()}`;
  const enterprise = page.getByLabel('涉及企业（可不选）');
  await expect(enterprise.locator('option')).not.toHaveCount(1);
  await enterprise.selectOption({ index: 1 });
  await page.getByLabel('事项标题').fill(title);
  await page.getByLabel('事项经过').fill('因订单不足，自今日起全面停产。');
  await page.getByLabel('对统计数据的影响').fill('预计本月产值减少约3000万元');
  await save.click();
  await expect(page.getByText('已保存（待同步，联网后优先上报）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('2 条待同步');

  // Reloaded with no network, then 我的记录 (the field app again): still there, pending.
  await page.reload();
  await expect(page.getByRole('heading', { name: '上报重大事项' })).toBeVisible();
  await page.getByRole('link', { name: '查看我的记录' }).click();
  const records = new RecordsPage(page);
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await expect(records.record(title)).toContainText('待同步');

  // Back online: the event is the first record of the first push.
  const pushed: Pushed[] = [];
  await page.route('**/api/v1/sync/push', async (route) => {
    pushed.push(route.request().postDataJSON());
    await route.continue();
  });
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(records.record(title)).toContainText('已同步');
  expect(pushed.length).toBeGreaterThan(0);
  expect(pushed[0].records[0].kind).toBe('major_event');
  await page.unroute('**/api/v1/sync/push');

  const pulled: Pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.major_events.filter((e) => e.draft.title === title)).toHaveLength(1);

  // The township leader sees it flagged on the township view and marks it read.
  const townshipContext = await browser.newContext();
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await expect(township.getByText(`重大事项待阅：${title}`)).toBeVisible({ timeout: 30_000 });
  await township.getByRole('link', { name: '乡镇走访情况' }).click();
  const board = township.locator('.major-events');
  await expect(board.getByRole('heading', { name: /重大事项（\d+ 条待阅）/ })).toBeVisible();
  const item = board.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('预计本月产值减少约3000万元');
  await expect(item).toContainText('李娜');
  const read = item.getByRole('button', { name: '标记已阅' });
  await expect(read).toBeEnabled(); // hydrated
  await read.click();
  await expect(board.getByRole('listitem').filter({ hasText: title })).toContainText('陈晓岚 于');
  await expect(board.getByRole('listitem').filter({ hasText: title })).toContainText('市统计局待阅');
  await townshipContext.close();

  // The township's mark is not the city's: the bureau still has it waiting and acknowledges.
  const cityContext = await browser.newContext();
  const city = await cityContext.newPage();
  await new LoginPage(city).loginAs(CITY_ADMIN);
  await expect(city.getByText(`重大事项待阅：${title}`)).toBeVisible({ timeout: 30_000 });
  await city.goto('/township');
  const cityItem = city.locator('.major-events').getByRole('listitem').filter({ hasText: title });
  await expect(cityItem).toContainText('乡镇（部门）：陈晓岚 于');
  const acknowledge = cityItem.getByRole('button', { name: '市统计局确认已阅' });
  await expect(acknowledge).toBeEnabled(); // hydrated
  await acknowledge.click();
  await expect(
    city.locator('.major-events').getByRole('listitem').filter({ hasText: title }),
  ).toContainText('市统计局：周明远 于');
  await cityContext.close();
});

test('an annual plan written offline syncs once and shows on the township overview', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(GRID_LEADER);
  await serviceWorkerReady(page);
  await syncedOnce(page);

  await context.setOffline(true);
  await page.getByRole('link', { name: '年度工作计划' }).click();
  await expect(page.getByRole('heading', { name: '年度工作计划' })).toBeVisible();
  const save = page.getByRole('button', { name: '保存计划' });
  await expect(save).toBeEnabled();
  const year = Number(await page.getByLabel('年度').inputValue());
  const goals = `全年走访每家企业不少于四次 ${Date.now()}`;
  await page.getByLabel('工作目标').fill(goals);
  await save.click();
  await expect(page.getByText('请填写主要措施')).toBeVisible();
  await page.getByLabel('主要措施').fill('每月例会，每季度一次统计之家活动');
  await page.getByLabel('走访、活动与培训安排').fill('一季度统计法培训；二季度业务交流');
  await save.click();

  // Saved, then 我的记录 (a full load, offline): pending, and kept through a reload.
  const records = new RecordsPage(page);
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await page.reload();
  const item = records.record(goals);
  await expect(item).toContainText('待同步');
  await expect(item).toContainText(`${year}年工作计划`);

  // Opening the form again for the same grid and year edits the plan held on the phone.
  await page.goto('/plans/new');
  await expect(page.getByText('手机上已有该网格这一年的计划，保存即修改它。')).toBeVisible();
  await expect(page.getByLabel('工作目标')).toHaveValue(goals);
  const edited = `${goals}，培训两次`;
  await page.getByLabel('工作目标').fill(edited);
  await page.getByRole('button', { name: '保存计划' }).click();
  await expect(records.record(edited)).toContainText('待同步');
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  const pulled: Pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  const mine = pulled.plans.filter((p) => p.draft.year === year);
  expect(mine).toHaveLength(1);
  expect(mine[0].draft.goals).toBe(edited);

  // The township sees the plan of that year on its overview.
  const townshipContext = await browser.newContext();
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await township.goto(`/township?month=${year}-01`);
  const row = township.getByRole('table', { name: /走访明细/ }).getByRole('row').filter({ hasText: '东湖工业一网格' });
  await expect(row).toContainText('提交');
  await row.getByText(/提交（第\d+版）/).click();
  await expect(row).toContainText(edited);
  await townshipContext.close();
});

test('the township statistician reports a major event on an enterprise of a grid below', async ({ page }) => {
  await new LoginPage(page).loginAs(TOWNSHIP_STAFF);
  await syncedOnce(page);
  await page.getByRole('link', { name: '上报重大事项' }).click();
  await expect(page.getByRole('heading', { name: '上报重大事项' })).toBeVisible();
  await page.getByLabel('所在网格').selectOption({ label: '东湖镇' });
  const enterprise = page.getByLabel('涉及企业（可不选）');
  const below = enterprise.locator('option', { hasText: '（东湖工业一网格）' }).first();
  await enterprise.selectOption((await below.getAttribute('value'))!);
  const title = `园区企业停产检修 ${Date.now()}`;
  await page.getByLabel('事项标题').fill(title);
  await page.getByLabel('事项经过').fill('企业停产检修十天。');
  await page.getByLabel('对统计数据的影响').fill('本月产值预计减少');
  await page.getByRole('button', { name: '保存并上报' }).click();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  const records = new RecordsPage(page);
  await records.open();
  await expect(records.record(title)).toContainText('已同步');
});
