// Partners embed from their own origin: the script, the wasm and a data-campaign relative to the script's origin
// all load cross-origin; campaign CORS admits the partner's listed origins and no other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, startPartnerSite, launchBrowser, watch, widgetReady, page as html } from '../lib/harness.mjs';

let voix;
let partner;
let stranger;
let browser;

function embedPage(voixOrigin) {
  return html(`<h1>Partner</h1><script type="module" src="${voixOrigin}/voix/voix.js"
    data-campaign="/campaigns/lawful-access.json" data-partner="demo" data-lang="en"></script>`);
}

before(async () => {
  // The pages need the Voix origin and Voix needs the partner's origin: reserve the sites first.
  const pages = {};
  partner = await startPartnerSite(pages);
  stranger = await startPartnerSite(pages);
  voix = await startVoix({ extraOrigins: [partner.origin] });
  pages['/page.html'] = embedPage(voix.origin);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await voix?.stop();
  await partner?.stop();
  await stranger?.stop();
});

test('a listed partner origin embeds the widget from the Voix server', async () => {
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.goto(`${partner.origin}/page.html`);
  await widgetReady(page);
  assert.match(await page.locator('.voix-fine-print').textContent(), /Partner: Rights First/);
  // The letter's and the petition's code come cross-origin too, when their tabs open.
  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByLabel('Your postal code', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Sign', exact: true }).click();
  await page.locator('.voix-sign').waitFor();
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
});

test('a site that is not a partner cannot load the campaign and says so', async () => {
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.goto(`${stranger.origin}/page.html`);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  assert.match(await alert.textContent(), /could not be loaded/);
  assert.ok(seen.consoleErrors.some((e) => /CORS/.test(e)), `the browser says why: ${seen.consoleErrors}`);
  assert.deepEqual(seen.pageErrors, []);
});
