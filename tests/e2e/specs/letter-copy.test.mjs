// Copying the letter puts the recipients' addresses and the whole letter on the clipboard, with a visible
// confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, openLetter, findRiding, seriousViolations } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

test('copy the letter and the addresses, in French', async () => {
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin, {
    lang: 'fr',
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  assert.deepEqual(await seriousViolations(page), [], 'axe: code postal');
  await findRiding(page, 'H2X 1Y4', { lang: 'fr' });
  assert.deepEqual(await seriousViolations(page), [], 'axe: circonscription');
  await page.getByLabel('Votre histoire').fill("Je suis journaliste. Mes sources doivent pouvoir me joindre sans être suivies.");
  await page.getByLabel('Votre nom', { exact: true }).fill('Camille Roy');
  assert.deepEqual(await seriousViolations(page), [], 'axe: lettre');
  await page.getByRole('button', { name: 'Copier la lettre' }).click();
  await page.getByRole('status').filter({ hasText: 'Copié' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const message = await page.locator('#voix-message').inputValue();
  assert.match(copied, /@parl\.gc\.ca/);
  assert.match(copied, /gary\.anand@parl\.gc\.ca/);
  assert.ok(copied.includes(message), 'the whole letter as shown');
  assert.match(copied, /Madame, Monsieur,/);
  assert.match(copied, /Camille Roy/);
  assert.match(copied, /H2X 1Y4/);
  await page.getByRole('heading', { name: /Merci d'avoir écrit/ }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});
