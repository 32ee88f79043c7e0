// A month the township excuses (豁免) leaves the grid leader's report card: the phone judges the
// card itself, by the cadence engine's rule with the township's waivers kept since the last
// sync, so it says the same offline. The city bureau excuses a township's own duty (its training
// plan) from the township view.
//
// The day is pinned, on the server (scripts/e2e.sh reads the line below) and in both browsers,
// to 10 December 2026: November's report, never sent, is then overdue.
// e2e-server-env: STATGRID_CLOCK_START=2026-12-10T09:00:00+08:00
import { test, expect } from '@playwright/test';
import { CITY_ADMIN, DONGHU_LEADER, GRID_LEADER, LoginPage } from './pages';

const GRID = '东湖工业一网格';

function today(): Date {
  const start = process.env.STATGRID_CLOCK_START;
  if (!start) throw new Error('STATGRID_CLOCK_START is not set: run this spec with scripts/e2e.sh');
  return new Date(start);
}

test('a month the township waives is no longer overdue on the leader\'s phone, offline too', async ({ page, context, browser }) => {
  await context.clock.install({ time: today() });
  await new LoginPage(page).loginAs(GRID_LEADER);
  const card = page.locator('section', { has: page.getByRole('heading', { name: /本月情况汇报/ }) });
  const november = card.locator('li', { hasText: `${GRID} · 2026年11月` });
  await expect(november).toContainText('逾期未完成');

  // The township leader excuses November for this grid, with the reason.
  const townshipContext = await browser.newContext();
  await townshipContext.clock.install({ time: today() });
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await township.goto('/township/reports?month=2026-11');
  const row = township.getByRole('listitem').filter({ has: township.getByText(GRID, { exact: true }) });
  await expect(row).toContainText('逾期未完成');
  await row.getByText('豁免本月汇报').click();
  // Enabled once the page has hydrated, so the reason typed is the one sent.
  await expect(row.getByRole('button', { name: '确认豁免' })).toBeEnabled();
  await row.getByLabel('豁免原因').fill('网格长病假');
  await row.getByRole('button', { name: '确认豁免' }).click();
  await expect(row).toContainText('豁免原因：网格长病假');
  await townshipContext.close();

  // At the next sync the phone learns of the waiver: November leaves the card, December stays.
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(november).toHaveCount(0);
  await expect(card.locator('li', { hasText: `${GRID} · 2026年12月` })).toContainText('未到期');

  // With no network, after a reload, the card is judged the same from what the phone kept.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await expect(card.locator('li', { hasText: `${GRID} · 2026年12月` })).toContainText('未到期');
  await expect(november).toHaveCount(0);
});

test('the city bureau excuses a township\'s training plan, with the reason, in the township view', async ({ page, context }) => {
  await context.clock.install({ time: today() });
  await new LoginPage(page).loginAs(CITY_ADMIN);
  await page.goto('/township');
  // 东湖镇's page, by the scope its picker offers.
  const scopes = page.getByRole('combobox', { name: '网格' });
  const donghu = await scopes.getByRole('option', { name: '东湖镇', exact: true }).getAttribute('value');
  await page.goto(`/township?scope=${donghu}&month=2026-12`);
  const plan = page.locator('section.training-plan');
  await expect(plan.getByRole('heading', { name: '东湖镇 2026年培训计划' })).toBeVisible();
  const duty = plan.locator('.plan-duty');
  await expect(duty).toContainText('逾期未完成');
  await plan.getByText('豁免', { exact: true }).click();
  await expect(plan.getByRole('button', { name: '确认豁免' })).toBeEnabled();
  // No reason: refused in Chinese, nothing kept.
  await plan.getByRole('button', { name: '确认豁免' }).click();
  await expect(plan.getByRole('alert')).toHaveText('豁免时请写明原因');
  await plan.getByLabel('豁免原因').fill('镇经发办人员调整，计划并入明年');
  await plan.getByRole('button', { name: '确认豁免' }).click();
  await expect(duty).toContainText('已豁免');
  await expect(plan.getByText('豁免', { exact: true })).toHaveCount(0);
});
