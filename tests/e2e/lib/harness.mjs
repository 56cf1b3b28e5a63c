// Shared set-up for the browser specs: a real `voix serve` on a free loopback port (fresh SQLite, a temp copy of
// the example campaigns whose demo partner lists this run's origins), and Debian's Chromium through Playwright.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { mkdtemp, mkdir, readdir, readFile, writeFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
// scripts/lib/env.sh keeps compiled artifacts outside the clone and says where in CARGO_TARGET_DIR.
const VOIX = process.env.VOIX_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'voix');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Copies campaigns/ to a temp dir, letting the demo partner embed from this run's origins, and adds a
 *  second campaign (sections layout) so two different campaigns can share a page. */
async function prepareCampaigns(dir, port, extraOrigins, editCampaign) {
  const source = join(ROOT, 'campaigns');
  for (const name of await readdir(source)) {
    if (!name.endsWith('.json')) continue;
    if (name === 'glossary.json') {
      // The coalition's shared glossary, served at /glossary.json: not a campaign.
      await writeFile(join(dir, name), await readFile(join(source, name), 'utf8'));
      continue;
    }
    const campaign = JSON.parse(await readFile(join(source, name), 'utf8'));
    for (const partner of campaign.partners ?? []) {
      if (partner.id === 'demo') {
        partner.origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...extraOrigins];
      }
    }
    editCampaign?.(campaign);
    await writeFile(join(dir, name), JSON.stringify(campaign, null, 2));
    if (campaign.id === 'lawful-access') {
      const second = { ...campaign, id: 'lawful-access-sections', theme: { ...campaign.theme, layout: 'sections' } };
      await writeFile(join(dir, 'lawful-access-sections.json'), JSON.stringify(second, null, 2));
    }
  }
}

/** Starts `voix serve`; resolves once /healthz answers. `extraOrigins` are added to the demo partner's origins;
 *  `editCampaign(campaign)` and `editData(data)` change this run's copies of the campaigns and the riding data. */
export async function startVoix({ extraOrigins = [], editCampaign, editData, serveArgs = [] } = {}) {
  const port = await freePort();
  const work = await mkdtemp(join(tmpdir(), 'voix-e2e-'));
  const campaigns = join(work, 'campaigns');
  await mkdir(campaigns);
  await prepareCampaigns(campaigns, port, extraOrigins, editCampaign);
  const dataFile = join(work, 'canada.json');
  const data = JSON.parse(await readFile(join(ROOT, 'data', 'canada.json'), 'utf8'));
  editData?.(data);
  await writeFile(dataFile, JSON.stringify(data));
  // The ridings' boundaries are read beside the data file (the map and "Use my location").
  await symlink(join(ROOT, 'data', 'boundaries'), join(work, 'boundaries'));
  // The links in emails point at this run's address (voix serve never takes them from a request).
  const args = ['serve', '--addr', `127.0.0.1:${port}`, '--public-url', `http://127.0.0.1:${port}`,
    '--data', join(work, 'data'), '--campaigns', campaigns, '--bundle', join(ROOT, 'pkg'), '--data-file', dataFile,
    ...serveArgs];
  const child = spawn(VOIX, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`voix serve exited early:\n${log}`);
    try {
      const health = await fetch(`${origin}/healthz`);
      if (health.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`voix serve did not answer /healthz:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // A stale server on the same port would make the specs test old files: make sure this one answers.
  const script = await fetch(`${origin}/voix/voix.js`);
  if (!script.ok) throw new Error(`${origin}/voix/voix.js answered ${script.status}: run scripts/build-widget\n${log}`);
  return {
    origin,
    port,
    /** The server's data directory (its SQLite database is `voix.db` in it). */
    dataDir: join(work, 'data'),
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      await rm(work, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A partner's own website on another loopback port: serves `pages` ({ path: html or { body, headers } }). */
export async function startPartnerSite(pages) {
  const server = createHttpServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const found = pages[path];
    const { body, headers } = typeof found === 'string' ? { body: found, headers: {} } : (found ?? {});
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(body ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** Serves `html` at `url` (on the Voix server's origin, or any other), with `headers`, without a file server:
 *  the page is a fixture, everything it loads comes from the real server. */
export async function routeFixture(page, url, html, headers = {}) {
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html }));
}

/** Records page errors, console errors and CSP violations from the start of the page's life. */
export async function watch(page) {
  const seen = { pageErrors: [], consoleErrors: [], cspViolations: [] };
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  await page.exposeFunction('__voixCspViolation', (text) => seen.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__voixCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  return seen;
}

/** The widget has loaded its campaign: the title is on screen. */
export async function widgetReady(scope) {
  const title = scope.locator('.voix-title').first();
  await title.waitFor({ state: 'visible', timeout: 15_000 });
  return title;
}

/** axe-core over the whole page (open shadow roots included); returns serious and critical violations. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export function page(html, { title = 'Voix test page', lang = 'en', head = '' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head>
<body>${html}</body></html>`;
}

/** Registers before/after hooks for a spec file: a fresh `voix serve` and browser, both closed at the end.
 *  Returns an object whose `voix` and `browser` are set once the hooks ran. */
export function useVoixAndBrowser(options = {}) {
  const run = {};
  before(async () => {
    run.voix = await startVoix(options);
    run.browser = await launchBrowser();
  });
  after(async () => {
    await run.browser?.close();
    await run.voix?.stop();
  });
  return run;
}

/** Opens the demo page at `width`, on the letter part, in `lang`. */
export async function openLetter(browser, origin, { width = 375, lang = 'en', context: options = {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, ...options });
  const page = await context.newPage();
  const seen = await watch(page);
  await page.goto(`${origin}/`);
  await widgetReady(page);
  if (lang === 'fr') await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('tab', { name: lang === 'fr' ? 'Écrire' : 'Write' }).click();
  return { context, page, seen };
}

/** Postal code → the suggested riding, confirmed. */
export async function findRiding(page, postalCode, { lang = 'en', riding } = {}) {
  await page.getByLabel(lang === 'fr' ? 'Votre code postal' : 'Your postal code', { exact: true }).fill(postalCode);
  await page.getByRole('button', { name: lang === 'fr' ? 'Trouver mon député ou ma députée' : 'Find my MP' }).click();
  const yes = page.getByRole('button', { name: lang === 'fr' ? "Oui, c'est ma circonscription" : 'Yes, this is my riding' });
  // A postal code area shared by ridings offers each as a choice: take the named one, or the first.
  const shared = page.locator('.voix-choice--riding');
  await yes.or(shared.first()).waitFor({ timeout: 15_000 });
  if (await yes.isVisible()) return yes.click();
  await (riding ? shared.filter({ hasText: riding }) : shared.first()).click();
}

/** Rows of `sql` run on the server's SQLite database (the `sqlite3` command-line tool, read-only), as objects. */
export function sqliteRows(voix, sql) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', join(voix.dataDir, 'voix.db'), sql], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

/** A cheap proof-of-work for browser specs (the server warns that it is for tests only). */
export const CHEAP_ALTCHA = ['--altcha-max-number', '1000', '--altcha-cost', '1'];
