// The explainer read in layers: the one-sentence summary, "What it means for you", the details opened one by one,
// the timeline, the questions people ask; the action buttons after each layer lead to the letter and the petition.
// English and French; axe finds nothing serious or critical at 375 and 1280 px, with everything opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, watch, widgetReady, seriousViolations, routeFixture, page as htmlPage } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

const TEXT = {
  en: {
    tab: 'Understand', write: 'Write', sign: 'Sign', writeAction: 'Write to your MP', signAction: 'Sign the petition',
    layers: ['What it means for you', 'The details', 'Key moments', 'Questions people ask'],
    detail: 'What the bill does', detailText: 'Part 1', question: 'Is the bill law yet?', answer: '20 April 2026',
    introduced: '12 March 2026', summary: 'Bill C-22 would make phone and internet companies',
  },
  fr: {
    tab: 'Comprendre', write: 'Écrire', sign: 'Signer', writeAction: 'Écrire à votre député ou députée',
    signAction: 'Signer la pétition',
    layers: ['Ce que ça change pour vous', 'Les détails', 'Les moments clés', "Les questions qu'on se pose"],
    detail: 'Ce que fait le projet de loi', detailText: 'partie 1', question: 'Le projet de loi est-il déjà en vigueur ?',
    answer: '20 avril 2026', introduced: '12 mars 2026', summary: 'Avec le projet de loi C-22',
  },
};

/** The text a sighted reader sees (screen-reader hints and closed definitions left out), spaces squeezed. */
function seenText(locator) {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.voix-sr-only, [hidden]').forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

async function open(width, lang) {
  const context = await run.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const seen = await watch(page);
  await page.goto(`${run.voix.origin}/`);
  await widgetReady(page);
  if (lang === 'fr') await page.getByRole('button', { name: 'Français' }).click();
  return { context, page, seen };
}

for (const lang of ['en', 'fr']) {
  for (const width of [375, 1280]) {
    test(`the explainer in layers (${lang}, ${width}px), with no serious axe violation`, async () => {
      const t = TEXT[lang];
      const { context, page, seen } = await open(width, lang);
      assert.equal(await page.getByRole('tab', { name: t.tab }).getAttribute('aria-selected'), 'true');
      const explainer = page.locator('.voix-explainer');
      await explainer.waitFor();
      assert.match(await seenText(explainer.locator('.voix-summary')), new RegExp(t.summary));
      const headings = await explainer.locator('h4').allInnerTexts();
      assert.deepEqual(headings, t.layers);

      // A detail opens and closes like a native disclosure.
      const detail = explainer.locator('details.voix-detail', { hasText: t.detail }).first();
      assert.equal(await detail.evaluate((d) => d.open), false);
      await detail.locator('summary').click();
      assert.equal(await detail.evaluate((d) => d.open), true);
      assert.ok((await detail.locator('.voix-detail__body').innerText()).includes(t.detailText));
      // Its list and emphasis are real elements built from the markup.
      assert.ok(await detail.locator('li strong').count() >= 2);

      // The timeline: an ordered list of dated moments.
      const moments = explainer.locator('ol.voix-timeline > li');
      assert.equal(await moments.count(), 8);
      const introduced = explainer.locator('time[datetime="2026-03-12"]');
      assert.equal(await introduced.innerText(), t.introduced);

      // A question opens to its answer.
      const question = explainer.locator('details.voix-question', { hasText: t.question });
      await question.locator('summary').click();
      assert.ok((await question.innerText()).includes(t.answer));

      // Open everything, and a glossary term too, then run axe.
      for (const d of await explainer.locator('details').all()) await d.evaluate((el) => { el.open = true; });
      await explainer.locator('.voix-term__button').first().click();
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(seen.pageErrors, []);
      await context.close();
    });
  }

  test(`the action buttons lead to the letter and the petition (${lang})`, async () => {
    const t = TEXT[lang];
    const { context, page } = await open(375, lang);
    const explainer = page.locator('.voix-explainer');
    await explainer.waitFor();
    // One group of actions after the summary, what it means, the details and the questions.
    assert.equal(await explainer.locator('.voix-actions').count(), 4);
    await explainer.getByRole('button', { name: t.writeAction }).first().click();
    assert.equal(await page.getByRole('tab', { name: t.write }).getAttribute('aria-selected'), 'true');
    assert.ok(await page.locator('#voix-panel-letter').isVisible());
    await page.getByRole('tab', { name: t.tab }).click();
    await explainer.locator('details.voix-detail').first().locator('summary').click();
    await explainer.locator('.voix-explainer__layer', { hasText: t.layers[1] }).getByRole('button', { name: t.signAction }).click();
    assert.equal(await page.getByRole('tab', { name: t.sign }).getAttribute('aria-selected'), 'true');
    await context.close();
  });
}

test('in the sections layout, an action button brings the letter section into view and focus', async () => {
  const context = await run.browser.newContext({ viewport: { width: 375, height: 700 } });
  const page = await context.newPage();
  const url = `${run.voix.origin}/sections-fixture.html`;
  await routeFixture(page, url, htmlPage(
    `<main><h1>Sections</h1><script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access-sections.json" data-partner="demo"></script></main>`,
  ));
  await page.goto(url);
  await widgetReady(page);
  await page.locator('.voix-explainer').getByRole('button', { name: 'Write to your MP' }).first().click();
  const focused = await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  });
  assert.equal(focused, 'voix-heading-letter');
  await context.close();
});
