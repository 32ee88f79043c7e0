// 在线课堂 (001 §三(三)1: 在线教育培训): the city bureau puts a course online; a member studies it
// with no network and records it as an online training from the course; the bureau sees it
// studied once the phone is back online.
import { test, expect } from '@playwright/test';
import { CITY_ADMIN, LoginPage, MEMBER, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

const TITLE = '新修订统计法解读（第一讲）';

test('a member studies an online course offline and it counts as an online training', async ({ page, browser }) => {
  await new LoginPage(page).loginAs(CITY_ADMIN);
  await page.goto('/township');
  const card = page.locator('section.courses');
  await expect(card.getByRole('heading', { name: '市统计局 在线课堂' })).toBeVisible();
  await card.getByText('发布在线课程', { exact: true }).click();
  const post = card.getByRole('button', { name: '发布课程' });
  await expect(post).toBeEnabled();
  await card.getByLabel('课程名称').fill(TITLE);
  await card.getByLabel('课程内容').selectOption({ label: '统计法律知识' });
  await card.getByLabel('学时').fill('2');
  await card.getByLabel('课程链接').fill('javascript:alert(1)');
  await card.getByLabel('课程简介').fill('统计调查对象的权利与义务。');
  await post.click();
  await expect(page.getByRole('alert').filter({ hasText: '课程链接应以 https:// 或 http:// 开头' })).toBeVisible();
  await card.getByLabel('课程链接').fill('https://tjj.example.gov.cn/k/1');
  await post.click();
  const posted = card.locator('li').filter({ hasText: TITLE });
  await expect(posted).toContainText('统计法律知识 · 2 学时');
  await expect(posted).toContainText('已学 0 人');

  // The member opens the courses once online; the phone keeps them.
  const memberContext = await browser.newContext();
  const phone = await memberContext.newPage();
  await new LoginPage(phone).loginAs(MEMBER);
  await serviceWorkerReady(phone);
  await syncedOnce(phone);
  await phone.getByRole('link', { name: '在线课堂' }).click();
  await expect(phone.getByRole('heading', { name: '在线课堂' })).toBeVisible();
  const offered = phone.locator('.notice-list li').filter({ hasText: TITLE });
  await expect(offered).toBeVisible();

  // No network: the course is still there, and studying it is recorded from it.
  await memberContext.setOffline(true);
  await phone.reload();
  await expect(phone.getByText('当前离线，显示的是上次联网时的课程。')).toBeVisible();
  await offered.getByText(TITLE).click();
  await expect(offered.getByRole('link', { name: '打开课程' })).toHaveAttribute('href', 'https://tjj.example.gov.cn/k/1');
  await offered.getByRole('link', { name: '学完后记录学时' }).click();
  await expect(phone.getByRole('heading', { name: '记录培训' })).toBeVisible();
  await expect(phone.getByLabel('培训名称')).toHaveValue(TITLE);
  await expect(phone.locator('select[name=session]')).toHaveValue('online');
  await expect(phone.locator('input[name=hours]')).toHaveValue('2');
  await phone.getByRole('button', { name: '保存' }).click();
  await expect(phone.getByRole('heading', { name: '在线课堂' })).toBeVisible();
  await offered.getByText(TITLE).click();
  await expect(offered).toContainText('已记录学时');
  await expect(unsyncedBadge(phone)).toHaveText('1 条待同步');

  await memberContext.setOffline(false);
  await expect(unsyncedBadge(phone)).toHaveText('全部已同步');
  await memberContext.close();

  await page.reload();
  await expect(posted).toContainText('已学 1 人');
});
