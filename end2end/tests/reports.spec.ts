// The monthly report (情况汇报) round trip: the township returns it, the grid leader sees the
// comment on the phone after sync, edits it offline and resubmits; the township approves, and
// the month is then locked against edits.
//
// The day is pinned, on the server (scripts/e2e.sh reads the line below) and in both browsers,
// to 10 December 2026: the November report is then past its due date and grace days, and the
// December one not yet within its warning days.
// e2e-server-env: STATGRID_CLOCK_START=2026-12-10T09:00:00+08:00
import { test, expect, type Page } from '@playwright/test';
import {
  CITY_ADMIN, DONGHU_LEADER, FENGUAN_LEADER, GRID_LEADER, LoginPage, RecordsPage, TOWNSHIP_STAFF, VisitForm,
  WORK_AREA_LEADER,
  serviceWorkerReady, syncedOnce, unsyncedBadge,
} from './pages';

const GRID = '东湖工业一网格';
/** 孙立, a statistics professional advising two 东湖 grids; made a leader of the department's. */
const GRID_INSTRUCTOR = { phone: '13800000008', name: '孙立' };
/** 吴涛, who leads 市住建局's grid. */
const DEPARTMENT_LEADER = { phone: '13800000009', name: '吴涛' };

/** The instant the server's clock starts at; the browsers' clocks start there too and run on. */
function today(): Date {
  const start = process.env.STATGRID_CLOCK_START;
  if (!start) throw new Error('STATGRID_CLOCK_START is not set: run this spec with scripts/e2e.sh');
  return new Date(start);
}

function reportRow(page: Page) {
  return page.getByRole('listitem').filter({ has: page.getByText(GRID, { exact: true }) });
}

async function openBoard(page: Page) {
  await page.goto('/township/reports');
  await expect(page.getByRole('heading', { name: '月度汇报审核' })).toBeVisible();
}

test('a returned report is edited offline, resubmitted, approved, and its month locked', async ({ page, context, browser }) => {
  await context.clock.install({ time: today() });
  // The grid leader writes this month's report on the phone.
  await new LoginPage(page).loginAs(GRID_LEADER);
  await expect(page.getByRole('heading', { name: /本月情况汇报/ })).toBeVisible();
  const card = page.locator('section', { has: page.getByRole('heading', { name: /本月情况汇报/ }) });
  // Judged on the phone by the cadence engine on 10 December: December's report is due on the
  // 31st, warned of in its last 7 days; November's was due on the 30th, with 5 grace days.
  await expect(card.locator('li', { hasText: GRID }).last()).toContainText('2026年12月 · 未到期');
  await expect(card.locator('li', { hasText: GRID }).first()).toContainText('2026年11月 · 逾期未完成');
  // Last month's report was never sent: the reminders say so, offline too (kept on the phone).
  const reminders = page.locator('section', { has: page.getByRole('heading', { name: '待办提醒' }) });
  await expect(reminders).toContainText(`${GRID}`);
  await page.getByRole('link', { name: '情况汇报' }).click();
  await expect(page.getByRole('heading', { name: '情况汇报' })).toBeVisible();
  const first = `本月走访企业十二家 ${Date.now()}`;
  await page.getByLabel('本月工作情况').fill(first);
  await page.getByLabel('下月工作打算').fill('做好年报布置');
  await page.getByRole('button', { name: '保存并提交' }).click();
  const records = new RecordsPage(page);
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步');
  await expect(records.record(first)).toContainText('已提交，待审核');

  // The township leader returns it with a comment.
  const townshipContext = await browser.newContext();
  await townshipContext.clock.install({ time: today() });
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await township.getByRole('link', { name: '月度汇报审核' }).click();
  await expect(township.getByRole('heading', { name: '月度汇报审核' })).toBeVisible();
  const row = reportRow(township);
  await expect(row).toContainText(first);
  await expect(row).toContainText('待审核');
  await expect(row.getByRole('button', { name: '退回修改' })).toBeEnabled();
  await row.getByRole('button', { name: '退回修改' }).click();
  await expect(row.getByRole('alert')).toHaveText('退回时请写明需要修改的地方');
  await row.getByLabel('审核意见').fill('请补充走访中发现的问题');
  await row.getByRole('button', { name: '退回修改' }).click();
  await expect(row).toContainText('被退回');

  // The leader's phone learns of it at the next sync, with the comment.
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(records.record(first)).toContainText('被退回');
  await expect(records.record(first)).toContainText('请补充走访中发现的问题');

  // Edited with no network: kept on the phone through a reload, then sent when online.
  await context.setOffline(true);
  await records.record(first).getByRole('link', { name: '修改汇报' }).click();
  await expect(page.getByRole('alert')).toContainText('请补充走访中发现的问题');
  const second = `${first}；发现两家企业台账不全`;
  await page.getByLabel('本月工作情况').fill(second);
  await page.getByLabel('存在问题').fill('两家企业统计台账不全');
  await page.getByRole('button', { name: '保存并提交' }).click();
  await expect(records.record(second)).toContainText('待同步');
  await page.reload();
  await expect(records.record(second)).toContainText('待同步');
  await expect(records.record(second)).toContainText('第2版');
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  await expect(records.record(second)).toContainText('已提交，待审核');

  // The township sees the new version and its history, and approves it.
  await openBoard(township);
  await expect(row).toContainText(second);
  await expect(row).toContainText('第2版');
  await row.getByText(/审核记录/).click();
  await expect(row.getByRole('listitem').filter({ hasText: '退回' })).toContainText('请补充走访中发现的问题');
  await row.getByRole('button', { name: '通过' }).click();
  await expect(row).toContainText('已通过');
  // Grids × months: this month's report, first sent within the month, is on time (in words).
  const trendRow = township.getByRole('row').filter({ hasText: GRID });
  await expect(trendRow.locator('td').last()).toHaveText('按时完成');

  // On the phone the month is now locked: no edit link, a new report for it and a visit in it
  // are both refused with the reason.
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(records.record(second)).toContainText('已通过');
  await expect(records.record(second).getByRole('link', { name: '修改汇报' })).toHaveCount(0);
  await page.goto('/');
  await page.getByRole('link', { name: '情况汇报' }).click();
  await page.getByLabel('本月工作情况').fill('再改一次');
  await page.getByLabel('下月工作打算').fill('无');
  await page.getByRole('button', { name: '保存并提交' }).click();
  await expect(page.getByRole('alert')).toContainText('已审核通过并锁定');
  const visits = new VisitForm(page);
  await page.goto('/');
  await visits.open();
  const late = `锁定后补记 ${Date.now()}`;
  await visits.fill(late);
  await visits.save();
  await expect(page.getByText('已保存（待同步）')).toBeVisible();
  await records.open();
  await expect(records.record(late)).toContainText('被拒绝');
  await expect(records.record(late)).toContainText('联系乡镇（部门）解锁');

  // The township unlocks the month with a reason; the report goes back to the leader.
  await openBoard(township);
  await row.getByLabel('解锁原因').fill('补记走访');
  await row.getByRole('button', { name: '解锁本月' }).click();
  await expect(row).toContainText('被退回');
  await townshipContext.close();
});

test('a work-area leader reports offline and the township reviews it', async ({ page, context, browser }) => {
  await context.clock.install({ time: today() });
  await new LoginPage(page).loginAs(WORK_AREA_LEADER);
  await syncedOnce(page);
  await serviceWorkerReady(page);
  // A work area reports monthly (001 §三(二)); annual plans are the enterprise grids'.
  await expect(page.getByRole('link', { name: '年度工作计划' })).toHaveCount(0);

  await context.setOffline(true);
  await page.getByRole('link', { name: '情况汇报' }).click();
  await expect(page.getByRole('heading', { name: '情况汇报' })).toBeVisible();
  const text = `听取东湖北片两个企业网格的汇报 ${Date.now()}`;
  await page.getByLabel('本月工作情况').fill(text);
  await page.getByLabel('下月工作打算').fill('督促各网格做好年报布置');
  await page.getByRole('button', { name: '保存并提交' }).click();
  const records = new RecordsPage(page);
  await expect(records.record(text)).toContainText('待同步');
  await page.reload();
  await expect(records.record(text)).toContainText('待同步');
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });

  const townshipContext = await browser.newContext();
  await townshipContext.clock.install({ time: today() });
  const township = await townshipContext.newPage();
  await new LoginPage(township).loginAs(DONGHU_LEADER);
  await openBoard(township);
  const row = township.getByRole('listitem').filter({ has: township.getByText('东湖北片', { exact: true }) });
  await expect(row).toContainText(text);
  await expect(row.getByRole('button', { name: '通过' })).toBeEnabled();
  await row.getByRole('button', { name: '通过' }).click();
  await expect(row).toContainText('已通过');

  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(records.record(text)).toContainText('已通过');
  await townshipContext.close();
});

// 001 §三(三)3: the township's 经发办 statistics staff report the work, its problems and
// difficulties to the 分管领导, who reviews it beside the grids' monthly reports.
test('the township statistician reports to the 分管领导 offline, who approves it', async ({ page, context, browser }) => {
  await context.clock.install({ time: today() });
  await new LoginPage(page).loginAs(TOWNSHIP_STAFF);
  await syncedOnce(page);
  await serviceWorkerReady(page);

  await context.setOffline(true);
  await page.getByRole('link', { name: '情况汇报' }).click();
  await expect(page.getByRole('heading', { name: '情况汇报' })).toBeVisible();
  const text = `完成规上企业月报审核 ${Date.now()}`;
  await page.getByLabel('本月工作情况').fill(text);
  await page.getByLabel('存在问题').fill('两家新入库企业统计员尚未到岗');
  await page.getByLabel('下月工作打算').fill('组织联审辅导');
  await page.getByRole('button', { name: '保存并提交' }).click();
  const records = new RecordsPage(page);
  await expect(records.record(text)).toContainText('待同步');
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });

  const fenguanContext = await browser.newContext();
  await fenguanContext.clock.install({ time: today() });
  const fenguan = await fenguanContext.newPage();
  await new LoginPage(fenguan).loginAs(FENGUAN_LEADER);
  await openBoard(fenguan);
  const row = fenguan.getByRole('listitem').filter({ has: fenguan.getByText('东湖镇（经发办统计人员汇报）', { exact: true }) });
  await expect(row).toContainText(text);
  await row.getByRole('button', { name: '通过' }).click();
  await expect(row).toContainText('已通过');

  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(records.record(text)).toContainText('已通过');
  await fenguanContext.close();
});

// 001 §三(二)2: the department grid (市住建局) hears and reviews its enterprise grids' reports
// like a township. The city bureau first gives its construction grid a leader.
test('the department leader reviews the report of its grid', async ({ page, context, browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).loginAs(CITY_ADMIN);
  await admin.goto('/admin/people');
  const assign = admin.getByRole('button', { name: '分配' });
  await expect(assign).toBeEnabled();
  await admin.getByLabel('人员').selectOption({ label: `${GRID_INSTRUCTOR.name} ${GRID_INSTRUCTOR.phone}` });
  await admin.locator('select[name=grid]').selectOption({ label: '住建建筑业网格' });
  await admin.getByLabel('角色').selectOption({ label: '网格长' });
  await assign.click();
  await expect(admin.getByText('已保存')).toBeVisible();
  await adminContext.close();

  await context.clock.install({ time: today() });
  await new LoginPage(page).loginAs(GRID_INSTRUCTOR);
  await syncedOnce(page);
  await page.getByRole('link', { name: '情况汇报' }).click();
  await expect(page.getByRole('heading', { name: '情况汇报' })).toBeVisible();
  const text = `建筑业企业资质年检情况 ${Date.now()}`;
  await page.getByLabel('本月工作情况').fill(text);
  await page.getByLabel('下月工作打算').fill('督促新开工项目入库');
  await page.getByRole('button', { name: '保存并提交' }).click();
  const records = new RecordsPage(page);
  await expect(records.record(text)).toBeVisible();
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });

  const departmentContext = await browser.newContext();
  await departmentContext.clock.install({ time: today() });
  const department = await departmentContext.newPage();
  await new LoginPage(department).loginAs(DEPARTMENT_LEADER);
  await openBoard(department);
  const row = department.getByRole('listitem').filter({ has: department.getByText('住建建筑业网格', { exact: true }) });
  await expect(row).toContainText(text);
  await row.getByRole('button', { name: '通过' }).click();
  await expect(row).toContainText('已通过');
  await departmentContext.close();
});
