// A new version of the app arrives while records wait to be sent: the user is told, the new
// version takes over when they agree, and every waiting record is still there and syncs once.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { LoginPage, MEMBER, RecordsPage, VisitForm, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

test('a new version installed while records wait keeps them, and they sync once', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await syncedOnce(page);
  await serviceWorkerReady(page);

  // Two records wait: the server cannot be reached for pushes.
  await page.route('**/api/v1/sync/push', (route) => route.abort('connectionrefused'));
  const prefix = `更新前待同步 ${Date.now()}`;
  const form = new VisitForm(page);
  await form.open();
  for (const n of [1, 2]) {
    await form.fill(`${prefix} 第${n}条`);
    await form.save();
    await expect(page.getByText('已保存（待同步）')).toBeVisible();
  }
  await expect(unsyncedBadge(page)).toHaveText('2 条待同步');

  // A new build is put in place under the running server: the worker script changes with it,
  // the browser installs the new worker, and it waits.
  // The build's compressed copies change with it: they are what the server sends.
  const css = `${process.env.SITE ?? '../target/site'}/pkg/statgrid.css`;
  const copies = [css, `${css}.br`, `${css}.gz`];
  const originals = copies.map((file) => readFileSync(file));
  const build = (text: Buffer) => {
    writeFileSync(css, text);
    writeFileSync(`${css}.br`, brotliCompressSync(text));
    writeFileSync(`${css}.gz`, gzipSync(text));
  };
  try {
    build(Buffer.concat([originals[0], Buffer.from(`\n/* 新版本 ${Date.now()} */\n`)]));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const notice = page.getByText('新版本已就绪，未同步的记录不会丢失。');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: '立即更新' }).click();
    await expect(notice).toBeHidden({ timeout: 30_000 });
  } finally {
    copies.forEach((file, i) => writeFileSync(file, originals[i]));
  }

  // Under the new version: both records still wait, then go once the server is reachable.
  const records = new RecordsPage(page);
  await records.open();
  await expect(unsyncedBadge(page)).toHaveText('2 条待同步');
  await page.unroute('**/api/v1/sync/push');
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  const pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(pulled.visits.filter((v: { findings: string }) => v.findings.startsWith(prefix))).toHaveLength(2);
});
