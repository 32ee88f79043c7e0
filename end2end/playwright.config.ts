import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot work on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3100',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'allow',
    launchOptions: chromium,
  },
  projects: [
    { name: 'ssr', testMatch: /ssr\.spec\.ts/, use: { javaScriptEnabled: false } },
    { name: 'hydrate', testMatch: /(hydrate|admin|evaluation|install|preparation|rectification|roster|sessions)\.spec\.ts/ },
    { name: 'offline', testMatch: /(activities|filings|meetings|offline|photos|progress|reports|notices|courses|assessment|scoring|stale|stats_homes|sync|trainings|update|waivers)\.spec\.ts/ },
  ],
});
