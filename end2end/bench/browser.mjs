// Browser figures for `make bench`: page load under throttling (4× CPU, 1.6 Mbps, 150 ms) and the
// offline save (tap to "已保存" at 4× CPU) beside its floor, the bare durable write. Prints one
// JSON object for scripts/bench.sh.
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3300';
const runs = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const saves = Number(process.env.BENCH_SAVES ?? 40);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function throttle(page, network) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
    });
  }
  return cdp;
}

// Notes in the page the moment its login button is enabled: the page is hydrated, its local
// data loaded, and it answers taps. Watched from inside the page, since Playwright's own
// waiting (waitForFunction) first evaluates a script of 330 KB in the page, during the very
// load it would measure (60 ms of main thread at 4× CPU).
function watchInteractive() {
  const check = () => {
    const b = document.querySelector('button[type=submit]');
    if (b && !b.disabled && window.__interactiveAt === undefined) window.__interactiveAt = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'],
  });
}

// Milliseconds from navigation start until the login button is enabled.
async function loadTime(page) {
  await page.goto(`${base}/login`, { waitUntil: 'commit' });
  const until = Date.now() + 60_000;
  for (;;) {
    const at = await page.evaluate(() => window.__interactiveAt).catch(() => undefined);
    if (at !== undefined) return at;
    if (Date.now() > until) throw new Error('the login button was never enabled');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const first = [];
const repeat = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  await context.addInitScript(watchInteractive);
  const page = await context.newPage();
  await throttle(page, true);
  first.push(await loadTime(page));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  repeat.push(await loadTime(page));
  await context.close();
}

// Offline save: logged in, directory cached, network off, CPU slowed 4×.
const context = await browser.newContext({ serviceWorkers: 'allow' });
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.waitForSelector('button[type=submit]:not([disabled])');
await page.fill('input[name=phone]', '13800000005');
await page.fill('input[name=password]', 'statgrid2026');
await page.click('button[type=submit]');
await page.waitForSelector('text=您好');
await page.click('text=记录走访');
await page.waitForSelector('select[name=enterprise] option:nth-child(2)', { state: 'attached' });
const value = await page.locator('select[name=enterprise] option').nth(1).getAttribute('value');
await page.selectOption('select[name=enterprise]', value);
await page.selectOption('select[name=purpose]', 'guidance');
await context.setOffline(true);
await throttle(page, false);
const saveTimes = [];
for (let i = 0; i < saves; i++) {
  await page.fill('textarea[name=findings]', `离线保存计时 第${i}次`);
  const elapsed = page.evaluate(() => new Promise((resolve) => {
    const button = document.querySelector('button[type=submit]');
    let t0 = 0;
    button.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) {
        for (const n of m.addedNodes) {
          if (n.nodeType === 1 && n.classList.contains('success')) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }));
  await page.click('button[type=submit]');
  saveTimes.push(await elapsed);
}

// The save's floor on this machine: the durable write alone, with no app around it. One strict
// IndexedDB transaction puts a record of the size the app writes and commits, in the same page, at
// the same 4× CPU, timed from the call to the transaction's completion.
const record = await page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('statgrid');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction(['outbox']).objectStore('outbox').getAll();
    all.onerror = () => reject(all.error);
    all.onsuccess = () => { open.result.close(); resolve(all.result.at(-1)); };
  };
}));
const floorTimes = await page.evaluate(async ([n, record]) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-floor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const times = [];
  for (let i = 0; i < n; i++) {
    // A pause like the one between two taps, so the disk is not written back to back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['records'], 'readwrite', { durability: 'strict' });
      tx.objectStore('records').put(record, `floor-${i}`);
      tx.commit(); // as the app commits its writes
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}, [saves, record]);
await browser.close();

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: s[Math.floor(s.length / 2)], p95: at(0.95), p99: at(0.99), n: s.length };
};
console.log(JSON.stringify({
  first: stats(first), repeat: stats(repeat), save: stats(saveTimes), saveFloor: stats(floorTimes),
}));
