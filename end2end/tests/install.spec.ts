// Installing the app: the browser's offer is explained in Chinese and shown on request; inside
// WeChat's browser the user is told to open the system browser instead.
import { test, expect } from '@playwright/test';
import { LoginPage, MEMBER } from './pages';

test('the browser offer to install is explained and shown when asked for', async ({ page }) => {
  await new LoginPage(page).loginAs(MEMBER);
  const card = page.locator('section.install');
  await expect(card).toHaveCount(0);
  // Chromium offers installation (the event a real install offer fires).
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt: () => Promise<void> };
    offer.prompt = async () => { (window as unknown as { prompted: boolean }).prompted = true; };
    window.dispatchEvent(offer);
  });
  await expect(card).toContainText('没有网络也能使用');
  await card.getByRole('button', { name: '添加到主屏幕' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
  await expect(card).toHaveCount(0);
});

test.describe('inside WeChat', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Chrome/120 Mobile MicroMessenger/8.0.47' });

  test('the user is told to open the system browser', async ({ page }) => {
    await new LoginPage(page).loginAs(MEMBER);
    await expect(page.getByRole('alert')).toContainText('在浏览器中打开');
  });
});
