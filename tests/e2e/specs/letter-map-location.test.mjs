// Beside a shared postal code area's ridings: a small map of them (an SVG named for screen readers, each riding
// labelled; the list stays the way to choose), and "Use my location to be sure": the browser's location is
// compared with the ridings' boundaries in the page — no request carries it — and gives the exact riding; a
// refusal, or a location in no riding, says so and keeps the list. English and French, keyboard only. A single
// suggestion (not a certainty) has the button too. The petition's riding list has the same map and button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLetter, seriousViolations, useVoixAndBrowser } from '../lib/harness.mjs';
import { openPetition, fillSigner } from '../lib/petition.mjs';

const run = useVoixAndBrowser();

/** Every request the page makes, to check that the location is not in any of them. */
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  return urls;
}

async function sharedArea(page, lang = 'en') {
  await page.getByLabel(lang === 'fr' ? 'Votre code postal' : 'Your postal code', { exact: true }).fill('H2X 1Y4');
  await page.keyboard.press('Enter');
  const name = lang === 'fr' ? 'Votre secteur postal est partagé entre ces circonscriptions'
    : 'Your postal code area is shared by these ridings';
  const group = page.getByRole('group', { name });
  await group.waitFor({ timeout: 15_000 });
  return group;
}

test('a shared area shows a labelled map of its ridings beside the list', async () => {
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin);
  const urls = recordRequests(page);
  const group = await sharedArea(page);
  const map = group.getByRole('img', { name: 'Map of these ridings' });
  await map.waitFor({ timeout: 15_000 });
  assert.equal(await map.locator('path').count(), 2, 'one outline per riding');
  assert.deepEqual(await map.locator('text').allTextContents(),
    ['Laurier—Sainte-Marie', 'Ville-Marie—Le Sud-Ouest—Île-des-Soeurs']);
  const box = await map.boundingBox();
  assert.ok(box.width <= 375 && box.height > 50, `fits a phone: ${JSON.stringify(box)}`);
  assert.ok(urls.some((url) => url.includes('/data/boundaries/map/QC.json')), 'the province\'s map outlines only');
  assert.ok(!urls.some((url) => url.includes('/boundaries/exact/')), 'the exact boundaries wait for the button');
  assert.equal(await group.locator('.voix-choice--riding').count(), 2, 'the list is still the way to choose');
  // The letter's own stylesheet (adopted when the letter mounts) styles its choices: 44px targets.
  assert.equal(await group.locator('.voix-choice--riding').first().evaluate((e) => getComputedStyle(e).minHeight), '44px');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('"Use my location" finds the exact riding in the page, without sending the location', async () => {
  // By the Bell Centre, downtown Montreal: in Ville-Marie—Le Sud-Ouest—Île-des-Soeurs, the second of the area's two
  // ridings (what `voix lookup --at 45.4961,-73.5693` answers too).
  const { context, page } = await openLetter(run.browser, run.voix.origin, {
    context: { permissions: ['geolocation'], geolocation: { latitude: 45.4961, longitude: -73.5693 } },
  });
  const urls = recordRequests(page);
  const group = await sharedArea(page);
  const button = group.getByRole('button', { name: 'Use my location to be sure' });
  assert.match(await group.textContent(), /it is not sent anywhere/);
  await button.focus();
  await page.keyboard.press('Enter');
  const result = page.locator('#voix-riding-result');
  await result.getByText('Your riding', { exact: true }).waitFor({ timeout: 15_000 });
  assert.equal(await result.locator('.voix-riding-name').textContent(), 'Ville-Marie—Le Sud-Ouest—Île-des-Soeurs');
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'voix-riding-result',
    'focus moves to the answer, which a screen reader reads');
  assert.ok(urls.some((url) => url.includes('/data/boundaries/exact/QC.json')));
  for (const url of urls) {
    assert.ok(!/45\.49|73\.56/.test(url), `no request carries the location: ${url}`);
  }
  await context.close();
});

test('a refused location says so in French and keeps the list', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin, { lang: 'fr' });
  const group = await sharedArea(page, 'fr');
  await group.getByRole('button', { name: "Utiliser ma position pour m'en assurer" }).click();
  await group.getByText("Votre navigateur n'a pas communiqué votre position").waitFor({ timeout: 15_000 });
  assert.equal(await group.locator('.voix-choice--riding').count(), 2, 'the list stays');
  await context.close();
});

test('a location in no riding of the province says so and keeps the list', async () => {
  // Ottawa, in Ontario: not in any of Quebec's ridings, the province of the postal code.
  const { context, page } = await openLetter(run.browser, run.voix.origin, {
    context: { permissions: ['geolocation'], geolocation: { latitude: 45.4236, longitude: -75.7009 } },
  });
  const group = await sharedArea(page);
  await group.getByRole('button', { name: 'Use my location to be sure' }).click();
  await group.getByText("This location is in none of the ridings of your postal code's province").waitFor({ timeout: 15_000 });
  assert.equal(await group.locator('.voix-choice--riding').count(), 2);
  await context.close();
});

test('the petition offers "Use my location" too, and chooses the riding in its list', async () => {
  const context = await run.browser.newContext({
    viewport: { width: 375, height: 900 }, bypassCSP: true,
    permissions: ['geolocation'], geolocation: { latitude: 45.4961, longitude: -73.5693 },
  });
  const { page } = await openPetition(run.browser, run.voix.origin, { context });
  await fillSigner(page, { postal: 'H2X 1Y4' });
  const select = page.locator('#voix-pet-riding');
  await select.waitFor({ timeout: 15_000 });
  // The same labelled map beside the list, before anything is chosen.
  const map = page.getByRole('img', { name: 'Map of these ridings' });
  await map.waitFor({ timeout: 15_000 });
  assert.equal(await map.locator('path').count(), 2, 'one outline per riding of the shared area');
  await page.getByRole('button', { name: 'Use my location to be sure' }).click();
  for (let i = 0; i < 150 && (await select.inputValue()) !== '24077'; i += 1) await page.waitForTimeout(100);
  assert.equal(await select.inputValue(), '24077', 'Ville-Marie—Le Sud-Ouest—Île-des-Soeurs chosen');
  await context.close();
});

test('a single suggestion can be settled by the location too', async () => {
  // H3L's area lies in Ahuntsic-Cartierville; the location is downtown, in Ville-Marie.
  const { context, page } = await openLetter(run.browser, run.voix.origin, {
    context: { permissions: ['geolocation'], geolocation: { latitude: 45.4961, longitude: -73.5693 } },
  });
  await page.getByLabel('Your postal code', { exact: true }).fill('H3L 1A1');
  await page.keyboard.press('Enter');
  const card = page.locator('#voix-riding-result');
  await card.getByText('Ahuntsic-Cartierville').waitFor({ timeout: 15_000 });
  await card.getByRole('button', { name: 'Use my location to be sure' }).click();
  await card.getByText('Ville-Marie—Le Sud-Ouest—Île-des-Soeurs').waitFor({ timeout: 15_000 });
  assert.equal(await card.getByRole('button', { name: 'Use my location to be sure' }).count(), 0,
    'a riding found from the location is no longer a suggestion');
  await context.close();
});
