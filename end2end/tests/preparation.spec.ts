// 筹备阶段 (001 §四(一)): a township marks its working rules issued in the township view; a mark
// with no document is refused in words and keeps what was typed; the verdict shows at once and
// survives a reload.
// e2e-server-env: STATGRID_CLOCK_START=2026-03-25T10:00:00+08:00
import { test, expect } from '@playwright/test';
import { DONGHU_LEADER, LoginPage } from './pages';

test('a township marks its working rules issued by the end of March', async ({ page }) => {
  await new LoginPage(page).loginAs(DONGHU_LEADER);
  await page.goto('/township');
  const stage = page.locator('section.preparation');
  await expect(stage.getByRole('heading', { name: '东湖镇 2026年准备实施和具体操作阶段（3—4月）' })).toBeVisible();
  const grids = stage.getByRole('row').filter({ hasText: '完成四级网格划分' });
  await expect(grids).toContainText('企业网格 3 个，2 个尚无网格长');
  const rules = stage.getByRole('row').filter({ hasText: '出台网格化工作细则' });
  await expect(rules).toContainText('待完成');

  await rules.getByText('标记完成').click();
  await rules.getByLabel('完成日期').fill('2026-03-18');
  const save = rules.getByRole('button', { name: '保存' });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(stage.getByRole('alert')).toContainText('请填写所出台文件的名称');
  await expect(rules.getByLabel('完成日期')).toHaveValue('2026-03-18');

  await rules.getByLabel('所出台文件名称').fill('关于印发东湖镇统计网格化工作细则的通知');
  await save.click();
  await expect(rules).toContainText('按时完成');
  await expect(rules).toContainText('《关于印发东湖镇统计网格化工作细则的通知》');
  await page.reload();
  await expect(stage.getByRole('row').filter({ hasText: '出台网格化工作细则' })).toContainText('2026-03-18');
});
