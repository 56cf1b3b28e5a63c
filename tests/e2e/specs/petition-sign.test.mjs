// Signing the petition on a phone (375 px) on the demo partner's page: the counter moves, the consent box the
// person ticked is stored in the server's ledger with the exact wording they read, and axe finds nothing serious
// on the form, its errors or the thank-you step, in English and in French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useVoixAndBrowser, seriousViolations, sqliteRows, CHEAP_ALTCHA, SCREENSHOTS } from '../lib/harness.mjs';
import { openPetition, fillSigner, counterText, stats, hasFocus, pendingQueue, LABELS } from '../lib/petition.mjs';

const run = useVoixAndBrowser({ serveArgs: CHEAP_ALTCHA });

const PARTNER_WORDING = 'Yes, Rights First may email me about this campaign and related actions. I can withdraw my consent at any time.';

test('a person signs on a phone: the counter moves and the ticked consent is stored with its exact wording', async () => {
  const { context, page, seen } = await openPetition(run.browser, run.voix.origin);
  assert.equal(await counterText(page), '0 signatures of a 10,000 goal');
  assert.deepEqual(await seriousViolations(page), [], 'axe: the form');

  // Two unticked boxes, one per organisation, each with its own wording, contact and how to withdraw.
  const boxes = page.locator('.voix-consent input[type=checkbox]');
  assert.equal(await boxes.count(), 2);
  for (const box of await boxes.all()) assert.equal(await box.isChecked(), false);
  assert.match(await page.locator('.voix-consents').textContent(), /You can sign without ticking any of these boxes/);
  const partnerBox = page.getByRole('checkbox', { name: PARTNER_WORDING });
  await partnerBox.check();

  await fillSigner(page, { first: 'Léa', last: 'Roy', email: 'Lea.Roy@example.org', postal: 'x0a 0h0' });
  await page.locator('.voix-riding-line').waitFor();
  assert.match(await page.locator('.voix-riding-line').textContent(), /Your riding: Nunavut/);
  await page.getByLabel('Comment (optional)').fill('Warrants first.');

  await page.getByRole('button', { name: LABELS.en.sign }).click();
  const thanks = page.getByRole('heading', { name: LABELS.en.thanks });
  await thanks.waitFor({ timeout: 20_000 });
  assert.ok(await hasFocus(thanks), 'focus moves to the thank-you step');
  assert.equal(await counterText(page), '1 signature of a 10,000 goal');
  assert.equal(await page.locator('progress.voix-progress').getAttribute('value'), '1');
  assert.equal(await page.locator('.voix-riding-count').textContent(), '1 person in your riding has signed');
  assert.deepEqual(await seriousViolations(page), [], 'axe: thank-you');
  await page.locator('.voix-petition').screenshot({ path: join(SCREENSHOTS, 'petition-thanks-en-375.png') });

  // Share links carry the plain page address: no query, no fragment, nothing loaded from elsewhere.
  const mailto = await page.getByRole('link', { name: 'Share by email' }).getAttribute('href');
  const body = new URLSearchParams(mailto.split('?')[1]).get('body');
  assert.ok(body.endsWith(` ${run.voix.origin}/`), body);
  assert.deepEqual(await pendingQueue(page), [], 'nothing left waiting once the server has it');

  // The server's side: one signature, and the ledger row holds exactly what the page showed.
  assert.equal((await stats(run.voix.origin)).total, 1);
  const signatures = sqliteRows(run.voix, 'SELECT first_name, email, riding, partner_id, comment FROM signatures');
  assert.deepEqual(signatures, [{ first_name: 'Léa', email: 'lea.roy@example.org', riding: 62001, partner_id: 'demo', comment: 'Warrants first.' }]);
  const consents = sqliteRows(run.voix, `SELECT c.organisation, c.action, c.lang, c.site_partner_id, w.text
    FROM consents c JOIN consent_wordings w ON w.version = c.wording_version`);
  assert.equal(consents.length, 1, 'only the ticked box is recorded');
  const [row] = consents;
  assert.equal(row.organisation, 'partner:demo');
  assert.equal(row.action, 'given');
  assert.equal(row.lang, 'en');
  assert.equal(row.site_partner_id, 'demo');
  assert.equal(row.text, `${PARTNER_WORDING}\nYou can withdraw this consent at any time: contact Rights First (Voix demo site) `
    + '(http://127.0.0.1:8080/#privacy).\nPrivacy policy: http://127.0.0.1:8080/#privacy');
  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  await context.close();
});

test('en français : erreurs, signature et remerciement, sans problème axe', async () => {
  const { context, page, seen } = await openPetition(run.browser, run.voix.origin, { lang: 'fr' });
  assert.equal(await counterText(page), '1 signature sur un objectif de 10\u202f000');
  assert.deepEqual(await seriousViolations(page), [], 'axe : le formulaire');

  await page.getByRole('button', { name: LABELS.fr.sign }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Veuillez corriger ces problèmes' });
  await summary.waitFor();
  assert.match(await summary.textContent(), /Prénom\u00a0?: Ce champ est obligatoire\./);
  assert.deepEqual(await seriousViolations(page), [], 'axe : les erreurs');
  await page.locator('.voix-petition').screenshot({ path: join(SCREENSHOTS, 'petition-errors-fr-375.png') });

  await fillSigner(page, { first: 'Marc', last: 'Gagnon', email: 'marc@example.org', postal: 'H2X 1Y4' }, 'fr');
  const riding = page.getByLabel('Votre circonscription (facultatif)');
  await riding.waitFor();
  await riding.selectOption({ label: 'Laurier—Sainte-Marie (probablement la vôtre)' });
  await page.getByRole('checkbox', { name: /la CSILC peut m'écrire/ }).check();
  await page.getByRole('button', { name: LABELS.fr.sign }).click();
  await page.getByRole('heading', { name: /Merci d'avoir signé/ }).waitFor({ timeout: 20_000 });
  assert.equal(await counterText(page), '2 signatures sur un objectif de 10\u202f000');
  assert.equal(await page.locator('.voix-riding-count').textContent(), '1 personne de votre circonscription a signé');
  assert.deepEqual(await seriousViolations(page), [], 'axe : le remerciement');

  const [row] = sqliteRows(run.voix, `SELECT c.organisation, c.lang, w.text FROM consents c
    JOIN consent_wordings w ON w.version = c.wording_version JOIN signatures s ON s.id = c.signature_id
    WHERE s.email = 'marc@example.org'`);
  assert.equal(row.organisation, 'organiser');
  assert.equal(row.lang, 'fr');
  assert.ok(row.text.startsWith('Oui, la CSILC peut m\'écrire par courriel au sujet de cette campagne'), row.text);
  assert.match(row.text, /Vous pouvez retirer ce consentement en tout temps\u00a0: communiquez avec /);
  assert.deepEqual(sqliteRows(run.voix, 'SELECT riding FROM signatures WHERE email = \'marc@example.org\''), [{ riding: 24037 }]);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});
