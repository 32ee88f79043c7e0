// The city bureau imports the divisions, plans a look-back over a city's counties and
// townships, and draws the city's sample from a recorded seed.
import { test, expect } from '@playwright/test';
import { CITY_ADMIN as ADMIN, LoginPage } from './pages';

const DIVISIONS = [
  '区划代码,区划名称,简称',
  '140700,晋中市,',
  '140702,榆次区,', '140702001,锦纶街道,', '140702100,乌金山镇,',
  '140724,昔阳县,', '140724100,乐平镇,', '140724101,皋落镇,',
  '140724999001,某村,',
].join('\r\n');

test('the bureau imports divisions, plans a look-back and draws its sample', async ({ page }) => {
  await new LoginPage(page).loginAs(ADMIN);
  await page.goto('/admin');
  await page.getByLabel('文件内容').selectOption({ label: '行政区划（区划代码、区划名称、简称）' });
  await page.getByLabel('选择文件').setInputFiles({
    name: '区划.csv', mimeType: 'text/csv', buffer: Buffer.from(DIVISIONS, 'utf-8'),
  });
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/预览（尚未导入）.*新增 7/)).toBeVisible();
  await expect(page.getByText('第9行')).toBeVisible();
  await expect(page.getByText(/应以 000 结尾/)).toBeVisible();
  await page.getByRole('button', { name: '确认导入 7 行有效数据' }).click();
  await expect(page.getByText('已导入。')).toBeVisible();

  await page.getByRole('link', { name: '行政区划' }).click();
  await expect(page.getByText('共 21 个区划')).toBeVisible();
  const rows = page.locator('table.divisions tbody tr');
  await expect(rows.first()).toContainText('晋中市');
  await expect(rows.nth(2)).toContainText('锦纶街道');

  await page.getByRole('link', { name: '规范化建设评价' }).click();
  await expect(page.getByText('尚未开展评价。')).toBeVisible();
  await page.getByLabel('评价名称').fill('2026年规范化建设“回头看”');
  await expect(page.getByLabel('年度')).toHaveValue(String(new Date().getFullYear()));
  await page.getByLabel('年度').fill('2026');
  await page.getByLabel('评价范围（市或县的区划代码）').fill('1407');
  await page.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('alert')).toContainText('区划代码应为 6 位');
  await page.getByLabel('评价范围（市或县的区划代码）').fill('140700');
  await page.getByRole('button', { name: '新建' }).click();

  await expect(page.getByRole('heading', { name: '2026年规范化建设“回头看”' })).toBeVisible();
  await expect(page.getByText('共 6 个单位')).toBeVisible();
  await expect(page.getByRole('cell', { name: '昔阳县乐平镇' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '材料报送' })).toBeVisible();
  await expect(page.getByText('（分值为本地设置，可调整）').first()).toBeVisible();
  await page.getByRole('button', { name: '抽取样本' }).click();
  await expect(page.getByRole('status').filter({ hasText: /抽样种子：\d+，抽中 2 个县、4 个乡镇/ })).toBeVisible();
  await expect(page.getByText('已用记录的种子重新抽取核对：结果一致。')).toBeVisible();
  await expect(page.getByRole('button', { name: '抽取样本' })).toHaveCount(0);

  // The totals from the sheets, and the notice they make, by grade and city.
  await page.getByLabel('榆次区锦纶街道总分').fill('93.5');
  await page.getByLabel('昔阳县乐平镇总分').fill('86');
  await page.getByLabel('昔阳县皋落镇总分').fill('101');
  await page.getByRole('button', { name: '保存总分' }).click();
  await expect(page.getByRole('alert')).toContainText('“昔阳县皋落镇”的总分应为 0 至 100 之间的数字');
  await page.getByLabel('昔阳县皋落镇总分').fill('');
  await page.getByRole('button', { name: '保存总分' }).click();
  await expect(page.getByText('已保存总分')).toBeVisible();
  await expect(page.getByText('共评价2个单位，平均分数为89.8分。')).toBeVisible();
  await page.getByRole('link', { name: '评价结果通报' }).click();
  await expect(page.getByRole('heading', { name: '（一）优秀（90分及以上）' })).toBeVisible();
  await expect(page.getByText('晋中市（1个）：榆次区锦纶街道')).toBeVisible();
  await expect(page.getByText('晋中市（1个）：昔阳县乐平镇')).toBeVisible();
  await expect(page.getByText('另有 4 个单位尚未评分，未列入通报。')).toBeVisible();
  await page.getByRole('link', { name: '返回评价' }).click();

  await page.getByRole('link', { name: '返回评价列表' }).click();
  await expect(page.getByRole('row').filter({ hasText: '2026年规范化建设“回头看”' })).toContainText('已抽样');
});
