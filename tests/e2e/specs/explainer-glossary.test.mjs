// Glossary terms with the keyboard only: Tab to a term, Enter or Space opens its definition (aria-expanded
// flips, the definition is shown right after it), Escape closes it and focus stays. French elisions are found.
// A campaign with a <script> or a javascript: link is refused and nothing runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, startVoix, watch, widgetReady, routeFixture, page as htmlPage } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

async function focused(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? { term: active.dataset?.term ?? null, expanded: active.getAttribute('aria-expanded') } : null;
  });
}

async function tabTo(page, term, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page))?.term === term) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the term ${term}`);
}

test('keyboard only: a term opens with Enter and Space, closes with Escape, and focus stays', async () => {
  const context = await run.browser.newContext({ viewport: { width: 375, height: 900 } });
  const page = await context.newPage();
  const seen = await watch(page);
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  // CSIS comes from the coalition's shared glossary (/glossary.json), fetched because the campaign asks for it.
  const csis = page.locator('.voix-summary .voix-term__button[data-term="csis"]');
  await csis.waitFor({ timeout: 15_000 });
  assert.equal(await csis.getAttribute('aria-expanded'), 'false');
  const definition = page.locator(`[id="${await csis.getAttribute('aria-controls')}"]`);
  assert.equal(await definition.isVisible(), false);

  await tabTo(page, 'csis');
  await page.keyboard.press('Enter');
  assert.deepEqual(await focused(page), { term: 'csis', expanded: 'true' });
  assert.ok(await definition.isVisible());
  assert.match(await definition.innerText(), /Canadian Security Intelligence Service/);
  // Its accessible name is the word as shown, plus a hint for screen readers.
  assert.equal(await page.getByRole('button', { name: 'CSIS (what it means)' }).count(), 1);

  await page.keyboard.press('Escape');
  assert.deepEqual(await focused(page), { term: 'csis', expanded: 'false' });
  assert.equal(await definition.isVisible(), false);

  await page.keyboard.press('Space');
  assert.deepEqual(await focused(page), { term: 'csis', expanded: 'true' });
  await page.keyboard.press('Space');
  assert.deepEqual(await focused(page), { term: 'csis', expanded: 'false' });
  // Hovering shows nothing: the definition is only ever opened by the button.
  await csis.hover();
  assert.equal(await definition.isVisible(), false);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('French: terms after an elision or « du » are found, each once per section', async () => {
  const context = await run.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  await page.getByRole('button', { name: 'Français' }).click();
  const explainer = page.locator('.voix-explainer');
  await explainer.locator('.voix-term__button[data-term="csis"]').first().waitFor({ timeout: 15_000 });
  for (const d of await explainer.locator('details').all()) await d.evaluate((el) => { el.open = true; });

  // « sur l'accès légal »: the term is found after the elided article, which stays outside the button.
  const lawful = explainer.locator('details', { hasText: "Nous l'avons déjà arrêté" }).locator('.voix-term__button[data-term="lawful-access"]');
  assert.equal(await lawful.count(), 1);
  assert.equal((await lawful.innerText()).split('\n')[0].trim().replace(/\s*\(ce que ça veut dire\)$/, ''), 'accès légal');
  const before = await lawful.evaluate((b) => b.parentElement.previousSibling?.textContent ?? '');
  assert.ok(before.endsWith("l'"), before);

  // « les agents du SCRS »
  const section = explainer.locator('details', { hasText: 'Des ordres secrets aux entreprises' });
  const scrs = section.locator('.voix-term__button[data-term="csis"]');
  assert.equal(await scrs.count(), 1, 'first occurrence only');
  assert.ok((await scrs.evaluate((b) => b.parentElement.previousSibling?.textContent ?? '')).endsWith('du '));
  await scrs.click();
  const definition = section.locator(`[id="${await scrs.getAttribute('aria-controls')}"]`);
  assert.match(await definition.innerText(), /Service canadien du renseignement de sécurité/);
  await context.close();
});

test('when the shared glossary cannot be loaded, the explainer works with the campaign\'s own terms', async () => {
  const context = await run.browser.newContext({ viewport: { width: 375, height: 900 } });
  const page = await context.newPage();
  const seen = await watch(page);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  let asked = 0;
  await page.route(`${run.voix.origin}/glossary.json`, (route) => { asked += 1; return route.fulfill({ status: 503, body: 'down' }); });
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  const explainer = page.locator('.voix-explainer');
  await explainer.waitFor();
  for (let i = 0; i < 50 && !warnings.some((w) => w.includes('shared glossary')); i++) await page.waitForTimeout(100);
  assert.equal(asked, 1, 'fetched once, because the campaign asks for it');
  assert.ok(warnings.some((w) => /\[voix\] the shared glossary .* could not be loaded: HTTP 503/.test(w)), warnings.join('\n'));
  // The campaign's own terms still open; the shared ones are plain words.
  await explainer.locator('details.voix-detail').first().locator('summary').click();
  const own = explainer.locator('.voix-term__button[data-term="core-provider"]');
  assert.equal(await own.count(), 1);
  await own.click();
  assert.equal(await own.getAttribute('aria-expanded'), 'true');
  assert.equal(await explainer.locator('.voix-term__button[data-term="csis"]').count(), 0);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('a campaign with a <script> or a javascript: link is refused; nothing in it runs', async () => {
  const hostile = await startVoix({
    editCampaign: (campaign) => {
      if (!campaign.explainer) return;
      campaign.explainer.summary.en = 'Read this <script>window.__voixPwned = 1</script> <img src=x onerror="window.__voixPwned = 2">';
      campaign.explainer.what_it_means = {
        en: 'A [harmless link](javascript:window.__voixPwned=3) and [another](JaVaScRiPt:window.__voixPwned=4).',
        fr: 'Un [lien](javascript:window.__voixPwned=5).',
      };
    },
  });
  try {
    // voix serve refuses the campaign, with voix check's words in its log.
    const served = await fetch(`${hostile.origin}/campaigns/lawful-access.json`);
    assert.equal(served.status, 404);
    assert.match(hostile.log(), /explainer\.summary\.en: HTML is not allowed/);
    assert.match(hostile.log(), /explainer\.what_it_means\.en: links must go to an https:\/\/ address/);

    // Even served as is from elsewhere (a compromised host), the widget refuses it and runs nothing.
    const context = await run.browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    const seen = await watch(page);
    const source = (await import('node:fs/promises')).readFile;
    const campaign = JSON.parse(await source(new URL('../../../campaigns/lawful-access.json', import.meta.url), 'utf8'));
    campaign.partners.find((p) => p.id === 'demo').origins = [run.voix.origin];
    campaign.explainer.summary.en = 'Read this <script>window.__voixPwned = 1</script>';
    campaign.explainer.what_it_means.en = 'A [link](javascript:window.__voixPwned=3).';
    await page.route(`${run.voix.origin}/campaigns/hostile.json`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...campaign, id: 'hostile' }) }));
    const url = `${run.voix.origin}/hostile-fixture.html`;
    await routeFixture(page, url, htmlPage(
      `<main><h1>Hostile</h1><script type="module" src="/voix/voix.js" data-campaign="/campaigns/hostile.json" data-partner="demo"></script></main>`,
    ));
    await page.goto(url);
    await page.locator('.voix-error, [role=alert]').first().waitFor({ timeout: 15_000 });
    const state = await page.evaluate(() => {
      const host = document.querySelector('voix-campaign') ?? document.querySelector('[data-voix]');
      const root = [...document.querySelectorAll('*')].find((el) => el.shadowRoot)?.shadowRoot;
      return {
        pwned: window.__voixPwned ?? null,
        scripts: root ? root.querySelectorAll('script, img').length : -1,
        scriptLinks: root ? [...root.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length : -1,
        host: Boolean(host),
      };
    });
    assert.deepEqual(state, { pwned: null, scripts: 0, scriptLinks: 0, host: true });
    assert.deepEqual(seen.pageErrors, []);
    await context.close();
  } finally {
    await hostile.stop();
  }
});
