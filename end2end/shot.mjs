import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
async function as(phone, fn) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, baseURL: 'http://127.0.0.1:3005' });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.waitForTimeout(1500);
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill('statgrid2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForTimeout(2500);
  await fn(page);
  await ctx.close();
}
await as('13800000002', async (page) => {
  await page.goto('/township/assessment');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/shot/a1.png', fullPage: true });
  await page.getByRole('link', { name: '东湖镇' }).first().click();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/shot/a2.png', fullPage: true });
  await page.getByRole('button', { name: '评分' }).first().click();
  await page.getByLabel(/评定分/).fill('12');
  await page.getByRole('button', { name: '保存评分' }).click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/shot/a3.png', fullPage: true });
});
await as('13800000001', async (page) => {
  await page.goto('/township/assessment');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/shot/c1.png', fullPage: true });
});
await browser.close();
