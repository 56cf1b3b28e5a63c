// Under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` the widget works with
// zero CSP violations: styles are constructable stylesheets, nothing inline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, watch, widgetReady, routeFixture, page as html } from '../lib/harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const run = useVoixAndBrowser();

test('a page with the strict CSP of the issue shows the widget without a single violation', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const url = `${run.voix.origin}/test/strict-csp.html`;
  await routeFixture(page, url, html(`<h1>Strict CSP</h1>
    <script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-partner="demo"></script>`),
  { 'Content-Security-Policy': CSP });
  await page.goto(url);
  await widgetReady(page);
  await page.getByRole('tab', { name: 'Sign' }).click();
  await page.locator('.voix-goal').waitFor();
  assert.deepEqual(seen.cspViolations, []);
  assert.deepEqual(seen.consoleErrors.filter((e) => /Content Security Policy/i.test(e)), []);
  assert.deepEqual(seen.pageErrors, []);
});

test('the demo page is itself served under a strict CSP and has no violation', async () => {
  const page = await run.browser.newPage();
  const seen = await watch(page);
  const response = await page.goto(`${run.voix.origin}/`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await widgetReady(page);
  assert.deepEqual(seen.cspViolations, []);
  assert.deepEqual(seen.consoleErrors, []);
});
