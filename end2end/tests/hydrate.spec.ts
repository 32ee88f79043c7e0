// Online use in the live (hydrated) app: login, validation, recording and the township view.
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, LoginPage, MEMBER, RecordsPage, VisitForm, showGridVisits, unsyncedBadge } from './pages';

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await new LoginPage(page).login(MEMBER.phone, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('手机号或密码错误');
  await expect(page).toHaveURL(/\/login$/);
});

test('an empty visit form is explained field by field and nothing is saved', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  const form = new VisitForm(page);
  await form.open();
  await form.save();
  await expect(page.getByText('请选择走访的企业')).toBeVisible();
  await expect(page.getByText('请选择走访目的')).toBeVisible();
  await expect(page.getByText('请填写走访情况')).toBeVisible();
  await expect(page.getByText('已保存')).toHaveCount(0);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
});

test('on a 360 px phone the top bar keeps the sync state on one line, offline too', async ({ page, context }) => {
  await page.setViewportSize({ width: 360, height: 720 });
  await new LoginPage(page).loginAs(MEMBER);
  await expect(page.getByText(/^上次同步 /)).toBeVisible({ timeout: 30_000 });
  await context.setOffline(true);
  await expect(page.getByText('离线')).toBeVisible();
  const bar = (await page.locator('header.topbar').boundingBox())!;
  const brand = (await page.getByRole('link', { name: '统计网格' }).boundingBox())!;
  const syncNow = (await page.getByRole('button', { name: '立即同步' }).boundingBox())!;
  // One row: the sync button sits beside the brand, inside the screen, in a bar one row high.
  expect(Math.abs(syncNow.y + syncNow.height / 2 - (brand.y + brand.height / 2))).toBeLessThan(8);
  expect(syncNow.x + syncNow.width).toBeLessThanOrEqual(360);
  expect(bar.height).toBeLessThan(56);
  await context.setOffline(false);
});

test('a visit dated in the future is refused on the phone', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  const form = new VisitForm(page);
  await form.open();
  await form.fill('未来的走访');
  await page.getByLabel('走访日期').fill('2999-01-01');
  await form.save();
  await expect(page.getByText('走访日期不能晚于今天')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
});

test('a visit recorded online is synced and the township leader sees it', async ({ page, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  const form = new VisitForm(page);
  await form.open();
  const findings = `在线走访 ${Date.now()}`;
  const enterprise = await form.fill(findings, '业务指导');
  await page.getByLabel('需要跟进').check();
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
  const records = new RecordsPage(page);
  await records.open();
  await expect(records.record(findings)).toContainText('已同步');
  await expect(records.record(findings)).toContainText(enterprise);

  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await new LoginPage(leader).loginAs(DONGHU_LEADER);
  await leader.getByRole('link', { name: '乡镇走访情况' }).click();
  await showGridVisits(leader, '东湖工业一网格');
  const visit = leader.getByRole('listitem').filter({ hasText: findings });
  await expect(visit).toContainText(enterprise);
  await expect(visit).toContainText('李娜 · 业务指导 · 需要跟进');
  // The quarter's visit cadence counts the visited enterprise as done on time, in words.
  await expect(leader.getByRole('heading', { name: /走访覆盖/ })).toBeVisible();
  const coverage = leader.getByRole('row').filter({ hasText: '东湖工业一网格' }).first();
  await expect(coverage).toContainText('按时完成');
  // The trend chart says its figures in words too.
  await expect(leader.getByRole('img', { name: /近12个月走访次数：.*次/ })).toBeVisible();
  await expect(leader.getByRole('link', { name: '导出 Excel' })).toHaveAttribute('href', /visits\.xlsx\?scope=\d+&month=\d{4}-\d{2}/);
  await leaderContext.close();
});

test('the same sync batch sent twice is stored once', async ({ request, baseURL }) => {
  // As a page of the site would, the push names its origin: the server refuses a change sent
  // with the session cookie from nowhere.
  const headers = { Origin: new URL(baseURL!).origin };
  const login = await request.post('/api/v1/auth/login', { data: { phone: MEMBER.phone, password: 'statgrid2026' } });
  expect(login.ok()).toBeTruthy();
  const pulled = await (await request.get('/api/v1/sync/pull?since=0')).json();
  const enterprise = pulled.directory.enterprises[0].id;
  const id = crypto.randomUUID();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const batch = {
    protocol: 1,
    records: [{
      id, kind: 'visit', version: 1, device_time_ms: Date.now(),
      payload: { enterprise_id: enterprise, visit_date: today, purpose: 'guidance', findings: '重复提交', follow_up: false },
    }],
  };
  const first = await (await request.post('/api/v1/sync/push', { data: batch, headers })).json();
  const second = await (await request.post('/api/v1/sync/push', { data: batch, headers })).json();
  expect(second).toEqual(first);
  const after = await (await request.get('/api/v1/sync/pull?since=0')).json();
  expect(after.visits.filter((v: { id: string }) => v.id === id)).toHaveLength(1);
});

test('a visit the server refuses stays on the phone with the reason, and can be corrected', async ({ page }) => {
  // The phone's clock runs two days ahead, so its "today" is in the server's future.
  await page.clock.setSystemTime(new Date(Date.now() + 2 * 86_400_000));
  await new LoginPage(page).loginAs(MEMBER);
  const form = new VisitForm(page);
  await form.open();
  const findings = `时钟错误的走访 ${Date.now()}`;
  await form.fill(findings);
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();

  const records = new RecordsPage(page);
  await records.open();
  const refused = records.record(findings);
  await expect(refused).toContainText('被拒绝');
  await expect(refused).toContainText('走访日期不能晚于今天');
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');

  await refused.getByRole('link', { name: '修改后重新提交' }).click();
  await expect(page.getByRole('heading', { name: '修改走访记录' })).toBeVisible();
  await expect(page.getByLabel('走访情况')).toHaveValue(findings);
  const serverToday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await page.getByLabel('走访日期').fill(serverToday);
  await form.save();
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
  await expect(records.record(findings)).toContainText('已同步');
  await expect(records.record(findings)).toContainText(serverToday);
  const pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.visits.filter((v: { findings: string }) => v.findings === findings)).toHaveLength(1);
});

// 数据质量核查 (001 §三(二)): a check that found something stays before the township until a
// later check clears it.
test('a data-quality check to follow up is listed for the township', async ({ page, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  const form = new VisitForm(page);
  await form.open();
  const findings = `产值与台账不一致 ${Date.now()}`;
  const enterprise = await form.fill(findings, '数据质量核查');
  await page.getByLabel('需要跟进').check();
  await form.save();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');

  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await new LoginPage(leader).loginAs(DONGHU_LEADER);
  await leader.goto('/township');
  const card = leader.locator('section.data-quality');
  await expect(card.getByRole('heading', { name: /东湖镇 \d{4}年数据质量核查/ })).toBeVisible();
  // The file's other tests made checks too: only the words, not the counts, are this test's.
  await expect(card).toContainText(/核查 \d+ 次，涉及企业 \d+ 家；四上企业 \d+ 家中已核查 \d+ 家/);
  await expect(card).toContainText(/待跟进企业 \d+ 家/);
  const row = card.getByRole('row').filter({ hasText: findings });
  await expect(row).toContainText(enterprise);
  await expect(row).toContainText('东湖工业一网格');
  await leaderContext.close();
});
