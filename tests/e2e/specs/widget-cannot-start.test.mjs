// When a partner page's Content Security Policy stops the widget (no 'wasm-unsafe-eval' in script-src, or the Voix
// server missing from connect-src), the reader sees a short message with the organiser's link where the widget
// would be, in their language, and the webmaster gets the exact directive to set in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, startPartnerSite, watch, routeFixture, page as html } from '../lib/harness.mjs';

const run = useVoixAndBrowser();
// A member site on its own loopback port (a page Playwright fulfils from memory may not reach loopback servers).
const memberPages = {};
let member;
before(async () => {
  member = await startPartnerSite(memberPages);
});
after(() => member?.stop());

function embed(src, extra = '') {
  return html(`<h1>Member page</h1>
    <script type="module" src="${src}" data-campaign="/campaigns/lawful-access.json" data-partner="demo" ${extra}></script>`);
}

/** The message that replaced the widget, once it is there. */
async function replacement(page) {
  const status = page.getByRole('status');
  await status.waitFor({ timeout: 15_000 });
  return status;
}

test("a policy without 'wasm-unsafe-eval' gets a message, the organiser's link and the directive to set", async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const url = `${run.voix.origin}/test/no-wasm-eval.html`;
  await routeFixture(page, url, embed('/voix/voix.js'),
    { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" });
  await page.goto(url);
  const status = await replacement(page);
  assert.match(await status.textContent(),
    /^This campaign's tool could not start on this page\. You can take part with the organiser: International Civil Liberties Monitoring Group \(ICLMG\)\.$/);
  assert.equal(await status.getByRole('link').getAttribute('href'), 'https://iclmg.ca');
  // In place of the widget: right after the script tag, in the element the widget would have used.
  assert.equal(await page.locator('voix-campaign > p[role=status]').count(), 1);
  const advice = `[voix] this page's Content-Security-Policy blocks the widget: set the directive "script-src 'self' 'wasm-unsafe-eval'" (it adds 'wasm-unsafe-eval' to script-src)`;
  assert.ok(seen.consoleErrors.includes(advice), `the console says: ${seen.consoleErrors.join('\n')}`);
  assert.deepEqual(seen.pageErrors, [], 'nothing is thrown into the host page');
});

test('a policy that keeps the Voix server out of connect-src is told the exact connect-src value', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  // The member's script-src admits the Voix server, while connect-src stays 'self'.
  memberPages['/page.html'] = {
    body: embed(`${run.voix.origin}/voix/voix.js`),
    headers: {
      'Content-Security-Policy':
        `default-src 'self'; script-src 'self' ${run.voix.origin} 'wasm-unsafe-eval'; style-src 'self'`,
    },
  };
  const url = `${member.origin}/page.html`;
  await page.goto(url);
  const status = await replacement(page);
  // The organiser still comes through: the campaign is also a module script, which script-src admits.
  assert.match(await status.textContent(), /You can take part with the organiser: International Civil Liberties/);
  const advice = `[voix] this page's Content-Security-Policy blocks the widget: set the directive "connect-src 'self' ${run.voix.origin}" (it adds ${run.voix.origin} to connect-src)`;
  assert.ok(seen.consoleErrors.includes(advice), `the console says: ${seen.consoleErrors.join('\n')}`);
  assert.deepEqual(seen.pageErrors, []);
});

test('the message is in French on a French page, in the placeholder the widget would have filled', async () => {
  const page = await run.browser.newPage();
  const url = `${run.voix.origin}/test/no-wasm-eval-fr.html`;
  await routeFixture(page, url, html(`<h1>Page d'un membre</h1>
    <section><div data-voix="petition" id="here"></div></section>
    <script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-lang="fr"></script>`),
  { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" });
  await page.goto(url);
  const status = await replacement(page);
  assert.match(await status.textContent(),
    /^L'outil de cette campagne n'a pas pu démarrer sur cette page\. Vous pouvez agir auprès de l'organisme\u00a0: Coalition pour la surveillance internationale des libertés civiles \(CSILC\)\.$/);
  assert.equal(await status.getAttribute('lang'), 'fr');
  assert.equal(await page.locator('#here > p[role=status]').count(), 1);
  assert.equal(await page.locator('voix-campaign').count(), 0, 'no second message after the script');
});
