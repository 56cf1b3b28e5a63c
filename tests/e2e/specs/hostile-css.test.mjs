// Host CSS cannot restyle the widget: a page that turns everything red and 40px and hides every div leaves the
// widget readable, whether it renders after its script tag or inside a <div> placeholder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useVoixAndBrowser, watch, widgetReady, routeFixture, page as html, SCREENSHOTS } from '../lib/harness.mjs';

const HOSTILE = '<style>* { color: red !important; font-size: 40px !important } div { display: none !important }</style>';
const run = useVoixAndBrowser();

async function styleOf(locator) {
  return locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, fontSize: s.fontSize, display: s.display };
  });
}

const cases = {
  'after the script tag': `<h1>Hostile page</h1><div>a hidden div</div>
    <script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-lang="en"></script>`,
  'in a div placeholder': `<h1>Hostile page</h1><div data-voix="explainer"></div>
    <script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-lang="en"></script>`,
};

for (const [where, body] of Object.entries(cases)) {
  test(`hostile host CSS leaves the widget readable ${where}`, async () => {
    const page = await run.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const seen = await watch(page);
    const url = `${run.voix.origin}/test/hostile-${where.replaceAll(' ', '-')}.html`;
    await routeFixture(page, url, html(body, { head: HOSTILE }));
    await page.goto(url);
    const title = await widgetReady(page);
    // The page's rules did apply to the page itself…
    assert.equal((await styleOf(page.locator('h1'))).color, 'rgb(255, 0, 0)');
    // …but not to the widget: its own colours and sizes hold, and its host box is shown.
    const titleStyle = await styleOf(title);
    assert.equal(titleStyle.color, 'rgb(27, 27, 27)');
    assert.equal(titleStyle.fontSize, '24px');
    const root = await styleOf(page.locator(".voix").first());
    assert.equal(root.fontSize, "16px");
    assert.notEqual(root.color, "rgb(255, 0, 0)");
    const box = await title.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 10, `the title is on screen: ${JSON.stringify(box)}`);
    await page.screenshot({ path: join(SCREENSHOTS, `hostile-${where.replaceAll(' ', '-')}.png`) });
    assert.deepEqual(seen.pageErrors, []);
  });
}
