// The city bureau sets up a township: imports enterprises, accepts a grouping, names a leader,
// and that leader finds the new grid.
import { test, expect } from '@playwright/test';
import { CITY_ADMIN as ADMIN, DONGHU_LEADER, LoginPage } from './pages';

const XILING_MEMBER = { phone: '13800000006', name: '何静' };

// GB 32100-2015 check character, to make valid unified social credit codes.
function creditCode(body17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((acc, ch, i) => acc + alphabet.indexOf(ch) * weights[i], 0);
  return body17 + alphabet[(31 - (sum % 31)) % 31];
}

test('an administrator imports a directory, accepts a grouping and assigns a leader who then sees the grid', async ({ page, browser }) => {
  await new LoginPage(page).loginAs(ADMIN);
  await page.getByRole('link', { name: '名录与网格管理' }).click();
  await expect(page.getByRole('heading', { name: '导入名录' })).toBeVisible();

  const header = '企业名称,统一社会信用代码,行业,所属网格,四上企业,小升规培育,统计人员,统计人员电话';
  const rows = Array.from({ length: 10 }, (_, i) =>
    `西岭建工${i + 1}号有限公司,${creditCode(`91339903MC${String(i + 1).padStart(7, '0')}`)},建筑业,西岭工业网格,是,否,陆小凤,1391234567${i}`);
  rows.push('坏行公司,123,建筑业,西岭工业网格,是,否,,');
  await page.getByLabel('选择文件').setInputFiles({
    name: '名录.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf-8'),
  });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/预览（尚未导入）.*新增 10/)).toBeVisible();
  await expect(page.getByText('第12行')).toBeVisible();
  await expect(page.getByText('统一社会信用代码应为18位')).toBeVisible();
  await page.getByRole('button', { name: '确认导入 10 行有效数据' }).click();
  await expect(page.getByText('已导入。')).toBeVisible();

  await page.getByRole('link', { name: '分组建议' }).click();
  await page.getByLabel('乡镇（街道）、部门或开发区').selectOption({ label: '西岭街道' });
  await page.getByRole('button', { name: '生成建议' }).click();
  await expect(page.getByRole('heading', { name: '建议 3 个企业网格' })).toBeVisible();
  await page.getByRole('button', { name: '采用此方案' }).click();
  await expect(page.getByText('已采用')).toBeVisible();

  await page.getByRole('link', { name: '人员' }).click();
  await page.getByLabel('人员').selectOption({ label: `${XILING_MEMBER.name} ${XILING_MEMBER.phone}` });
  await page.locator('select[name=grid]').selectOption({ label: '西岭街道建筑业网格1' });
  await page.getByLabel('角色').selectOption({ label: '网格长' });
  await page.getByRole('button', { name: '分配' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('cell', { name: '采用分组建议' })).toBeVisible();

  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await new LoginPage(leader).loginAs(XILING_MEMBER);
  await expect(leader.getByText('西岭街道建筑业网格1 · 网格长')).toBeVisible();
  await leader.getByRole('link', { name: '乡镇走访情况' }).click();
  // The quarter's visit coverage lists the new grid with its 10 enterprises, none visited yet.
  const row = leader.getByRole('row').filter({ hasText: '西岭街道建筑业网格1' }).first();
  await expect(row).toContainText('0 / 10');
  await leaderContext.close();
});

test('an administrator adds an enterprise, is told what is wrong, moves it and closes it', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  await page.goto('/admin/enterprises');
  await expect(page.getByRole('heading', { name: '企业', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新增企业' }).click();
  await page.getByLabel('企业名称').fill('云江新材料有限公司');
  await page.getByLabel('统一社会信用代码').fill('12345');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('统一社会信用代码应为18位');
  await expect(page.getByRole('alert')).toContainText('请选择行业');

  await page.getByLabel('统一社会信用代码').fill(creditCode('91339905ME0000001'));
  await page.getByLabel('行业').selectOption({ label: '工业' });
  await page.getByLabel('所属网格').selectOption({ label: '东湖工业一网格' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存：云江新材料有限公司');
  // The grid held 20 enterprises: saved, with a word that it now passes the documents' size.
  await expect(page.getByRole('status')).toContainText('“东湖工业一网格”现有 21 家企业');

  await page.getByLabel('名称或信用代码').fill('新材料');
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: '云江新材料有限公司' });
  await expect(row).toContainText('东湖工业一网格');
  await row.getByLabel('移到网格').selectOption({ label: '东湖工业二网格' });
  await expect(row).toContainText('东湖工业二网格');
  await row.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('status')).toContainText('已关闭：云江新材料有限公司');
  await expect(page.getByText('没有符合条件的企业')).toBeVisible();
});

test('every office page opened directly hydrates without errors', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  const panics: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') panics.push(m.text()); });
  page.on('pageerror', (e) => panics.push(e.message));
  for (const [path, button] of [
    ['/admin', '预览'], ['/admin/grids', '执行'], ['/admin/enterprises', '新增企业'],
    ['/admin/people', '分配'], ['/admin/grouping', '生成建议'], ['/admin/cadence', '保存报送节奏'],
  ]) {
    await page.goto(path);
    // Enabled only once the administration bundle has hydrated the page.
    await expect(page.getByRole('button', { name: button })).toBeEnabled();
  }
  await page.waitForLoadState('networkidle');
  expect(panics).toEqual([]);
});

test('a township leader\'s phone loads the township view without the administration screens', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  const panics: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') panics.push(m.text()); });
  page.on('pageerror', (e) => panics.push(e.message));
  const wasm: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto('/township');
  await expect(page.getByRole('heading', { name: /走访覆盖/ })).toBeVisible();
  // Another month is opened by the township bundle's router: only once it has hydrated.
  await page.getByLabel('月份').fill('2025-12');
  await expect(page).toHaveURL(/\/township\?scope=\d+&month=2025-12$/);
  await expect(page.getByLabel('月份')).toHaveValue('2025-12');
  await page.goto('/township/reports');
  await expect(page.getByRole('heading', { name: '月度汇报审核' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '未提交' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(wasm).toContain('/pkg/statgrid_township_bg.wasm');
  expect(wasm).not.toContain('/pkg/statgrid_office_bg.wasm');
  expect(panics).toEqual([]);
  // The sign-in devices are an administration page: reached by a full load.
  await page.getByRole('link', { name: '登录设备' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByRole('heading', { name: '登录设备' })).toBeVisible();
});

test('the administrator reads how the server is doing under 运行状态', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/admin/audit');
  await page.getByRole('link', { name: '运行状态' }).click();
  await expect(page).toHaveURL(/\/admin\/status$/);
  await expect(page.getByRole('heading', { name: '运行状态' })).toBeVisible();
  // Only this page's tab is marked as the current one.
  await expect(page.getByRole('link', { name: '运行状态' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: '导入名录' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/^SQLite 3\.\d+/)).toBeVisible();
  await expect(page.getByText(/^已应用 \d+ 项，最新：m\d{8}_\d{6}_[a-z_]+$/)).toBeVisible();
  await expect(page.getByText('走访记录', { exact: true })).toBeVisible();
  // The local setting is named as such, not passed off as the documents' rule.
  await expect(page.getByRole('heading', { name: '超过 7 天未联网同步的手机' })).toBeVisible();
  await expect(page.getByText(/7 天为本地设置/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('报送节奏 tells the documents\' rules from the local settings', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  await page.goto('/admin/cadence');
  await expect(page.getByRole('columnheader', { name: '宽限（天，本地设置）' })).toBeVisible();
  const row = (duty: RegExp) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: duty }) });
  await expect(row(/继续教育/).getByRole('cell').last()).toContainText('未规定学时；学时为本地设置');
  await expect(row(/网格活动/).getByRole('cell').last()).toContainText('玉环文件为“定期”，按每季度理解（本地设置）');
  await expect(row(/分析例会/).getByRole('cell').last()).toContainText('文件规定乡镇每月召开分析例会');
  // The city bureau's hours to read a major event are the city's own setting.
  await expect(row(/重大事项/).getByRole('cell').last()).toContainText('市统计局阅处时限为本地设置');
  await expect(page.getByLabel('重大事项报告要求')).toHaveValue('24');
});

test('权限一览 shows the city who may do what, and how many hold each role', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  await page.goto('/admin/audit');
  await page.getByRole('link', { name: '权限一览' }).click();
  await expect(page.getByRole('heading', { name: '权限一览' })).toBeVisible();
  const table = (kind: string) => page.locator(`h2:text-is("${kind}") + table`);
  const row = (kind: string, role: string) =>
    table(kind).getByRole('row').filter({ has: page.getByRole('cell', { name: role, exact: true }) });
  // The bureau (the city grid's instructor) administers; the vice-mayor who leads it only sees.
  await expect(row('市域', '网格指导员')).toContainText('管理全市');
  await expect(row('市域', '网格长')).not.toContainText('管理全市');
  await expect(row('市域', '网格长').getByRole('cell').nth(1)).toHaveText('1');
  // A township's 分管领导 reviews, its deputies (the work-area heads) do not.
  await expect(row('乡镇/街道', '网格指导员')).toContainText('审核汇报');
  await expect(row('乡镇/街道', '副网格长')).not.toContainText('审核汇报');
  // Its 经发办 staff record the monthly analysis meeting; the work-area heads do not.
  await expect(row('乡镇/街道', '网格员')).toContainText('记录月度分析例会');
  await expect(row('乡镇/街道', '网格员').getByRole('cell').nth(1)).toHaveText('1');
  await expect(row('乡镇/街道', '副网格长')).not.toContainText('记录月度分析例会');
  await expect(row('企业网格', '网格员')).toContainText('参加继续教育');
});

test('报送节奏 adds a fixed-date stage of its own, removes a rule and keeps both once saved', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  await page.goto('/admin/cadence');
  const save = page.getByRole('button', { name: '保存报送节奏' });
  await expect(save).toBeEnabled();
  // Guangxi's preset brings its reform reports with their days (004 §五, §七), the summary
  // stage's with its window.
  await page.getByRole('button', { name: '改用广西（改革试点）方案' }).click();
  await expect(page.getByLabel('试点工作推进情况总结报送日期')).toHaveValue('07-15、09-15、12-10');
  await expect(page.getByLabel('改革工作总结报送日期')).toHaveValue('12-01至12-10');
  await page.getByRole('button', { name: '改用玉环市方案' }).click();

  await page.getByLabel('添加事项').selectOption({ label: '固定日期报送（自定名称和日期）' });
  await page.getByLabel('报送事项名称').fill('统计工作进展情况');
  await page.getByLabel('报送事项名称').press('Tab');
  const dates = page.getByLabel('统计工作进展情况报送日期');
  await dates.fill('7-15');
  await dates.press('Tab');
  await expect(page.getByRole('alert')).toContainText('日期请写成“月-日”');
  // A stage is one window: its first day and its deadline.
  await dates.fill('11-20至11-30');
  await dates.press('Tab');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('统计工作进展情况报送网格').selectOption({ label: '乡镇/街道' });
  await page.getByRole('button', { name: '删除季度网格活动' }).click();
  await save.click();
  await expect(page.getByRole('status')).toContainText('已保存');

  await page.reload();
  await expect(page.getByLabel('统计工作进展情况报送日期')).toHaveValue('11-20至11-30');
  await expect(page.getByLabel('统计工作进展情况报送网格')).toHaveValue('township');
  await expect(page.getByRole('button', { name: '删除季度网格活动' })).toHaveCount(0);
  // Once added, a kind is not offered again; a fixed-date report of another name still is.
  const offered = page.getByLabel('添加事项').locator('option');
  await expect(offered).toContainText(['选择要添加的事项', '季度网格活动', '固定日期报送（自定名称和日期）']);
});
