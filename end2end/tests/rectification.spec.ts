// 整改: the items an inspection took points off come back to the township, which closes them on
// the office page with a note and a photo of the evidence; the bureau sees what is still open.
// 评价材料: the township sends its look-back questionnaire and summary report there too.
import { test, expect } from '@playwright/test';
import { CITY_ADMIN, DONGHU_LEADER, LoginPage, noisyBmp } from './pages';

const XILING_LEADER = { phone: '13800000003', name: '郑雅' };

/** The id every phone makes for a sheet: campaign, "SG", 0x80 | role, "E", 0x80, "VAL", unit. */
function sheetId(campaign: number, unit: number, role: number): string {
  const b = new Uint8Array(16);
  new DataView(b.buffer).setInt32(0, campaign);
  b.set([0x53, 0x47, 0x80 | role, 0x45, 0x80, 0x56, 0x41, 0x4c], 4);
  new DataView(b.buffer).setInt32(12, unit);
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

test('a township closes its rectification tasks with a note and a photo, and the bureau sees none open', async ({ browser, baseURL }) => {
  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await new LoginPage(bureau).loginAs(CITY_ADMIN);
  await bureau.goto('/admin/evaluation');
  const name = `整改 ${Date.now()}`;
  await bureau.getByLabel('评价名称').fill(name);
  await bureau.getByLabel('评价范围（市或县的区划代码）').fill('990100');
  await bureau.getByRole('button', { name: '新建' }).click();
  await expect(bureau.getByRole('heading', { name })).toBeVisible();
  const campaign = Number(new URL(bureau.url()).searchParams.get('id'));
  for (const [person, role] of [[XILING_LEADER, '检查评分'], [DONGHU_LEADER, '自评']] as const) {
    await bureau.locator('select[name="unit"]').selectOption({ label: '云江市东湖镇' });
    await bureau.getByLabel('手机号').fill(person.phone);
    await bureau.locator('select[name="role"]').selectOption({ label: role });
    await bureau.getByRole('button', { name: '分配' }).click();
    await expect(bureau.locator('ul.assignments li').filter({ hasText: person.name })).toContainText(role);
  }

  // The inspection, as the inspector's phone sends it: one item loses 1.5 points.
  const inspectorContext = await browser.newContext();
  const inspector = inspectorContext.request;
  expect((await inspector.post('/api/v1/auth/login', { data: { phone: XILING_LEADER.phone, password: 'statgrid2026' } })).ok()).toBeTruthy();
  const sheets = await (await inspector.get('/api/v1/evaluation/mine')).json();
  const sheet = sheets.find((s: { campaign_id: number }) => s.campaign_id === campaign);
  const [first, second] = sheet.template.aspects.flatMap((a: { items: { id: string; points: number }[] }) => a.items);
  const batch = {
    protocol: 1,
    records: [{
      id: sheetId(campaign, sheet.unit_id, 0), kind: 'score_sheet', version: 1, device_time_ms: Date.now(),
      payload: {
        campaign_id: campaign, unit_id: sheet.unit_id, role: 'inspection', scored_on: '2026-01-01',
        marks: [
          { item: first.id, points: first.points, done: true },
          { item: second.id, points: second.points - 15, note: '分析报告只有一篇', done: true },
        ],
      },
    }],
  };
  const pushed = await (await inspector.post('/api/v1/sync/push', { data: batch, headers: { Origin: new URL(baseURL!).origin } })).json();
  expect(pushed.results[0].status).toBe('accepted');
  await bureau.reload();
  await expect(bureau.locator('p.rectification')).toHaveText('整改事项共 1 项（1 个单位），已完成 0 项，未完成 1 项。');

  // The township's leader follows 整改事项 from her phone's list of sheets.
  const townContext = await browser.newContext();
  const town = await townContext.newPage();
  await new LoginPage(town).loginAs(DONGHU_LEADER);
  await town.goto('/evaluation');
  await town.getByRole('link', { name: '整改事项' }).click();
  await expect(town.getByRole('heading', { name: '整改事项' })).toBeVisible();
  const task = town.locator('li.task');
  await expect(task).toHaveCount(1);
  await expect(task).toContainText('扣 1.5 分。分析报告只有一篇');
  await expect(task).toContainText('未整改');
  await task.getByRole('button', { name: '标记已整改' }).click();
  await expect(town.getByRole('alert')).toContainText('请填写整改情况');
  await task.getByLabel('整改情况').fill('已补写分析报告三篇，报镇党委审阅');
  await task.getByLabel('佐证照片').setInputFiles({ name: 'report.bmp', mimeType: 'image/bmp', buffer: noisyBmp(320, 240) });
  await expect(task.locator('img.thumb')).toHaveCount(1);
  await task.getByRole('button', { name: '标记已整改' }).click();
  await expect(town.getByRole('status').filter({ hasText: '已保存整改情况' })).toBeVisible();
  await expect(task).toContainText(`已整改（${DONGHU_LEADER.name}`);

  // Kept: after a reload the note and the photo are there.
  await town.reload();
  await expect(task).toContainText(`已整改（${DONGHU_LEADER.name}`);
  await expect(task.getByLabel('整改情况')).toHaveValue('已补写分析报告三篇，报镇党委审阅');
  await expect(task.locator('img.thumb')).toHaveCount(1);

  // The bureau's board has nothing open; the review shows how the task was closed.
  await bureau.reload();
  await expect(bureau.locator('p.rectification')).toHaveText('整改事项共 1 项（1 个单位），已完成 1 项，未完成 0 项。');
  await expect(bureau.getByRole('cell', { name: /云江市东湖镇/ })).toContainText('整改 1/1 项已完成');
  await bureau.getByRole('link', { name: '云江市东湖镇' }).click();
  const closed = bureau.locator('ol.shortfalls li');
  await expect(closed).toContainText('已补写分析报告三篇，报镇党委审阅');
  await expect(closed.locator('img.thumb')).toBeVisible();

  // Not convinced, the bureau sends it back with its reason; the township sees why and the
  // task is open again until it is closed anew.
  await closed.getByRole('button', { name: '退回整改' }).click();
  await expect(bureau.getByRole('alert')).toContainText('请填写退回理由');
  await closed.getByLabel('退回理由').fill('未见报镇党委审阅的记录');
  await closed.getByRole('button', { name: '退回整改' }).click();
  await expect(bureau.getByRole('status').filter({ hasText: '已退回，该单位需重新整改' })).toBeVisible();
  await expect(closed).toContainText(`已退回（${CITY_ADMIN.name}`);
  await expect(closed.getByRole('button', { name: '退回整改' })).toHaveCount(0);
  await town.reload();
  await expect(task).toContainText('未见报镇党委审阅的记录');
  await task.getByLabel('整改情况').fill('已补写分析报告三篇，附镇党委审阅签字页');
  await task.getByRole('button', { name: '重新提交整改' }).click();
  await expect(task).toContainText(`已整改（${DONGHU_LEADER.name}`);
  await expect(task).not.toContainText('已退回');
  await townContext.close();
  await inspectorContext.close();
  await bureauContext.close();
});

test('a township sends its look-back questionnaire and summary report, and the bureau sees them sent', async ({ browser }) => {
  const bureauContext = await browser.newContext();
  const bureau = await bureauContext.newPage();
  await new LoginPage(bureau).loginAs(CITY_ADMIN);
  await bureau.goto('/admin/evaluation');
  const name = `回头看材料 ${Date.now()}`;
  await bureau.getByLabel('评价名称').fill(name);
  await bureau.locator('select[name="kind"]').selectOption({ label: '“回头看”检查（晋中）' });
  await bureau.getByLabel('评价范围（市或县的区划代码）').fill('990100');
  await bureau.getByRole('button', { name: '新建' }).click();
  await expect(bureau.getByRole('heading', { name })).toBeVisible();
  await bureau.locator('select[name="unit"]').selectOption({ label: '云江市东湖镇' });
  await bureau.getByLabel('手机号').fill(DONGHU_LEADER.phone);
  await bureau.locator('select[name="role"]').selectOption({ label: '自评' });
  await bureau.getByRole('button', { name: '分配' }).click();
  await expect(bureau.locator('ul.assignments li')).toContainText(`云江市东湖镇 · 自评 · ${DONGHU_LEADER.name}`);

  const townContext = await browser.newContext();
  const town = await townContext.newPage();
  await new LoginPage(town).loginAs(DONGHU_LEADER);
  await town.goto('/evaluation');
  await town.getByRole('link', { name: '评价材料' }).click();
  await expect(town.getByRole('heading', { name: '评价材料' })).toBeVisible();
  const unit = town.locator('section').filter({ hasText: name });
  const questionnaire = unit.locator('form.questionnaire').last();
  await questionnaire.getByLabel('是否设立独立的统计机构').selectOption('是');
  await questionnaire.getByLabel('专职统计人员人数').fill('三');
  await questionnaire.getByRole('button', { name: '提交问卷' }).click();
  await expect(town.getByRole('alert')).toContainText('“专职统计人员人数”应填 0 至 500 之间的整数');
  await questionnaire.getByLabel('专职统计人员人数').fill('3');
  await questionnaire.getByLabel('统计工作经费是否列入财政预算').selectOption('否');
  await questionnaire.getByLabel('联网直报设备及网络是否满足需要').selectOption('基本满足');
  await questionnaire.getByLabel('本年度参加统计培训次数').fill('4');
  await questionnaire.getByLabel('规范化建设中遇到的主要困难').fill('人员流动大');
  await questionnaire.getByRole('button', { name: '提交问卷' }).click();
  await expect(town.getByRole('status').filter({ hasText: '已提交，市统计局可以看到' })).toBeVisible();

  const report = unit.locator('form.report').last();
  await report.getByLabel('经验亮点').fill('建立了企业统计台账');
  await report.getByLabel('存在问题').fill('专职人员不足');
  await report.getByLabel('意见建议').fill('加强业务培训');
  await report.getByLabel('下一步工作打算').fill('完善统计制度');
  await report.getByRole('button', { name: '提交总结报告' }).click();
  await expect(town.locator('h3').filter({ hasText: '总结报告' }).last()).toContainText(`已提交（${DONGHU_LEADER.name}`);

  // Kept: after a reload the answers are there.
  await town.reload();
  await expect(unit.locator('form.questionnaire').last().getByLabel('专职统计人员人数')).toHaveValue('3');
  await expect(unit.locator('form.report').last().getByLabel('存在问题')).toHaveValue('专职人员不足');

  await bureau.reload();
  await expect(bureau.getByRole('cell', { name: /云江市东湖镇/ })).toContainText(`调查问卷：已提交（${DONGHU_LEADER.name}`);
  await expect(bureau.getByRole('cell', { name: /云江市西岭街道/ })).toContainText('总结报告：未提交');
  await townContext.close();
  await bureauContext.close();
});
