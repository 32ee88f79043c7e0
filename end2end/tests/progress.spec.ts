// Fixed-date progress reports (004 §七): the city bureau (standing for a county's) asks itself
// for a report due today and one due a month ago, writes today's on the phone with no network,
// and once it syncs the review board shows today's deadline 按时完成 and last month's 逾期未完成,
// then 逾期完成 once that report comes in late; the report is read there with the photograph of
// the document it names.
import { test, expect, type Page } from '@playwright/test';
import { CITY_ADMIN, LoginPage, RecordsPage, noisyBmp, serviceWorkerReady, syncedOnce, unsyncedBadge } from './pages';

const REPORT = '改革试点推进情况总结';

/** A day as Beijing writes it, `YYYY-MM-DD`. */
function beijing(at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

async function askForReports(page: Page, dates: string[]) {
  await page.goto('/admin/cadence');
  const save = page.getByRole('button', { name: '保存报送节奏' });
  await expect(save).toBeEnabled();
  await page.getByLabel('添加事项').selectOption({ label: '固定日期报送（自定名称和日期）' });
  await page.getByLabel('报送事项名称').fill(REPORT);
  await page.getByLabel('报送事项名称').press('Tab');
  const days = page.getByLabel(`${REPORT}报送日期`);
  await days.fill(dates.map((d) => d.slice(5)).join('、'));
  await days.press('Tab');
  await page.getByLabel(`${REPORT}报送网格`).selectOption({ label: '市域' });
  await save.click();
  await expect(page.getByRole('status')).toContainText('已保存');
}

async function fillReport(page: Page, progress: string) {
  await page.getByLabel('工作推进情况').fill(progress);
  await page.getByLabel('存在问题和意见建议').fill('部分乡镇统计人员不足');
  await page.getByLabel('出台的相关文件').fill('关于印发统计管理体制改革实施方案的通知');
}

test('the bureau files a fixed-date report offline and the board shows on time, overdue and late', async ({ page, context }) => {
  const today = beijing(Date.now());
  const lastMonth = beijing(Date.now() - 30 * 86_400_000);
  await new LoginPage(page).loginAs(CITY_ADMIN);
  await askForReports(page, [lastMonth, today]);

  await page.goto('/');
  await serviceWorkerReady(page);
  await syncedOnce(page);
  // The last sync may predate the new policy: the offer comes with the next directory.
  const offer = page.getByRole('link', { name: '阶段进展报告' });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await context.setOffline(true);
  await offer.click();
  await expect(page.getByRole('heading', { name: '阶段进展报告' })).toBeVisible();
  const save = page.getByRole('button', { name: '保存报告' });
  await expect(save).toBeEnabled();
  // The deadline not yet passed is offered first.
  const deadline = page.getByLabel('所报事项及截止日期');
  await expect(deadline.locator('option:checked')).toHaveText(`${REPORT}（${today}前）`);
  const progress = `改革方案已印发，动员部署已完成 ${Date.now()}`;
  await page.getByLabel('工作推进情况').fill(progress);
  await save.click();
  await expect(page.getByText('请填写存在问题和意见建议')).toBeVisible();
  await fillReport(page, progress);
  // The document issued, photographed: kept on the phone with the report.
  await page.getByLabel(/^照片/).setInputFiles({ name: 'scan.bmp', mimeType: 'image/bmp', buffer: noisyBmp(320, 240) });
  await expect(page.locator('form img.thumb')).toHaveCount(1);
  await save.click();

  // 我的记录 (a full load, offline): pending, and kept through a reload.
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  await page.reload();
  const item = new RecordsPage(page).record(progress);
  await expect(item).toContainText('待同步');
  await expect(item).toContainText(`${REPORT}（${today}前）`);
  await context.setOffline(false);
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });

  const board = async () => {
    await page.goto('/township/reports');
    await expect(page.getByRole('heading', { name: '固定日期报送情况' })).toBeVisible();
    return (day: string) => page.locator('table.deadlines tr').filter({ hasText: day });
  };
  let row = await board();
  await expect(row(today)).toContainText('按时完成');
  await expect(row(today)).toContainText(REPORT);
  await expect(row(lastMonth)).toContainText('逾期未完成');
  // The report is read on the board, with the photographed document.
  await row(today).getByText('阅读报告').click();
  await expect(row(today)).toContainText(progress);
  await expect(row(today).locator('img.thumb')).toHaveCount(1);

  // Last month's report, sent now, is late.
  await page.goto('/progress/new');
  await expect(save).toBeEnabled();
  await deadline.selectOption({ label: `${REPORT}（${lastMonth}前）` });
  const late = `上月推进情况 ${Date.now()}`;
  await fillReport(page, late);
  await save.click();
  await expect(page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  // This record's own state: the badge may still read 全部已同步 from before it was saved.
  await expect(new RecordsPage(page).record(late)).toContainText('已同步', { timeout: 30_000 });
  await expect(unsyncedBadge(page)).toHaveText('全部已同步', { timeout: 30_000 });
  row = await board();
  await expect(row(lastMonth)).toContainText('逾期完成');
  await expect(row(lastMonth)).toContainText(today);
});
