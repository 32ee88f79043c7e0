// Page objects: what a grid member or leader does, found by role and label as they see it.
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'statgrid2026';
export const MEMBER = { phone: '13800000005', name: '李娜' };
export const DONGHU_LEADER = { phone: '13800000002', name: '陈晓岚' };
export const GRID_LEADER = { phone: '13800000004', name: '王建华' };
export const WORK_AREA_LEADER = { phone: '13800000010', name: '林海' };
export const CITY_ADMIN = { phone: '13800000001', name: '周明远' };
/** 青山县's inspector in the standardization look-back: no role in the grid. */
export const COUNTY_INSPECTOR = { phone: '13800000015', name: '马骏' };

/** Opens an enterprise grid's visits of the month on the township view (listed on request). */
export async function showGridVisits(page: Page, grid: string) {
  await page
    .locator('section.grid-visits')
    .filter({ has: page.getByRole('heading', { name: grid, exact: true }) })
    .getByRole('button', { name: /查看走访明细/ })
    .click();
}

export class LoginPage {
  constructor(private page: Page) {}

  async login(phone: string, password = PASSWORD) {
    await this.page.goto('/login');
    const submit = this.page.getByRole('button', { name: '登录' });
    await expect(submit).toBeEnabled(); // hydrated
    await this.page.getByLabel('手机号').fill(phone);
    await this.page.getByLabel('密码').fill(password);
    await submit.click();
  }

  async loginAs(user: { phone: string; name: string }) {
    await this.login(user.phone);
    await expect(this.page.getByRole('heading', { name: `您好，${user.name}` })).toBeVisible();
  }
}

export class VisitForm {
  constructor(private page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: '记录走访' }).click();
    await expect(this.page.getByRole('heading', { name: '记录走访' })).toBeVisible();
  }

  /** Picks the first enterprise of the cached directory and returns its name. */
  async fill(findings: string, purpose = '数据质量核查'): Promise<string> {
    const picker = this.page.getByLabel('走访企业');
    await expect(picker.locator('option')).not.toHaveCount(1);
    const first = picker.locator('option').nth(1);
    const value = await first.getAttribute('value');
    const label = (await first.textContent()) ?? '';
    await picker.selectOption(value!);
    await this.page.getByLabel('走访目的').selectOption({ label: purpose });
    await this.page.getByLabel('走访情况').fill(findings);
    return label.split(' · ')[0];
  }

  async save() {
    await this.page.getByRole('button', { name: '保存' }).click();
  }
}

export class RecordsPage {
  constructor(private page: Page) {}

  record(findings: string) {
    return this.page.getByRole('listitem').filter({ hasText: findings });
  }

  async open() {
    await this.page.goto('/records');
    await expect(this.page.getByRole('heading', { name: '我的记录' })).toBeVisible();
  }
}

export function unsyncedBadge(page: Page) {
  return page.getByTestId('unsynced');
}

/** Waits until the phone has synced once since login, so the directory is kept for offline use. */
export async function syncedOnce(page: Page) {
  await expect(page.getByText(/^上次同步 /)).toBeVisible({ timeout: 30_000 });
}

/** Waits until the service worker controls the page, so the app opens with no network. */
export async function serviceWorkerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit is not yet controlled by the worker; a reload hands it over.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export const GRID_DEPUTY = { phone: '13800000007', name: '赵敏' };
/** 东湖镇's 经发办 statistician, a member of the township grid. */
export const TOWNSHIP_STAFF = { phone: '13800000013', name: '刘芳' };
/** 东湖镇's 分管领导, the township grid's 网格指导员. */
export const FENGUAN_LEADER = { phone: '13800000011', name: '许文斌' };

/** A 24-bit BMP of `width` × `height` noisy pixels: a camera-sized picture that JPEG cannot
 * squeeze easily, so the phone has to shrink it in earnest. */
export function noisyBmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const bmp = Buffer.alloc(size);
  bmp.write('BM', 0);
  bmp.writeUInt32LE(size, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(row * height, 34);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const at = 54 + y * row + x * 3;
      bmp[at] = (x + (seed & 63)) & 255;
      bmp[at + 1] = (y + ((seed >> 6) & 63)) & 255;
      bmp[at + 2] = (seed >> 12) & 255;
    }
  }
  return bmp;
}
