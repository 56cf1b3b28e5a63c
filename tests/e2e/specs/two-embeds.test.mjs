// Several embeds on one page work independently: each script tag has its own campaign, language and state;
// placeholders go to the right embed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, watch, widgetReady, routeFixture, page as html } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

test('two script tags render two independent widgets', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const url = `${run.voix.origin}/test/two.html`;
  await routeFixture(page, url, html(`
    <section id="one"><script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-lang="en"></script></section>
    <section id="two"><script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access-sections.json" data-lang="fr"></script></section>`));
  await page.goto(url);
  const one = page.locator('#one voix-campaign');
  const two = page.locator('#two voix-campaign');
  await widgetReady(one);
  await widgetReady(two);
  assert.equal(await one.locator('[role=tablist]').count(), 1, 'the first campaign uses tabs');
  assert.equal(await two.locator('[role=tablist]').count(), 0, 'the second uses sections');
  assert.equal(await two.locator('.voix-title').textContent(), "Stoppons le projet de loi C-22 sur l'accès légal");

  await one.getByRole('button', { name: 'Français' }).click();
  await one.locator('.voix-title', { hasText: 'Stoppons' }).waitFor();
  await two.getByRole('button', { name: 'English' }).click();
  await two.locator('.voix-title', { hasText: 'Stop Bill' }).waitFor();
  assert.equal(await one.locator('.voix-campaign').getAttribute('lang'), 'fr', 'switching the second left the first');

  await one.getByRole('tab', { name: 'Signer' }).click();
  assert.equal(await one.getByRole('tabpanel').locator('h3').textContent(), 'Signer la pétition');
  assert.equal(await page.locator('voix-campaign').count(), 2, 'the module ran once and mounted both');
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
});

test('placeholders follow the script before them', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const url = `${run.voix.origin}/test/placeholders.html`;
  await routeFixture(page, url, html(`
    <script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-lang="en"></script>
    <main><div id="a" data-voix="petition"></div></main>
    <script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access-sections.json" data-lang="fr"></script>
    <aside><div id="b" data-voix="explainer"></div></aside>`));
  await page.goto(url);
  await widgetReady(page.locator('#a'));
  await widgetReady(page.locator('#b'));
  assert.equal(await page.locator('#a .voix-title').textContent(), 'Sign the petition');
  assert.equal(await page.locator('#b .voix-title').textContent(), "Comprendre l'enjeu");
  assert.equal(await page.locator('voix-campaign').count(), 0, 'no whole-campaign widget when placeholders exist');
  assert.deepEqual(seen.pageErrors, []);
});
