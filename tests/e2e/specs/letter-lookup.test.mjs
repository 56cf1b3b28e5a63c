// Finding the riding: a specific message for an impossible postal code (nothing typed is lost), "Not my riding"
// with an accent-insensitive search, a riding with no sitting MP, and the optional precise lookup with its fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, launchBrowser, openLetter, findRiding, seriousViolations, useVoixAndBrowser } from '../lib/harness.mjs';

const run = useVoixAndBrowser();

test('an impossible postal code gets a specific message and keeps what was typed', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  const input = page.getByLabel('Your postal code', { exact: true });
  await input.fill('D1A 0A6');
  await page.getByRole('button', { name: 'Find my MP' }).click();
  const error = page.locator('#voix-postal-error');
  assert.match(await error.textContent(), /D/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await input.inputValue(), 'D1A 0A6', 'nothing typed is lost');
  assert.deepEqual(await seriousViolations(page), []);
  await input.fill('K1A 0A');
  await page.getByRole('button', { name: 'Find my MP' }).click();
  assert.notEqual(await error.textContent(), '');
  await findRiding(page, 'K1A 0A6');
  assert.equal(await error.textContent(), '');
  await context.close();
});

test('a postal code without a suggested riding opens the province\'s list directly', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  // L5T (Mississauga) has neither geometry nor a hint in the data.
  await page.getByLabel('Your postal code', { exact: true }).fill('L5T 1A1');
  await page.getByRole('button', { name: 'Find my MP' }).click();
  await page.getByLabel('Find your riding by name').waitFor();
  assert.ok((await page.locator('.voix-choice').count()) > 50);
  await context.close();
});

test('"Not my riding" lists the province and finds a riding by name without accents', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  // H3Z lies in Notre-Dame-de-Grâce—Westmount; this person lives elsewhere in Quebec.
  await page.getByLabel('Your postal code', { exact: true }).fill('H3Z 2Y7');
  await page.getByRole('button', { name: 'Find my MP' }).click();
  await page.getByRole('button', { name: 'Not my riding' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'voix-riding-search',
    'focus moves to the search field');
  assert.ok((await page.locator('.voix-choice').count()) > 50, 'every riding of Quebec');
  await page.getByLabel('Find your riding by name').fill('ile des soeurs');
  const choice = page.locator('.voix-choice', { hasText: 'Île-des-Soeurs' });
  await choice.first().click();
  assert.match(await page.locator('.voix-riding-name').textContent(), /Île-des-Soeurs/);
  assert.deepEqual(await seriousViolations(page), []);
  await context.close();
});

test('a territory with one riding needs no choice', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  await page.getByLabel('Your postal code', { exact: true }).fill('X0A 0H0');
  await page.getByRole('button', { name: 'Find my MP' }).click();
  await page.locator('.voix-card').first().waitFor();
  assert.match(await page.locator('.voix-riding-name').textContent(), /Nunavut/);
  await context.close();
});

test('a riding with no sitting MP says so and keeps the campaign’s other recipients', async () => {
  const voix = await startVoix({
    editData: (data) => {
      const ottawaCentre = data.districts.find((d) => d.name_en === 'Ottawa Centre');
      ottawaCentre.mp = null;
    },
  });
  const browser = await launchBrowser();
  try {
    const { page } = await openLetter(browser, voix.origin);
    await page.getByLabel('Your postal code', { exact: true }).fill('K1A 0A6');
    await page.getByRole('button', { name: 'Find my MP' }).click();
    await page.getByRole('button', { name: 'Yes, this is my riding' }).click();
    assert.match(await page.locator('.voix-card--vacant').textContent(), /No sitting MP/);
    assert.match(await page.locator('.voix-cards').textContent(), /Gary Anandasangaree/);
    const href = await page.getByRole('link', { name: 'Open in my email app' }).getAttribute('href');
    assert.match(href, /^mailto:gary\.anand@parl\.gc\.ca\?/);
  } finally {
    await browser.close();
    await voix.stop();
  }
});

test('the precise lookup is used when the campaign enables it, and falls back offline on failure', async () => {
  const voix = await startVoix({
    editCampaign: (campaign) => { campaign.letter.represent_url = 'https://represent.example'; },
  });
  const browser = await launchBrowser();
  try {
    const { context, page } = await openLetter(browser, voix.origin);
    const asked = [];
    await context.route('https://represent.example/**', (route) => {
      asked.push(route.request().url());
      if (route.request().url().includes('K1A0A6')) {
        return route.fulfill({ status: 503, body: 'busy' });
      }
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'K2P1L4',
          boundaries_concordance: [{ boundary_set_name: 'Federal electoral district', external_id: '35079', name: 'Ottawa Centre',
            related: { boundary_set_url: '/boundary-sets/federal-electoral-districts-2023/' } }],
          boundaries_centroid: [],
        }),
      });
    });
    await page.getByLabel('Your postal code', { exact: true }).fill('K1A 0A6');
    await page.getByRole('button', { name: 'Find my MP' }).click();
    await page.getByRole('button', { name: 'Yes, this is my riding' }).waitFor();
    assert.equal(await page.getByLabel('Your postal code', { exact: true }).inputValue(), 'K1A 0A6', 'the fallback keeps what was typed');
    await page.getByLabel('Your postal code', { exact: true }).fill('K2P 1L4');
    await page.getByRole('button', { name: 'Find my MP' }).click();
    await page.locator('.voix-card').first().waitFor();
    assert.match(await page.locator('.voix-riding-name').textContent(), /Ottawa Centre/);
    assert.equal(asked.length, 2, asked.join(' '));
  } finally {
    await browser.close();
    await voix.stop();
  }
});

test('a postal code area nobody uses is said, and the province\'s ridings are still offered', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin);
  await page.getByLabel('Your postal code', { exact: true }).fill('K0Z 1A1');
  await page.keyboard.press('Enter');
  await page.getByText("No postal code starts with K0Z in Statistics Canada's list").waitFor({ timeout: 15_000 });
  assert.ok((await page.locator('.voix-choice').count()) > 100, 'every riding of Ontario');
  assert.equal(await page.getByLabel('Your postal code', { exact: true }).inputValue(), 'K0Z 1A1', 'nothing lost');
  await context.close();
});
