// The demo partner page renders the widget, in English and French, with no serious accessibility problem;
// screenshots at 1280 and 375 px go to target/screenshots/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useVoixAndBrowser, watch, widgetReady, seriousViolations, SCREENSHOTS } from '../lib/harness.mjs';

const run = useVoixAndBrowser();
before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

for (const width of [1280, 375]) {
  test(`the demo page shows the campaign in English and French at ${width} px`, async () => {
    // axe is injected as a script tag, which the demo page's own strict CSP would block: bypass it here only.
    const context = await run.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const seen = await watch(page);
    await page.goto(`${run.voix.origin}/`);
    const title = await widgetReady(page);
    assert.equal(await title.textContent(), 'Stop Bill C-22, the lawful access bill');
    assert.equal(await page.getByRole('tab').count(), 3);
    assert.deepEqual(await seriousViolations(page), [], 'axe: English');
    await page.screenshot({ path: join(SCREENSHOTS, `demo-en-${width}.png`), fullPage: true });

    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('.voix-title', { hasText: 'Stoppons' }).waitFor();
    assert.equal(await page.locator('.voix-campaign').getAttribute('lang'), 'fr');
    await page.getByRole('tab', { name: 'Signer' }).click();
    assert.match(await page.locator('.voix-goal').textContent(), /Objectif\u00a0: 10\u202f000 signatures/);
    assert.deepEqual(await seriousViolations(page), [], 'axe: French');
    await page.screenshot({ path: join(SCREENSHOTS, `demo-fr-${width}.png`), fullPage: true });

    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.consoleErrors, []);
    await context.close();
  });
}
