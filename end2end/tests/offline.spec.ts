// The promise to grid members: a visit saved with no network survives reloads and closed tabs,
// and reaches the township exactly once when the network returns.
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, LoginPage, MEMBER, RecordsPage, VisitForm, serviceWorkerReady, showGridVisits, syncedOnce, unsyncedBadge } from './pages';

test('a visit recorded offline survives reloads and closed tabs, then syncs once', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  await expect(page.getByRole('heading', { name: `您好，${MEMBER.name}` })).toBeVisible();
  // The duty list arrives with the first sync; from then on the phone keeps it.
  await expect(page.getByRole('heading', { name: /本季度待办/ })).toBeVisible();

  await context.setOffline(true);
  const form = new VisitForm(page);
  await form.open();
  const findings = `离线走访 ${Date.now()}`;
  const enterprise = await form.fill(findings, '统计法治宣传');
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');
  await expect(page.getByText('离线', { exact: true })).toBeVisible();

  // Reload with no network: the shell comes from the service worker, the record from IndexedDB.
  const records = new RecordsPage(page);
  await records.open();
  await expect(records.record(findings)).toContainText('待同步');
  await page.reload();
  await expect(records.record(findings)).toContainText('待同步');
  await expect(records.record(findings)).toContainText(enterprise);

  // Close the tab and open the app again, still offline.
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto('/records');
  await expect(new RecordsPage(reopened).record(findings)).toContainText('待同步');
  // When it last reached the server is kept on the phone too.
  await expect(reopened.getByText(/^上次同步 \d\d-\d\d \d\d:\d\d$/)).toBeVisible();

  // Logging out now would strand the record: refused, with the reason.
  await reopened.goto('/');
  await reopened.getByRole('button', { name: '退出登录' }).click();
  await expect(reopened.getByText('还有 1 条记录未同步')).toBeVisible();

  // 本季度待办 is kept on the phone: offline, the enterprise just visited is off the list.
  await expect(reopened.getByRole('heading', { name: /本季度待办/ })).toBeVisible();
  await expect(reopened.locator('.duty-list li').first()).toBeVisible();
  await expect(reopened.locator('.duty-list li', { hasText: enterprise })).toHaveCount(0);

  // The network returns: the record is sent and marked synced.
  await context.setOffline(false);
  await expect(unsyncedBadge(reopened)).toHaveText('全部已同步', { timeout: 30_000 });
  await reopened.goto('/records');
  await expect(new RecordsPage(reopened).record(findings)).toContainText('已同步');

  // Exactly once on the server.
  const pulled = await (await reopened.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.visits.filter((v: { findings: string }) => v.findings === findings)).toHaveLength(1);

  // The township leader sees it.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await new LoginPage(leader).loginAs(DONGHU_LEADER);
  await leader.goto('/township');
  await showGridVisits(leader, '东湖工业一网格');
  await expect(leader.getByRole('listitem').filter({ hasText: findings })).toContainText(enterprise);
  await leaderContext.close();
});

// Online too, a page of the app opens from the phone with no trip to the server: on a weak link
// it starts at once, and it always matches the bundles the worker keeps beside it.
test('online, the app opens from the phone, not the server, and works as ever', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  const answers: (string | undefined)[] = [];
  for (let i = 0; i < 2; i++) {
    const answer = await page.goto('/visits/new');
    expect(answer?.fromServiceWorker(), 'answered by the service worker').toBe(true);
    answers.push(answer?.headers()['x-request-id']);
  }
  // Twice the answer the worker kept when it was installed, not a new one from the server.
  expect(answers[0]).toBeTruthy();
  expect(answers[1]).toBe(answers[0]);

  const form = new VisitForm(page);
  const findings = `缓存页面上的走访 ${Date.now()}`;
  await form.fill(findings);
  await form.save();
  await expect(page.getByText(/^已保存/)).toBeVisible();
  const records = new RecordsPage(page);
  await records.open();
  await expect(records.record(findings)).toContainText('已同步', { timeout: 30_000 });
  const pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.visits.filter((v: { findings: string }) => v.findings === findings)).toHaveLength(1);
});

// The sync engine is a split of the field bundle: the capture screen comes up without it, the
// first sync fetches it, and with no network the service worker has it.
test('the sync engine is fetched by the first sync, and offline from the service worker', async ({ page, context }) => {
  const fetched: { fromWorker: boolean }[] = [];
  page.on('response', (response) => {
    if (/\/pkg\/statgrid\.split\/split_run_sync_.*\.wasm$/.test(response.url())) {
      fetched.push({ fromWorker: response.fromServiceWorker() });
    }
  });
  const login = new LoginPage(page);
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
  expect(fetched, 'nothing to sync before login').toHaveLength(0);

  await login.loginAs(MEMBER);
  await syncedOnce(page);
  expect(fetched.length, 'the first sync fetched it').toBeGreaterThan(0);
  await serviceWorkerReady(page);

  // Offline: the page is rebuilt from the worker's cache. A save starts no sync while the phone
  // has no network; a tap on 立即同步 does, and its run finds the engine in the worker's cache.
  await context.setOffline(true);
  fetched.length = 0;
  await page.reload();
  const form = new VisitForm(page);
  await form.open();
  const findings = `分包同步 ${Date.now()}`;
  await form.fill(findings);
  await form.save();
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect.poll(() => fetched.length).toBeGreaterThan(0);
  expect(fetched.every((f) => f.fromWorker), 'served by the service worker').toBe(true);
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');
  // The network is back: the phone sends the visit by itself.
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
});

// The home page, the report form and the lines of 我的记录 are splits too: when their code
// cannot be fetched, the page says so and the records wait on the phone; once it can, they show.
// (No service worker here: it would serve the splits from its cache, out of the test's reach.)
test('parts whose code cannot be fetched are explained, and the records stay', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  await new LoginPage(page).loginAs(MEMBER);
  const form = new VisitForm(page);
  await form.open();
  const findings = `分包列表 ${Date.now()}`;
  await form.fill(findings);
  await form.save();
  const parts = /\/pkg\/statgrid\.split\/split_(home_of|record_line)_.*\.wasm$/;
  await page.route(parts, (route) => route.abort('internetdisconnected'));
  const unavailable = page.getByText('这部分暂时无法显示：请联网后再打开本页。记录仍保存在手机上。');
  await page.goto('/');
  await expect(unavailable).toBeVisible();
  await expect(page.getByRole('heading', { name: `您好，${MEMBER.name}` })).toHaveCount(0);
  const records = new RecordsPage(page);
  await records.open();
  await expect(unavailable.first()).toBeVisible();
  // The rest of the app still runs: a failed fetch is no panic.
  await expect(unsyncedBadge(page)).toHaveText(/条待同步|全部已同步/);

  await page.unroute(parts);
  await page.reload();
  await expect(records.record(findings)).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `您好，${MEMBER.name}` })).toBeVisible();
  await context.close();
});
