// Photos taken on the phone are shrunk there (at most 300 KB), kept offline with their record,
// uploaded with it once the network returns, and shown to the township. And an outbox written
// by the app's first storage version survives the upgrade that added the photo store.
import { test, expect } from '@playwright/test';
import {
  DONGHU_LEADER,
  LoginPage,
  MEMBER,
  PASSWORD,
  RecordsPage,
  VisitForm,
  serviceWorkerReady,
  showGridVisits,
  syncedOnce,
  noisyBmp,
  unsyncedBadge,
} from './pages';

type Pulled = { visits: { id: string; findings: string; photos: string[] }[] };

test('a photo taken offline is shrunk, kept with its visit, uploaded once and shown to the township', async ({ page, context, browser }) => {
  await new LoginPage(page).loginAs(MEMBER);
  await serviceWorkerReady(page);
  await syncedOnce(page);

  await context.setOffline(true);
  const form = new VisitForm(page);
  await form.open();
  const findings = `现场拍照的走访 ${Date.now()}`;
  await form.fill(findings);
  const picture = noisyBmp(2400, 1800);
  expect(picture.length).toBeGreaterThan(10 * 1024 * 1024);
  await page.getByLabel(/^照片/).setInputFiles({ name: 'IMG_0001.bmp', mimeType: 'image/bmp', buffer: picture });
  const thumb = page.locator('.photos img.thumb');
  await expect(thumb).toHaveCount(1, { timeout: 30_000 });
  await expect(thumb).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await form.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await expect(page.locator('.photos img.thumb')).toHaveCount(0);

  // Reloaded with no network: the visit and its photo are still on the phone.
  const records = new RecordsPage(page);
  await records.open();
  await page.reload();
  const item = records.record(findings);
  await expect(item).toContainText('待同步');
  await expect(item.locator('img.thumb')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);

  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(item).toContainText('已同步');

  // On the server once, with one photo of at most 300 KB.
  const pulled: Pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  const mine = pulled.visits.filter((v) => v.findings === findings);
  expect(mine).toHaveLength(1);
  expect(mine[0].photos).toHaveLength(1);
  const photo = await page.request.get(`/api/v1/photos/${mine[0].photos[0]}`);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  const bytes = (await photo.body()).length;
  expect(bytes).toBeGreaterThan(10 * 1024);
  expect(bytes).toBeLessThanOrEqual(300 * 1024);

  // The township sees the photo under the visit.
  const townshipContext = await browser.newContext();
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await township.goto('/township');
  await showGridVisits(township, '东湖工业一网格');
  const shown = township.locator(`img[src="/api/v1/photos/${mine[0].photos[0]}"]`);
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await townshipContext.close();
});

test('records kept by the first storage version survive the upgrade and sync once', async ({ page }) => {
  // Who the member is and where they may visit, asked of the server directly.
  const login = await page.request.post('/api/v1/auth/login', { data: { phone: MEMBER.phone, password: PASSWORD } });
  const personId: number = (await login.json()).profile.person_id;
  const pulled = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  const enterpriseId: number = pulled.directory.enterprises[0].id;

  // A phone that last ran the first version: storage version 1, the outbox alone.
  await page.goto('/offline.html');
  const findings = `升级前保存的走访 ${Date.now()}`;
  await page.evaluate(async ({ personId, enterpriseId, findings }) => {
    const id = crypto.randomUUID();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const record = {
      id, person_id: personId, version: 1, device_time_ms: Date.now(),
      draft: { enterprise_id: enterpriseId, visit_date: today, purpose: 'guidance', findings, follow_up: false },
      state: { state: 'pending' },
    };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('statgrid', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('outbox');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('outbox', 'readwrite');
        tx.objectStore('outbox').put(JSON.stringify(record), id);
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, { personId, enterpriseId, findings });

  // The new version opens storage version 2 (adding the photo store), keeps the record and
  // sends it.
  await new LoginPage(page).loginAs(MEMBER);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  const version = await page.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('statgrid');
    open.onsuccess = () => { const v = open.result.version; open.result.close(); resolve(v); };
  }));
  expect(version).toBe(2);
  const records = new RecordsPage(page);
  await records.open();
  await expect(records.record(findings)).toContainText('已同步');
  const after = await (await page.request.get('/api/v1/sync/pull?since=0')).json();
  expect(after.visits.filter((v: { findings: string }) => v.findings === findings)).toHaveLength(1);
});
