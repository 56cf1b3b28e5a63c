// Page-load benchmark for scripts/bench (not a test): the demo page with the widget against a plain HTML page with
// an equivalent static form (the floor), in headless Chromium with 4x CPU throttling and a slow mobile network,
// each in a fresh browser context (empty cache), RUNS times. Prints one JSON line; writes every run to OUT.
//
// Times are from navigation start, read in the page (performance.now()):
//   widget interactive: the first focusable control (button, input, textarea, select, a[href]) is present in the
//     widget's shadow root, i.e. the campaign has loaded and rendered and can be used;
//   script tag: when the browser started fetching voix.js (its resource timing startTime), so that
//     "script -> interactive" is the widget's own cost on top of the page;
//   floor interactive: the static form's submit button is present and the document has parsed (DOMContentLoaded).
import { writeFile } from 'node:fs/promises';
import { startVoix, launchBrowser, startPartnerSite } from '../lib/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const OUT = process.env.OUT ?? 'page-load.json';
// Lighthouse's mobile profile ("Slow 4G" in its simulated throttling): 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_RATE = 4;

const FLOOR = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static form</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<h1>Stop Bill C-22</h1><p>Write to your MP and sign the petition.</p>
<form method="post" action="/sign">
  <label>First name <input name="first_name" autocomplete="given-name" required></label>
  <label>Last name <input name="last_name" autocomplete="family-name" required></label>
  <label>Email <input name="email" type="email" autocomplete="email" required></label>
  <label>Postal code <input name="postal_code" autocomplete="postal-code" required></label>
  <label><input type="checkbox" name="consent"> Keep me informed</label>
  <button type="submit">Sign</button>
</form></body></html>`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  return { context, page };
}

async function widgetRun(browser, url) {
  const { context, page } = await throttledPage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  const interactive = await page.waitForFunction(() => {
    for (const host of document.querySelectorAll('voix-campaign, [data-voix]')) {
      if (host.shadowRoot?.querySelector('button, input, textarea, select, a[href]')) return performance.now();
    }
    return false;
  }, null, { polling: 'raf', timeout: 60_000 });
  const ms = await interactive.jsonValue();
  const script = await page.evaluate(() =>
    performance.getEntriesByType('resource').find((e) => e.name.includes('/voix/voix.js'))?.startTime ?? null);
  // What the browser really fetched of the bundle (compressed bytes on the wire) before the widget was interactive,
  // and what it fetched of it at all by then (chunks are fetched only when a part is opened).
  const bundle = await page.evaluate((interactiveMs) => {
    const files = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/voix/'));
    const before = files.filter((e) => e.responseEnd <= interactiveMs);
    return {
      bytes: before.reduce((sum, e) => sum + e.encodedBodySize, 0),
      files: before.map((e) => new URL(e.name).pathname.slice('/voix/'.length)),
    };
  }, ms);
  await context.close();
  return {
    interactive_ms: ms, script_ms: script, script_to_interactive_ms: script === null ? null : ms - script,
    bundle_bytes_before_interactive: bundle.bytes, bundle_files_before_interactive: bundle.files,
  };
}

async function floorRun(browser, url) {
  const { context, page } = await throttledPage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.waitForFunction(() =>
    document.readyState !== 'loading' && document.querySelector('form button') ? performance.now() : false,
  null, { polling: 'raf', timeout: 60_000 });
  const ms = await ready.jsonValue();
  await context.close();
  return { interactive_ms: ms };
}

const voix = await startVoix();
const site = await startPartnerSite({ '/floor.html': FLOOR });
const browser = await launchBrowser();
const widget = [];
const floor = [];
try {
  // One unmeasured run of each warms the server (and the OS file cache), not the browser: contexts start empty.
  await widgetRun(browser, `${voix.origin}/`);
  await floorRun(browser, `${site.origin}/floor.html`);
  for (let i = 0; i < RUNS; i++) {
    widget.push(await widgetRun(browser, `${voix.origin}/`));
    floor.push(await floorRun(browser, `${site.origin}/floor.html`));
  }
} finally {
  await browser.close();
  await site.stop();
  await voix.stop();
}
const result = {
  runs: RUNS,
  cpu_throttling: CPU_RATE,
  network: NETWORK,
  widget_interactive_ms: median(widget.map((r) => r.interactive_ms)),
  script_to_interactive_ms: median(widget.map((r) => r.script_to_interactive_ms).filter((v) => v !== null)),
  floor_interactive_ms: median(floor.map((r) => r.interactive_ms)),
  bundle_bytes_before_interactive: median(widget.map((r) => r.bundle_bytes_before_interactive)),
};
result.ratio = result.widget_interactive_ms / result.floor_interactive_ms;
await writeFile(OUT, JSON.stringify({ ...result, widget_runs: widget, floor_runs: floor }, null, 2));
console.log(JSON.stringify(result));
