// A campaign that cannot be shown gives a small, clear message in the widget (details in the console), never a
// blank box and never an exception in the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, watch, routeFixture, page as html, seriousViolations } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

async function openWith(campaign, lang = 'en') {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const url = `${run.voix.origin}/test/broken-${Math.random().toString(36).slice(2)}.html`;
  await routeFixture(page, url, html(`<h1>Partner page</h1>
    <script type="module" src="/voix/voix.js" data-campaign="${campaign}" data-lang="${lang}"></script>
    <p id="after">The rest of the partner's page.</p>`));
  await page.route(`${run.voix.origin}/campaigns/not-json.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema": "voix/campaign/v1",' }));
  await page.goto(url);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  return { page, seen, alert };
}

test('a campaign URL that answers 404 shows the not-found message', async () => {
  const { page, seen, alert } = await openWith('/campaigns/no-such-campaign.json');
  assert.match(await alert.textContent(), /This campaign could not be found/);
  assert.ok(seen.consoleErrors.some((e) => e.includes('[voix]') && e.includes('no-such-campaign.json')),
    `the console names the URL for the webmaster: ${seen.consoleErrors}`);
  assert.deepEqual(seen.pageErrors, [], 'nothing is thrown into the host page');
  assert.ok(await page.locator('#after').isVisible());
  assert.deepEqual(await seriousViolations(page), []);
});

test('a campaign file that is not JSON shows the damaged-file message, in French too', async () => {
  const { seen, alert } = await openWith('/campaigns/not-json.json', 'fr');
  assert.match(await alert.textContent(), /Le fichier de cette campagne est endommagé/);
  assert.ok(seen.consoleErrors.some((e) => e.includes('not valid JSON') && e.includes('line 1')), `${seen.consoleErrors}`);
  assert.deepEqual(seen.pageErrors, []);
});

test('an unreachable server offers to try again', async () => {
  const { page, seen, alert } = await openWith('http://127.0.0.1:9/campaigns/x.json');
  assert.match(await alert.textContent(), /could not be loaded/);
  assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible());
  assert.deepEqual(seen.pageErrors, []);
});
