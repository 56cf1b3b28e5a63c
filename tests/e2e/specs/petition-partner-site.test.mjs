// Signing on a partner's own website: the widget posts cross-origin to the Voix server (CORS for the partner's
// listed origin), and the signature and its consent are attributed to that partner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, startPartnerSite, launchBrowser, watch, widgetReady, sqliteRows, CHEAP_ALTCHA, page as html }
  from '../lib/harness.mjs';
import { fillSigner, counterText, LABELS } from '../lib/petition.mjs';

let voix;
let partner;
let browser;

before(async () => {
  const pages = {};
  partner = await startPartnerSite(pages);
  voix = await startVoix({ extraOrigins: [partner.origin], serveArgs: CHEAP_ALTCHA });
  pages['/take-action'] = html(`<h1>Take action</h1><div data-voix="petition"></div>
    <script type="module" src="${voix.origin}/voix/voix.js" data-campaign="/campaigns/lawful-access.json"
      data-partner="demo" data-lang="en"></script>`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await voix?.stop();
  await partner?.stop();
});

test("a person signs on the partner's site; the signature and consent are the partner's", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
  const page = await context.newPage();
  const seen = await watch(page);
  await page.goto(`${partner.origin}/take-action?utm_source=newsletter#sign`);
  await widgetReady(page);
  assert.equal(await counterText(page), '0 signatures of a 10,000 goal');
  await fillSigner(page, { first: 'Dana', last: 'Lee', email: 'dana@example.org', postal: 'X0A 0H0' });
  await page.getByRole('checkbox', { name: /Rights First may email me/ }).check();
  await page.getByRole('button', { name: LABELS.en.sign }).click();
  await page.getByRole('heading', { name: LABELS.en.thanks }).waitFor({ timeout: 20_000 });
  assert.equal(await counterText(page), '1 signature of a 10,000 goal');
  // The share link is the partner's page without its tracking query or fragment.
  const mailto = await page.getByRole('link', { name: 'Share by email' }).getAttribute('href');
  assert.ok(new URLSearchParams(mailto.split('?')[1]).get('body').endsWith(` ${partner.origin}/take-action`));
  assert.deepEqual(sqliteRows(voix, 'SELECT partner_id FROM signatures'), [{ partner_id: 'demo' }]);
  assert.deepEqual(sqliteRows(voix, 'SELECT organisation, site_partner_id FROM consents'),
    [{ organisation: 'partner:demo', site_partner_id: 'demo' }]);
  const stats = await (await fetch(`${voix.origin}/api/campaigns/lawful-access/stats`)).json();
  assert.deepEqual(stats.by_partner, { demo: 1 });
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  await context.close();
});
