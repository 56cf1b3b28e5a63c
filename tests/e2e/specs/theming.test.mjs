// Partners theme the widget only through the documented custom properties on the host (or an ancestor);
// without them the campaign's accent applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, widgetReady, routeFixture, page as html } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

const EMBED = `<script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-lang="en"></script>`;

async function pressedButtonStyle(head) {
  const page = await run.browser.newPage();
  const url = `${run.voix.origin}/test/theme-${Math.random().toString(36).slice(2)}.html`;
  await routeFixture(page, url, html(EMBED, { head }));
  await page.goto(url);
  await widgetReady(page);
  const style = await page.locator('.voix-lang-option[aria-pressed=true]').evaluate((el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, color: s.color, radius: getComputedStyle(el.closest('.voix')).borderRadius,
      font: getComputedStyle(el.closest('.voix')).fontFamily };
  });
  await page.close();
  return style;
}

test("without partner theming the campaign's accent colours the widget", async () => {
  const style = await pressedButtonStyle('');
  assert.equal(style.background, 'rgb(139, 30, 63)', 'theme.accent #8b1e3f from the campaign');
  assert.equal(style.color, 'rgb(255, 255, 255)');
  assert.equal(style.radius, '8px');
});

test('custom properties on the host override the campaign and the defaults', async () => {
  const style = await pressedButtonStyle(`<style>
    voix-campaign { --voix-accent: rgb(0, 90, 112); --voix-radius: 2px; --voix-font: Georgia, serif; }
  </style>`);
  assert.equal(style.background, 'rgb(0, 90, 112)');
  assert.equal(style.radius, '2px');
  assert.match(style.font, /Georgia/);
});

test('ordinary CSS aimed inside the widget has no effect', async () => {
  const style = await pressedButtonStyle(`<style>
    .voix-lang-option, voix-campaign button { background: lime !important; }
    voix-campaign::part(button) { background: lime; }
  </style>`);
  assert.equal(style.background, 'rgb(139, 30, 63)');
});
