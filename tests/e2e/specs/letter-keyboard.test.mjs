// The letter flow by keyboard alone: Tab, Shift+Tab, typing, Enter and Space; no mouse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, watch, widgetReady } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

async function focusedMatches(page, selector) {
  return page.evaluate((sel) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.matches(sel) ?? false;
  }, selector);
}

/** Waits until the widget itself moves focus to `selector` (after an action reveals something new). */
async function focusLandsOn(page, selector) {
  for (let i = 0; i < 100; i++) {
    if (await focusedMatches(page, selector)) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`focus never moved to ${selector}`);
}

/** Presses Tab until the focused element (inside the widget's shadow root) matches `selector`. */
async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    const found = await page.evaluate((sel) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.matches(sel) ?? false;
    }, selector);
    if (found) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the whole letter flow works with the keyboard only', async () => {
  const context = await run.browser.newContext({ viewport: { width: 375, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const seen = await watch(page);
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  await tabTo(page, '[role=tab][aria-selected=true]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Write' }).getAttribute('aria-selected'), 'true');
  await tabTo(page, '#voix-postal-code');
  await page.keyboard.type('K1A 0A6');
  await page.keyboard.press('Enter');
  // The answer takes focus, so a screen reader reads it and Tab continues from there.
  await focusLandsOn(page, '#voix-riding-result');
  await tabTo(page, '#voix-riding-result button.voix-button');
  await page.keyboard.press('Enter');
  await focusLandsOn(page, '#voix-recipients-heading');
  await tabTo(page, '#voix-point-secret-orders');
  await page.keyboard.press('Space');
  assert.ok(await page.locator('#voix-point-secret-orders').isChecked());
  await tabTo(page, '#voix-story');
  await page.keyboard.type('I run a small clinic and keep my clients safe.');
  await tabTo(page, '#voix-name');
  await page.keyboard.type('Sam Keyboard');
  assert.match(await page.locator('#voix-message').inputValue(), /small clinic/);
  await tabTo(page, 'button.voix-button--secondary:not(.voix-lang-option)');
  await tabTo(page, '.voix-send button');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Thank you for writing to your MP!' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /Sam Keyboard/);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});
