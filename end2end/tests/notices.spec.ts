// 通知 (001 §三(三)1: 线上联络): a township sends a notice; a member is reminded of it, reads it
// on the phone with no network, and the township sees it read once the phone is back online.
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, LoginPage, MEMBER, serviceWorkerReady, syncedOnce } from './pages';

const TITLE = '关于按时报送11月情况汇报的通知';

test('a township notice is read on a phone offline and the township sees who read it', async ({ page, browser }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await page.goto('/township');
  const card = page.locator('section.notices');
  await expect(card.getByRole('heading', { name: '东湖镇 通知' })).toBeVisible();
  await expect(card).toContainText('近一年未发布通知。');
  await card.getByText('发布通知', { exact: true }).click();
  const send = card.getByRole('button', { name: '发送通知' });
  await expect(send).toBeEnabled();

  // Refused in words; what was typed stays.
  await card.getByLabel('通知内容').fill('各网格：\n请于12月10日前报送11月情况汇报。');
  await send.click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写通知标题' })).toBeVisible();
  await expect(card.getByLabel('通知内容')).toHaveValue('各网格：\n请于12月10日前报送11月情况汇报。');
  await card.getByLabel('通知标题').fill(TITLE);
  await send.click();
  const sent = card.locator('li').filter({ hasText: TITLE });
  await expect(sent).toContainText('已读 0 /');
  await expect(card.getByLabel('通知标题')).toHaveValue('');

  // The member is reminded, and opens the notices once online: the phone keeps them.
  const memberContext = await browser.newContext();
  const phone = await memberContext.newPage();
  await new LoginPage(phone).loginAs(MEMBER);
  await serviceWorkerReady(phone);
  await syncedOnce(phone);
  await expect(phone.locator('.reminders')).toContainText(`未读通知：${TITLE}`);
  await phone.getByRole('link', { name: '通知', exact: true }).click();
  await expect(phone.getByRole('heading', { name: '通知' })).toBeVisible();
  const notice = phone.locator('.notice-list li').filter({ hasText: TITLE });
  await expect(notice).toContainText('未读');

  // No network: the page and the notice are still there, and opening it marks it read.
  await memberContext.setOffline(true);
  await phone.reload();
  await expect(phone.getByText('当前离线，显示的是上次联网时收到的通知。')).toBeVisible();
  await notice.getByText(TITLE).click();
  await expect(notice.getByText('请于12月10日前报送11月情况汇报。')).toBeVisible();
  await expect(notice.locator('.badge.unread')).toHaveCount(0);
  await expect(notice).toContainText('东湖镇');

  // Back online, the next visit sends the read.
  await memberContext.setOffline(false);
  const readSent = phone.waitForResponse((r) => r.url().endsWith('/api/v1/notices/read') && r.ok());
  await phone.reload();
  await readSent;
  await expect(notice.locator('.badge.unread')).toHaveCount(0);
  await expect(phone.getByText('当前离线')).toHaveCount(0);
  await memberContext.close();

  await page.reload();
  await expect(sent).toContainText('已读 1 /');
  await sent.getByText('未读人员').click();
  await expect(sent).not.toContainText('李娜');
});
