// Sessions as a person meets them: an office page asks the password again once its session is
// gone, and 登录设备 ends the sessions of a lost phone.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { DONGHU_LEADER, LoginPage, MEMBER, PASSWORD } from './pages';

/** Drops the office session's cookie, as 30 idle minutes would end it; the phone's stays. */
async function officeSessionEnds(context: BrowserContext) {
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.endsWith('statgrid_office'))).toBe(true);
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => !c.name.endsWith('statgrid_office')));
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('an office page asks the password again when its session has ended, then opens', async ({ page, context }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await officeSessionEnds(context);
  const errors = watchErrors(page);
  await page.goto('/township');
  const door = page.locator('section', { has: page.getByRole('heading', { name: '请输入密码' }) });
  await expect(door).toBeVisible();
  await expect(page.getByText(/闲置 30 分钟、或登录满 12 小时后/)).toBeVisible();

  const submit = door.getByRole('button', { name: '登录' });
  await expect(submit).toBeEnabled(); // hydrated
  await door.getByLabel('手机号').fill(DONGHU_LEADER.phone);
  await door.getByLabel('密码').fill('not-my-password');
  await submit.click();
  await expect(door.getByRole('alert')).toContainText('手机号或密码错误');

  await door.getByLabel('密码').fill(PASSWORD);
  await submit.click();
  await expect(page.getByRole('heading', { name: /走访覆盖/ })).toBeVisible();
  await expect(door).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the office top bar names who is signed in, and 退出登录 ends the office session only', async ({ page }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  const errors = watchErrors(page);
  await page.goto('/township');
  const bar = page.locator('header.topbar');
  await expect(bar.getByText(DONGHU_LEADER.name, { exact: true })).toBeVisible();
  await expect(bar.getByRole('link', { name: '统计网格' })).toHaveAttribute('href', '/');
  const signOut = bar.getByRole('button', { name: '退出登录' });
  await expect(signOut).toBeEnabled(); // hydrated
  await signOut.click();
  // Home again, where the phone's session is still signed in.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: `您好，${DONGHU_LEADER.name}` })).toBeVisible();
  await page.goto('/township');
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  await expect(bar.getByText(DONGHU_LEADER.name, { exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('登录设备 lists this device, and 退出其他设备 signs a lost phone out', async ({ page, browser }) => {
  const lost = await browser.newContext();
  const lostPage = await lost.newPage();
  await new LoginPage(lostPage).loginAs(MEMBER);
  await new LoginPage(page).loginAs(MEMBER);

  await page.goto('/sessions');
  await expect(page.getByRole('heading', { name: '登录设备' })).toBeVisible();
  const rows = page.getByRole('listitem');
  await expect(rows.filter({ hasText: '本设备' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '手机同步' }).first()).toBeVisible();
  const others = await rows.filter({ has: page.getByRole('button', { name: '退出', exact: true }) }).count();
  expect(others).toBeGreaterThan(0);

  const endOthers = page.getByRole('button', { name: '退出其他设备' });
  await expect(endOthers).toBeEnabled();
  await endOthers.click();
  await expect(page.getByRole('status')).toContainText(`已退出其他 ${others} 处登录`);
  await expect(rows.filter({ has: page.getByRole('button', { name: '退出', exact: true }) })).toHaveCount(0);

  // The lost phone's next request finds its session gone.
  await lostPage.goto('/sessions');
  await expect(lostPage.getByRole('alert')).toContainText('登录已失效');
  await lost.close();
});
