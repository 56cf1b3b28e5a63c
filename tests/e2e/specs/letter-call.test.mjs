// "Call your MP" (send: "call"): the MP's office numbers as tel: links with their date, the campaign's call script
// filled with the person's name and riding, and "I called" counted like a letter (counts only). An MP whose
// numbers the data lacks gets no call block. English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, launchBrowser, useVoixAndBrowser, openLetter, findRiding, sqliteRows, seriousViolations } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

test('the MP\'s numbers and the script are offered, and "I called" is counted', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  await findRiding(page, 'K1A 0A6');
  await page.getByLabel('Your name', { exact: true }).fill('Alex Tremblay');
  const call = page.getByRole('region', { name: 'Or call your MP' });
  await call.waitFor({ timeout: 15_000 });
  const hill = call.getByRole('link', { name: '613-996-5322' });
  assert.equal(await hill.getAttribute('href'), 'tel:+1-613-996-5322');
  assert.equal(await call.getByRole('link', { name: '613-946-8682' }).getAttribute('href'), 'tel:+1-613-946-8682');
  assert.match(await call.textContent(), /Parliament Hill office.*Constituency office/s);
  assert.match(await call.textContent(), /Numbers as of September 2, 2026/);
  const script = await call.locator('blockquote').textContent();
  assert.match(script, /my name is Alex Tremblay\. I live in Ottawa Centre, and my postal code is K1A 0A6/);
  assert.match(script, /I ask Yasir Naqvi to speak up/);
  assert.deepEqual(await seriousViolations(page), []);

  const recorded = page.waitForResponse((r) => r.url().endsWith('/letters') && r.request().method() === 'POST');
  await call.getByRole('button', { name: 'I called' }).click();
  assert.equal((await recorded).status(), 200);
  await call.getByRole('status').filter({ hasText: 'Thank you for calling' }).waitFor();
  const rows = sqliteRows(run.voix, "SELECT target, channel, letters FROM letter_counts WHERE channel = 'call'");
  assert.deepEqual(rows, [{ target: 'own_mp', channel: 'call', letters: 1 }], 'a call is to the MP only');
  await context.close();
});

test('in French, and no call block for an MP without a known number', async () => {
  const voix = await startVoix({
    editData: (data) => {
      const district = data.districts.find((d) => d.fed_num === 35079);
      delete district.mp.hill_phone;
      delete district.mp.office_phone;
    },
  });
  const browser = await launchBrowser();
  try {
    const { page } = await openLetter(browser, run.voix.origin, { lang: 'fr' });
    await findRiding(page, 'K1A 0A6', { lang: 'fr' });
    const call = page.getByRole('region', { name: 'Ou appelez votre député ou députée' });
    await call.waitFor({ timeout: 15_000 });
    assert.match(await call.textContent(), /Bureau sur la Colline du Parlement/);
    assert.match(await call.locator('blockquote').textContent(), /J'habite dans Ottawa-Centre/);

    const without = await openLetter(browser, voix.origin);
    await findRiding(without.page, 'K1A 0A6');
    await without.page.getByRole('heading', { name: 'Send your letter' }).or(without.page.locator('#voix-send-heading')).first().waitFor();
    assert.equal(await without.page.getByRole('region', { name: 'Or call your MP' }).count(), 0);
  } finally {
    await browser.close();
    await voix.stop();
  }
});
