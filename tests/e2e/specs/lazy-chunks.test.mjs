// The first load is the shell and the explainer; the letter's, the petition's and the campaign rules' code are
// separate wasm chunks, fetched only when needed (the size budget), and a failed fetch is said and retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useVoixAndBrowser, watch, widgetReady, routeFixture, page as html, ROOT } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

/** Records the bundle files the page asks for (their names, without the version query). */
function bundleRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/voix/')) names.push(path.slice('/voix/'.length));
  });
  return names;
}

const isChunk = (name) => name.endsWith('.wasm') && name !== 'voix_bg.wasm';

test('the first load fetches the shell; the letter and the petition arrive when their tab opens', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const fetched = bundleRequests(page);
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  await page.locator('.voix-summary').waitFor();
  assert.deepEqual(fetched.filter(isChunk), [], `no chunk before a part is opened: ${fetched}`);
  for (const name of ['voix.js', 'voix_bg.wasm', '__wasm_split.js']) assert.ok(fetched.includes(name), `${name}: ${fetched}`);

  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByLabel('Your postal code', { exact: true }).waitFor();
  assert.ok(fetched.includes('split_voix_letter.wasm'), `${fetched}`);
  assert.ok(!fetched.includes('split_voix_petition.wasm'), 'the petition is not fetched for the letter');

  await page.getByRole('tab', { name: 'Sign', exact: true }).click();
  await page.locator('.voix-sign').waitFor();
  assert.ok(fetched.includes('split_voix_petition.wasm'), `${fetched}`);
  assert.ok(!fetched.includes('split_voix_rules.wasm'), 'a campaign from this Voix server is not checked again');
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test('a campaign from elsewhere is checked with the rules fetched for it: a script address is refused', async () => {
  const source = JSON.parse(await readFile(join(ROOT, 'campaigns', 'lawful-access.json'), 'utf8'));
  const serve = (campaign) => (route) => route.fulfill({
    status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' },
    body: JSON.stringify(campaign),
  });
  for (const [name, campaign, valid] of [
    ['valid', source, true],
    ['invalid', { ...source, organiser: { ...source.organiser, website: 'javascript:alert(1)' } }, false],
  ]) {
    const page = await run.browser.newPage();
    const seen = await watch(page);
    const fetched = bundleRequests(page);
    const elsewhere = `http://campaigns.example/${name}.json`;
    await page.route(elsewhere, serve(campaign));
    const url = `${run.voix.origin}/test/elsewhere-${name}.html`;
    await routeFixture(page, url, html(`<script type="module" src="/voix/voix.js" data-campaign="${elsewhere}"></script>`));
    await page.goto(url);
    if (valid) {
      await widgetReady(page);
    } else {
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      assert.match(await alert.textContent(), /errors in its settings/);
    }
    assert.ok(fetched.includes('split_voix_rules.wasm'), `${name}: the rules were fetched: ${fetched}`);
    assert.deepEqual(seen.pageErrors, []);
    await page.close();
  }
});

test('a chunk that cannot be fetched says so, and Try again fetches it', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const block = (route) => route.abort('internetdisconnected');
  await page.route('**/split_voix_letter.wasm*', block);
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  await page.getByRole('tab', { name: 'Write' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Write' });
  const alert = panel.getByRole('alert');
  await alert.waitFor({ timeout: 15_000 });
  assert.match(await alert.textContent(), /This part could not be loaded/);
  await page.unroute('**/split_voix_letter.wasm*', block);
  await panel.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Your postal code', { exact: true }).waitFor();
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});
