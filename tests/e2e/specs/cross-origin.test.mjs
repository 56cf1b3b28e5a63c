// Partners embed from their own origin: the script, the wasm and a data-campaign relative to the script's origin
// all load cross-origin. Campaign files are public to every site; a site the organiser has not listed is told so
// plainly (EN/FR), and its webmaster gets the exact fix in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, startPartnerSite, launchBrowser, watch, widgetReady, page as html } from '../lib/harness.mjs';

let voix;
let partner;
let stranger;
let browser;

function embedPage(voixOrigin, { partner = 'demo', lang = 'en' } = {}) {
  return html(`<h1>Partner</h1><script type="module" src="${voixOrigin}/voix/voix.js"
    data-campaign="/campaigns/lawful-access.json" data-partner="${partner}" data-lang="${lang}"></script>`);
}

before(async () => {
  // The pages need the Voix origin and Voix needs the partner's origin: reserve the sites first.
  const pages = {};
  partner = await startPartnerSite(pages);
  stranger = await startPartnerSite(pages);
  voix = await startVoix({ extraOrigins: [partner.origin] });
  pages['/page.html'] = embedPage(voix.origin);
  pages['/fr.html'] = embedPage(voix.origin, { lang: 'fr' });
  pages['/typo.html'] = embedPage(voix.origin, { partner: 'x' });
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

test('a site the organiser has not listed tells its reader plainly and its webmaster what to ask for', async () => {
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.goto(`${stranger.origin}/page.html`);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  const said = await alert.textContent();
  assert.match(said, /This campaign is not available on this website\./);
  assert.doesNotMatch(said, /connection|retry/i, 'the reader is not told to fix their connection');
  assert.equal(await page.getByRole('button', { name: /retry/i }).count(), 0);
  const advice = `ask the organiser to add ${stranger.origin} to partners[0].origins of campaign lawful-access`;
  assert.ok(seen.consoleErrors.some((e) => e.includes(advice)), `the console says: ${seen.consoleErrors}`);
  assert.ok(!seen.consoleErrors.some((e) => /CORS/.test(e)), 'the campaign file itself is public');
  assert.deepEqual(seen.pageErrors, []);
});

test('the same refusal in French', async () => {
  const page = await browser.newPage();
  await page.goto(`${stranger.origin}/fr.html`);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  assert.match(await alert.textContent(), /Cette campagne n'est pas offerte sur ce site web\./);
});

test('an unknown data-partner is named, with the partners the campaign has', async () => {
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.goto(`${partner.origin}/typo.html`);
  await page.getByRole('alert').waitFor({ timeout: 15_000 });
  assert.match(await page.getByRole('alert').textContent(), /not available on this website/);
  const line = seen.consoleErrors.find((e) => e.includes('data-partner="x" is unknown'));
  assert.ok(line, `the console says: ${seen.consoleErrors}`);
  assert.match(line, /the partners of campaign lawful-access are "demo"/);
});
