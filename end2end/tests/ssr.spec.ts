// Without JavaScript: the server renders the app shell, and the PWA files are served.
import { test, expect } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';

test('the home page is rendered on the server in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: '统计网格' })).toBeVisible();
  await expect(page.getByText('正在加载…')).toBeVisible();
});

test('the login form is rendered and waits for the app before it can be sent', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('手机号')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录' })).toBeDisabled();
});

test('the manifest makes the app installable', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.ok()).toBeTruthy();
  const manifest = await response.json();
  expect(manifest.short_name).toBe('统计网格');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  for (const icon of manifest.icons) {
    expect((await request.get(icon.src)).ok()).toBeTruthy();
  }
});

test('the service worker is served uncached with this build in its precache list', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.ok()).toBeTruthy();
  expect(response.headers()['cache-control']).toBe('no-cache');
  const script = await response.text();
  expect(script).toContain('/pkg/statgrid_bg.wasm');
  expect(script).not.toContain('__STATGRID_VERSION__');
});

test('health answers with the database kind', async ({ request }) => {
  const body = await (await request.get('/healthz')).json();
  expect(body).toEqual({ status: 'ok', database: 'sqlite' });
});

test('the bundle is sent as the size check measures it: the build\'s brotli and gzip files', async ({ request }) => {
  const site = process.env.SITE ?? '../target/site';
  // The sync engine's split too, fetched by the first sync.
  const split = readdirSync(`${site}/pkg/statgrid.split`)
    .filter((name) => name.endsWith('.wasm') || name.endsWith('.js'))
    .map((name) => `statgrid.split/${name}`);
  expect(split.length).toBeGreaterThan(1);
  for (const file of ['statgrid_bg.wasm', 'statgrid.js', 'statgrid.css', ...split]) {
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      const response = await request.get(`/pkg/${file}`, { headers: { 'accept-encoding': encoding } });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-encoding']).toBe(encoding);
      // WebAssembly.instantiateStreaming takes nothing else.
      if (file.endsWith('.wasm')) expect(response.headers()['content-type']).toBe('application/wasm');
      const sent = Number(response.headers()['content-length']);
      expect(sent, `${file} ${encoding}`).toBe(statSync(`${site}/pkg/${file}${suffix}`).size);
    }
  }
  // Without an encoding the browser accepts, the file as it is.
  const plain = await request.get('/pkg/statgrid.css', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(Number(plain.headers()['content-length'])).toBe(statSync(`${site}/pkg/statgrid.css`).size);
});
