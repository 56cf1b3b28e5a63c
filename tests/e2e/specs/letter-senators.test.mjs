// A campaign at the Senate stage (letter.targets.senators: "province") offers the person's province's senators
// beside their MP, each a card to keep or untick; with no published email they are reached by post or a copy
// (the email app addresses the MP only), and the printed letter has one page per recipient, a senator's
// addressed to the Senate, postage-free. English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useVoixAndBrowser, openLetter, findRiding, seriousViolations } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

const TEXT = {
  en: {
    role: 'Senator for Ontario', how: 'By post (no stamp needed) or copy: no published email', print: 'Print',
    name: 'Your name', address: /The Senate of Canada\s+Ottawa ON K1A 0A4/, note: /Mail to a senator at the Senate of Canada needs no stamp/,
  },
  fr: {
    role: 'Membre du Sénat, Ontario', how: 'Par la poste (sans timbre) ou en copiant la lettre\u00a0: aucun courriel publié',
    print: 'Imprimer', name: 'Votre nom', address: /Le Sénat du Canada\s+Ottawa \(Ontario\) K1A 0A4/,
    note: /Le courrier adressé à un membre du Sénat du Canada n'a pas besoin de timbre/,
  },
};

for (const lang of ['en', 'fr']) {
  test(`the province's senators are offered beside the MP, and printed a page each (${lang})`, async () => {
    const t = TEXT[lang];
    const { context, page } = await openLetter(run.browser, run.voix.origin, { lang });
    await findRiding(page, 'K1A 0A6', { lang });
    const senators = page.locator('.voix-card').filter({ hasText: t.role });
    await senators.first().waitFor({ timeout: 15_000 });
    // Ontario's 23 senators of July 2026, less the two who reached 75 in August.
    assert.equal(await senators.count(), 21);
    assert.match(await senators.first().textContent(), new RegExp(t.how.replace(/[()]/g, '\\$&')));
    assert.equal(await page.locator('.voix-card').filter({ hasText: 'Yasir Naqvi' }).count(), 1, 'the MP is still asked');
    assert.deepEqual(await seriousViolations(page), []);

    // Untick all but one senator, by keyboard.
    for (let i = 1; i < 21; i += 1) {
      const box = senators.nth(i).getByRole('checkbox');
      await box.focus();
      await page.keyboard.press('Space');
      assert.equal(await box.isChecked(), false);
    }
    const kept = (await senators.first().locator('.voix-card-name').textContent()).trim();

    const href = await page.getByRole('link', { name: lang === 'fr' ? 'Ouvrir dans mon application de courriel' : 'Open in my email app' }).getAttribute('href');
    assert.ok(href.startsWith('mailto:yasir.naqvi@parl.gc.ca'), href.slice(0, 80));
    const to = decodeURIComponent(href.slice('mailto:'.length, href.indexOf('?')));
    assert.ok(to.split(',').every((address) => address.endsWith('@parl.gc.ca')), `no address is made up for a senator: ${to}`);
    assert.ok(!decodeURIComponent(href).includes(kept), 'the email to the MP is not addressed to a senator');

    await page.getByLabel(t.name, { exact: true }).fill('Alex Tremblay');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: t.print }).click()]);
    await popup.waitForLoadState();
    await popup.locator('.letter').waitFor();
    const text = await popup.locator('.letter').innerText();
    assert.match(text, t.address);
    assert.match(text, t.note);
    assert.match(text, /House of Commons|Chambre des communes/, 'the MP\'s page');
    if (lang === 'en') assert.match(text, new RegExp(`Dear ${kept},`), 'the senator\'s page is addressed to them');
    const pages = await popup.locator('.letter .page-break').count();
    const recipients = await page.locator('.voix-card input[type="checkbox"]:checked').count();
    assert.equal(pages + 1, recipients, 'one page per recipient');
    await context.close();
  });
}
