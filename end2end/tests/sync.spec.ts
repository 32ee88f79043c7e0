// Sync under trouble: an answer lost mid-sync, a session that expired while offline, and a full
// disk, a withdrawal made offline. In each, no record the user saved is lost or stored twice,
// and none leaves the phone but by the user's choice.
import { test, expect } from '@playwright/test';
import { LoginPage, MEMBER, RecordsPage, VisitForm, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

type Pulled = { visits: { findings: string }[] };

async function storedOnServer(page: import('@playwright/test').Page, prefix: string) {
  const pulled: Pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  return pulled.visits.filter((v) => v.findings.startsWith(prefix)).length;
}

test('the connection drops after the server stored a batch: resent, stored once', async ({ page, context }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  await serviceWorkerReady(page);

  await context.setOffline(true);
  const prefix = `断线批次 ${Date.now()}`;
  const form = new VisitForm(page);
  await form.open();
  for (const n of [1, 2, 3]) {
    await form.fill(`${prefix} 第${n}条`);
    // Each save says 已保存 anew (a screen reader announces it again), and is counted at once.
    await page.evaluate(() => document.querySelector('p.success')?.setAttribute('data-earlier', ''));
    await form.save();
    await expect(page.locator('p.success:not([data-earlier])')).toHaveText('已保存（待同步）');
    await expect(unsyncedBadge(page)).toHaveText(`${n} 条待同步`);
  }

  // The batch reaches the server, which stores it; the answer never reaches the phone.
  let lost = 0;
  await page.route('**/api/v1/sync/push', async (route) => {
    await route.fetch();
    lost += 1;
    await route.abort('connectionreset');
  });
  await context.setOffline(false);
  await expect.poll(() => lost).toBeGreaterThan(0);
  await expect(page.getByText(/^无法连接服务器，\d+ 秒后自动重试/)).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('3 条待同步');
  expect(await storedOnServer(page, prefix)).toBe(3);

  // The next sync sends the same records again: answered as stored, nothing doubled.
  await page.unroute('**/api/v1/sync/push');
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  expect(await storedOnServer(page, prefix)).toBe(3);
  const records = new RecordsPage(page);
  await records.open();
  for (const n of [1, 2, 3]) {
    await expect(records.record(`${prefix} 第${n}条`)).toContainText('已同步');
  }
});

test('a second tap while the record is being written saves it once', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  const prefix = `连点两下 ${Date.now()}`;
  const form = new VisitForm(page);
  await form.open();
  await form.fill(prefix);
  // The button stays as it is during a quick write; the second tap must not make a second record.
  await page.getByRole('button', { name: '保存' }).dblclick();
  await expect(page.locator('p.success')).toHaveText('已保存（待同步）');
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  expect(await storedOnServer(page, prefix)).toBe(1);
});

test('a session that expired while offline: records stay, the password is asked for, then they sync', async ({ page, context }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  await serviceWorkerReady(page);
  await context.setOffline(true);
  const findings = `会话过期前的走访 ${Date.now()}`;
  const form = new VisitForm(page);
  await form.open();
  await form.fill(findings);
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();

  // The session ends while the phone is away (the cookie is gone).
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page.getByText('登录已失效，请重新登录后同步。记录仍保存在手机上。')).toBeVisible({ timeout: 30_000 });
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');
  await page.getByRole('link', { name: '重新登录' }).click();
  await new LoginPage(page).loginAs(MEMBER);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  expect(await storedOnServer(page, findings)).toBe(1);
});

test('a full disk: the save is refused in words and the text stays in the form', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  const form = new VisitForm(page);
  await form.open();
  const findings = `存储已满时的走访 ${Date.now()}`;
  await form.fill(findings);

  // The disk is full: IndexedDB refuses writes the way browsers do, with a QuotaExceededError.
  // (Chromium's quota override does not stop small writes, so the refusal is staged here.)
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    (window as unknown as { restoreDisk: () => void }).restoreDisk = () => { IDBObjectStore.prototype.put = put; };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await form.save();
  await expect(page.getByRole('alert')).toHaveText('手机存储空间不足，记录未保存。请清理空间后重试');
  await expect(page.getByLabel('走访情况')).toHaveValue(findings);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');

  // Space freed: the same text is saved.
  await page.evaluate(() => (window as unknown as { restoreDisk: () => void }).restoreDisk());
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  expect(await storedOnServer(page, findings)).toBe(1);
});

test('unsynced records carried to another phone in a file sync once, from either phone', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  await serviceWorkerReady(page);
  await context.setOffline(true);
  const prefix = `换手机带走的走访 ${Date.now()}`;
  const form = new VisitForm(page);
  await form.open();
  for (const n of [1, 2]) {
    await form.fill(`${prefix} 第${n}条`);
    await form.save();
    await expect(page.getByText('已保存（待同步）')).toBeVisible();
  }

  // Settings, offline: the browser's answer on persistent storage, and the export.
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: '设置与数据' })).toBeVisible();
  // Chromium grants persistent storage only to a site that is bookmarked, installed, much used
  // or allowed notifications: a fresh test browser is none of these and answers no (the app
  // asked when the records were saved).
  expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
  await expect(page.getByTestId('persisted')).toHaveText(/^未开启：/);
  await expect(page.getByText('本机有 2 条记录尚未同步。')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出未同步记录' }).click();
  const file = await (await downloading).path();
  await expect(page.getByText('已导出 2 条未同步记录')).toBeVisible();

  // A new phone, same account: the file is read in and synced.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await new LoginPage(other).loginAs(MEMBER);
  await other.goto('/settings');
  await other.getByLabel('导入记录文件').setInputFiles(file);
  await expect(other.getByText('已导入 2 条记录，0 条手机上已有')).toBeVisible();
  await expect(unsyncedBadge(other)).toHaveText('全部已同步', { timeout: 30_000 });
  expect(await storedOnServer(other, prefix)).toBe(2);
  // The same file again adds nothing.
  await other.getByLabel('导入记录文件').setInputFiles([]);
  await other.getByLabel('导入记录文件').setInputFiles(file);
  await expect(other.getByText('已导入 0 条记录，2 条手机上已有')).toBeVisible();
  await otherContext.close();

  // The first phone comes back online and sends its copies: stored once all the same.
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  expect(await storedOnServer(page, prefix)).toBe(2);
});

test('a record withdrawn offline waits as such, then leaves the phone and the server', async ({ page, context }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  await syncedOnce(page);
  const form = new VisitForm(page);
  await form.open();
  const findings = `记错的走访 ${Date.now()}`;
  await form.fill(findings);
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });

  await context.setOffline(true);
  const records = new RecordsPage(page);
  await records.open();
  const item = records.record(findings);
  await expect(item).toContainText('已同步');
  // Asked first: declining keeps it as it was.
  page.once('dialog', (d) => d.dismiss());
  await item.getByRole('button', { name: '撤回' }).click();
  await expect(item).toContainText('已同步');
  page.once('dialog', (d) => d.accept());
  await item.getByRole('button', { name: '撤回' }).click();
  await expect(item).toContainText('撤回待同步');
  await expect(unsyncedBadge(page)).toHaveText('1 条待同步');
  await page.reload();
  await expect(records.record(findings)).toContainText('撤回待同步');

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(records.record(findings)).toHaveCount(0);
  const pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.visits.filter((v: { findings: string }) => v.findings === findings)).toHaveLength(0);
});
