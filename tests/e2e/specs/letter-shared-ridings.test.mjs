// A postal code area shared by ridings (about a third of them): each riding sharing it is offered with its MP,
// the likeliest first; the person picks theirs with the keyboard alone, or "Not listed?" opens the province's
// searchable list. The petition offers the same ridings first in its riding list. English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLetter, seriousViolations, useVoixAndBrowser } from '../lib/harness.mjs';
import { openPetition, fillSigner } from '../lib/petition.mjs';

const run = useVoixAndBrowser();

test('a shared postal code area offers its ridings with their MPs, chosen with the keyboard', async () => {
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin);
  await page.getByLabel('Your postal code', { exact: true }).fill('H2X 1Y4');
  await page.keyboard.press('Enter');
  const group = page.getByRole('group', { name: 'Your postal code area is shared by these ridings' });
  await group.waitFor({ timeout: 15_000 });
  const choices = group.locator('.voix-choice--riding');
  assert.equal(await choices.count(), 2);
  // Each riding with its MP, or that the seat is vacant (Laurier—Sainte-Marie since summer 2026).
  assert.match(await choices.nth(0).textContent(), /Laurier—Sainte-Marie.*(·|No sitting MP: the seat is vacant)/);
  assert.match(await choices.nth(1).textContent(), /Ville-Marie—Le Sud-Ouest—Île-des-Soeurs.*·/);
  assert.deepEqual(await seriousViolations(page), []);
  await choices.nth(1).focus();
  await page.keyboard.press('Enter');
  await page.locator('#voix-recipients-heading').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'voix-recipients-heading',
    'focus moves on to the recipients');
  assert.match(await page.locator('.voix-cards').textContent(), /Marc Miller|Île-des-Soeurs/);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('"Not listed?" opens every riding of the province, searchable', async () => {
  const { context, page } = await openLetter(run.browser, run.voix.origin, { lang: 'fr' });
  await page.getByLabel('Votre code postal', { exact: true }).fill('H2X 1Y4');
  await page.getByRole('button', { name: 'Trouver mon député ou ma députée' }).click();
  await page.getByText('Votre secteur postal est partagé entre ces circonscriptions').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: "Elle n'y est pas\u00a0? Trouvez votre circonscription" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id), 'voix-riding-search');
  assert.ok((await page.locator('.voix-choice').count()) > 50, 'every riding of Quebec');
  assert.equal(await page.getByLabel('Votre code postal', { exact: true }).inputValue(), 'H2X 1Y4', 'nothing lost');
  await context.close();
});

test('the petition lists the ridings of the postal code area first', async () => {
  const { context, page } = await openPetition(run.browser, run.voix.origin);
  await fillSigner(page, { postal: 'H2X 1Y4' });
  const select = page.locator('#voix-pet-riding');
  await select.waitFor({ timeout: 15_000 });
  const groups = await select.locator('optgroup').evaluateAll((list) =>
    list.map((group) => ({ label: group.label, options: [...group.querySelectorAll('option')].map((o) => o.textContent) })));
  assert.equal(groups[0].label, 'Ridings of your postal code area');
  assert.equal(groups[0].options.length, 2);
  assert.match(groups[0].options[0], /^Laurier—Sainte-Marie/);
  assert.equal(groups[1].label, 'Other ridings of your province or territory');
  assert.equal(groups[1].options.length, 76);
  await context.close();
});
