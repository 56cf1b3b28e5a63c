// The postage-free printed letter opens in its own window, laid out as a letter to the House of Commons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useVoixAndBrowser, openLetter, findRiding, seriousViolations, SCREENSHOTS } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

for (const lang of ['en', 'fr']) {
  test(`print a postage-free letter (${lang})`, async () => {
    const { context, page } = await openLetter(run.browser, run.voix.origin, { lang });
    assert.deepEqual(await seriousViolations(page), [], 'axe: postal code');
    await findRiding(page, 'K1A 0A6', { lang });
    assert.deepEqual(await seriousViolations(page), [], 'axe: riding');
    await page.getByLabel(lang === 'fr' ? 'Votre nom' : 'Your name', { exact: true }).fill('Alex Tremblay');
    await page.getByLabel(lang === 'fr' ? 'Votre adresse (facultatif)' : 'Your street address (optional)').fill('123 Elgin Street');
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: lang === 'fr' ? 'Imprimer' : 'Print' }).click(),
    ]);
    await popup.waitForLoadState();
    await popup.locator('.letter').waitFor();
    await popup.emulateMedia({ media: 'print' });
    await popup.setViewportSize({ width: 816, height: 1056 });
    const text = await popup.locator('.letter').innerText();
    assert.equal(await popup.locator('html').getAttribute('lang'), lang);
    if (lang === 'en') {
      assert.match(text, /House of Commons/);
      assert.match(text, /Ottawa ON K1A 0A6/);
      assert.match(text, /Dear Yasir Naqvi,/);
      assert.match(text, /needs no stamp/);
    } else {
      assert.match(text, /Chambre des communes/);
      assert.match(text, /Ottawa \(Ontario\)\s+K1A\s0A6/);
      assert.match(text, /Madame, Monsieur,/);
      assert.match(text, /pas besoin de timbre/);
    }
    assert.match(text, /123 Elgin Street/);
    assert.match(text, /Alex Tremblay/);
    const sheets = await popup.evaluate(() => document.adoptedStyleSheets.length);
    assert.equal(sheets, 1, 'styled by a constructable stylesheet, nothing inline');
    assert.deepEqual(await seriousViolations(popup), [], 'axe: the printed letter');
    assert.deepEqual(await seriousViolations(page), [], 'axe: after printing');
    await popup.screenshot({ path: join(SCREENSHOTS, `letter-print-${lang}.png`), fullPage: true });
    await context.close();
  });
}
