// An MP list older than the campaign allows (letter.max_data_age_days, 120 days by default) is said beside the
// riding, with a link to the House of Commons' list of members, instead of being quietly used; a recent one is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, launchBrowser, openLetter, findRiding, seriousViolations } from '../lib/harness.mjs';

/** `days` before today, YYYY-MM-DD. */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function withData(asOf, editCampaign, check) {
  const voix = await startVoix({ editData: (data) => { data.as_of = asOf; }, editCampaign });
  const browser = await launchBrowser();
  try {
    await check(browser, voix);
  } finally {
    await browser.close();
    await voix.stop();
  }
}

test('a list older than the campaign allows is said, with where to check, in English and French', async () => {
  await withData(daysAgo(200), undefined, async (browser, voix) => {
    const { page } = await openLetter(browser, voix.origin);
    await findRiding(page, 'K1A 0A6');
    const note = page.getByRole('note').filter({ hasText: 'This list of MPs dates from' });
    await note.waitFor({ timeout: 15_000 });
    assert.match(await note.textContent(), /your MP may have changed since/);
    const link = note.getByRole('link', { name: 'Members of Parliament (ourcommons.ca)' });
    assert.equal(await link.getAttribute('href'), 'https://www.ourcommons.ca/Members/en');
    assert.deepEqual(await seriousViolations(page), []);

    const french = await openLetter(browser, voix.origin, { lang: 'fr' });
    await findRiding(french.page, 'K1A 0A6', { lang: 'fr' });
    const note_fr = french.page.getByRole('note').filter({ hasText: 'Cette liste des députés date du' });
    await note_fr.waitFor({ timeout: 15_000 });
    assert.equal(await note_fr.getByRole('link').getAttribute('href'), 'https://www.noscommunes.ca/Members/fr');
  });
});

test('a campaign that allows the list\'s age says nothing more', async () => {
  await withData(daysAgo(200), (campaign) => { campaign.letter.max_data_age_days = 365; }, async (browser, voix) => {
    const { page } = await openLetter(browser, voix.origin);
    await findRiding(page, 'K1A 0A6');
    await page.locator('.voix-as-of').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByText('This list of MPs dates from').count(), 0);
  });
});
