// A county inspector scores a township's sheet on a phone with no network, with a photo as
// evidence; it survives a reload, syncs once, and the city bureau sees its total.
import { test, expect } from '@playwright/test';
import { CITY_ADMIN, COUNTY_INSPECTOR, LoginPage, noisyBmp, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

test('an inspector scores a township offline with a photo, and the bureau sees the total', async ({ browser }) => {
  // The bureau plans a campaign over the demo's 云州市 and assigns the inspector by phone.
  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await new LoginPage(bureau).loginAs(CITY_ADMIN);
  await bureau.goto('/admin/evaluation');
  const name = `现场评分 ${Date.now()}`;
  await bureau.getByLabel('评价名称').fill(name);
  await bureau.getByLabel('评价范围（市或县的区划代码）').fill('990100');
  await bureau.getByRole('button', { name: '新建' }).click();
  await expect(bureau.getByRole('heading', { name })).toBeVisible();
  await bureau.locator('select[name="unit"]').selectOption({ label: '云江市东湖镇' });
  await bureau.getByLabel('手机号').fill('13999999999');
  await bureau.getByRole('button', { name: '分配' }).click();
  await expect(bureau.getByRole('alert')).toContainText('人员名录中没有手机号为“13999999999”的在岗人员');
  await bureau.getByLabel('手机号').fill(COUNTY_INSPECTOR.phone);
  await bureau.getByRole('button', { name: '分配' }).click();
  await expect(bureau.locator('ul.assignments li')).toContainText(`云江市东湖镇 · 检查评分 · ${COUNTY_INSPECTOR.name}`);

  // The inspector opens the list once online: the phone keeps the sheet and its template.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await new LoginPage(phone).loginAs(COUNTY_INSPECTOR);
  await serviceWorkerReady(phone);
  await syncedOnce(phone);
  await phone.getByRole('link', { name: '规范化建设评分' }).click();
  const line = phone.locator('li.record').filter({ hasText: name });
  await expect(line).toContainText('云江市东湖镇 · 检查评分');
  await expect(line).toContainText('未评分');

  // In the township, with no network.
  await phoneContext.setOffline(true);
  await line.getByRole('link', { name: '评分' }).click();
  await expect(phone.getByRole('heading', { name: '云江市东湖镇 · 检查评分' })).toBeVisible();
  const points = phone.getByLabel('得分');
  await points.nth(0).fill('8');
  await points.nth(1).fill('六');
  await phone.getByLabel('说明（扣分原因、发现的问题）').nth(1).fill('分析报告只有一篇');
  await phone.getByRole('button', { name: '保存评分表' }).click();
  await expect(phone.getByText('得分请填写数字，最多一位小数')).toBeVisible();
  await expect(phone.getByRole('alert')).toContainText('有评分项填写不对');
  await points.nth(1).fill('5.5');
  await phone.getByText(/^已查/).nth(0).click();
  await phone.getByLabel(/^照片/).nth(1).setInputFiles({ name: 'report.bmp', mimeType: 'image/bmp', buffer: noisyBmp(320, 240) });
  await expect(phone.locator('form img.thumb')).toHaveCount(1);
  await expect(phone.getByRole('status').filter({ hasText: '合计 13.5 分' })).toContainText('已评 2/');
  await phone.getByRole('button', { name: '保存评分表' }).click();

  // Back on the list, saved and waiting; still there after a reload with no network.
  await expect(line).toContainText('已评 2 项，合计 13.5 分 · 待同步');
  await phone.reload();
  await expect(line).toContainText('已评 2 项，合计 13.5 分 · 待同步');
  await expect(phone.getByText('未连接服务器')).toBeVisible();

  // Reopened, the sheet holds what was typed.
  await line.getByRole('link', { name: '评分' }).click();
  await expect(points.nth(1)).toHaveValue('5.5');
  await expect(phone.getByLabel('说明（扣分原因、发现的问题）').nth(1)).toHaveValue('分析报告只有一篇');
  await expect(phone.locator('form img.thumb')).toHaveCount(1);

  await phoneContext.setOffline(false);
  await expect(unsyncedBadge(phone)).toHaveText('全部已同步', { timeout: 30_000 });
  await phone.goto('/evaluation');
  await expect(line).toContainText('已评 2 项，合计 13.5 分 · 已同步');

  // On the server once, with its photo; the bureau sees the total beside the unit.
  const pulled = await (await phone.request.get('/api/v1/sync/pull?since=0')).json();
  const sheets = pulled.score_sheets.filter((s: { draft: { marks: { note: string }[] } }) =>
    s.draft.marks.some((m) => m.note === '分析报告只有一篇'));
  expect(sheets).toHaveLength(1);
  expect(sheets[0].version).toBe(1);
  await bureau.reload();
  await expect(bureau.getByRole('cell', { name: /云江市东湖镇/ })).toContainText(/检查评分 13\.5 分（已评 2\/\d+ 项）/);
  const photo = sheets[0].draft.marks[1].photos[0];
  expect((await bureau.request.get(`/api/v1/photos/${photo}`)).status()).toBe(200);
  // The unit's sheet item by item, with the photo, and what the township is to put right.
  await bureau.getByRole('link', { name: '云江市东湖镇' }).click();
  await expect(bureau.getByRole('heading', { name: '云江市东湖镇 · 评分对照' })).toBeVisible();
  await expect(bureau.getByRole('status').filter({ hasText: '检查评分：13.5 分' })).toBeVisible();
  await expect(bureau.locator(`img[src="/api/v1/photos/${photo}"]`)).toBeVisible();
  await expect(bureau.locator('ol.shortfalls li')).toHaveText(/扣 1\.5 分。分析报告只有一篇$/);
  await phoneContext.close();
  await bureauContext.close();
});
