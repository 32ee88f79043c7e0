// A 统计之家 activity recorded with no network: kept through a reload, edited offline, and
// stored once on the server, as its latest version, when the network returns.
import { test, expect } from '@playwright/test';
import { LoginPage, MEMBER, RecordsPage, serviceWorkerReady, unsyncedBadge } from './pages';

const GRID = '东湖工业一网格';

type Pulled = { activities: { draft: { summary: string; participants: number[] }; version: number }[] };

test('an activity recorded and edited offline syncs once, as its latest version', async ({ page, context }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  // The first sync brings the grid's members for the participant picker, and the quarter's
  // activity duty: none held yet.
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
  const duty = page.locator('.duty-list.activities li', { hasText: GRID });
  await expect(duty).toBeVisible();
  await expect(duty).not.toContainText('按时完成');

  await context.setOffline(true);
  await page.getByRole('link', { name: '网格活动' }).click();
  await expect(page.getByRole('heading', { name: '记录网格活动' })).toBeVisible();
  // Nothing chosen: every problem is named at once and nothing is saved.
  await page.getByRole('group', { name: '参加人员' }).getByRole('checkbox', { name: /李娜/ }).uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请选择活动类型')).toBeVisible();
  await expect(page.getByText('请选择参加活动的网格成员')).toBeVisible();
  await expect(page.getByText('请填写活动内容')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');

  await page.getByLabel('活动类型').selectOption({ label: '统计知识学习' });
  await page.getByRole('group', { name: '参加人员' }).getByRole('checkbox', { name: /李娜/ }).check();
  await page.getByRole('group', { name: '参加人员' }).getByRole('checkbox', { name: /王建华/ }).check();
  const summary = `学习新版统计法 ${Date.now()}`;
  await page.getByLabel('活动内容').fill(summary);
  await page.getByLabel(/活动经费/).fill('八十');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('活动经费应为金额')).toBeVisible();
  await page.getByLabel(/活动经费/).fill('86.5');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');
  // Judged on the phone, offline: the grid's activity for the quarter is done.
  await page.getByRole('link', { name: '统计网格' }).click();
  await expect(duty).toContainText('按时完成');

  // Reloaded with no network: the record is still on the phone.
  const records = new RecordsPage(page);
  await records.open();
  await page.reload();
  const item = records.record(summary);
  await expect(item).toContainText('待同步');
  await expect(item).toContainText('统计知识学习');
  await expect(item).toContainText('李娜、王建华');
  await expect(item).toContainText('经费 86.5 元');

  // Corrected before it was ever sent: still one record, one pending.
  await item.getByRole('link', { name: '修改活动' }).click();
  await expect(page.getByRole('heading', { name: '修改网格活动' })).toBeVisible();
  const edited = `${summary}，交流月报填报经验`;
  await page.getByLabel('活动内容').fill(edited);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await expect(records.record(edited)).toContainText('待同步');
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(records.record(edited)).toContainText('已同步');

  // Exactly once on the server, as the edited version, with both participants.
  const pulled: Pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  const mine = pulled.activities.filter((a) => a.draft.summary.startsWith(summary));
  expect(mine).toHaveLength(1);
  expect(mine[0].draft.summary).toBe(edited);
  expect(mine[0].version).toBe(2);
  expect(mine[0].draft.participants).toHaveLength(2);
});

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

test('the activity form warns, offline too, before the grid goes over its funds', async ({ page, context }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
  // What the server says is left of the grid's 500 yuan a member this year.
  const balances: { grid_id: number; balance_fen: number }[] = await (await page.request.get('/api/v1/funds/mine')).json();
  expect(balances).toHaveLength(1);
  const left = balances[0].balance_fen;
  expect(left).toBeGreaterThan(10_000);

  await page.getByRole('link', { name: '网格活动' }).click();
  await expect(page.getByRole('heading', { name: '记录网格活动' })).toBeVisible();
  const warning = page.getByRole('alert').filter({ hasText: '网格活动经费将超支' });
  const spend = page.getByLabel(/活动经费/);
  // 100 yuan more than is left: warned, with the amount over.
  await spend.fill(String(left / 100 + 100));
  await expect(warning).toContainText('超支 100.00 元');
  await spend.fill('10');
  await expect(warning).toHaveCount(0);

  // Offline, an activity of 50 yuan is saved and not yet sent: it counts against what is left.
  await context.setOffline(true);
  await page.getByLabel('活动类型').selectOption({ label: '统计知识学习' });
  await page.getByLabel('活动内容').fill(`经费测算 ${Date.now()}`);
  await spend.fill('50');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  const under = Math.floor(left / 100) - 49;
  await spend.fill(String(under - 50));
  await expect(warning).toHaveCount(0);
  await spend.fill(String(under));
  await expect(warning).toContainText(`超支 ${yuan(under * 100 + 5_000 - left)} 元`);
  await expect(warning).toContainText('仍可保存');

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
});
