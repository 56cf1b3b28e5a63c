// "Send it for me" in French, and withdrawing consent: a letter written in French gets its confirmation
// email, confirmation page and thank-you in French; the withdrawal link in that email opens a form (in the email's
// language) that emails a /withdraw/{token} link, whose page withdraws every consent the address gave (a
// "withdrawn" row per organisation in the ledger); without a lang parameter the form speaks the browser's language,
// and an address that gave no consent goes through the same steps with nothing withdrawn. Every page passes axe;
// opening a link alone changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, launchBrowser, openLetter, findRiding, seriousViolations, sqliteRows, CHEAP_ALTCHA }
  from '../lib/harness.mjs';
import { openPetition, fillSigner, LABELS } from '../lib/petition.mjs';
import { startSmtpSink, header, textPart } from '../lib/smtp-sink.mjs';

const run = {};
const SENDER = 'camille.roy@example.org';
// The pages' and emails' wording, as in crates/core/src/email/text.rs.
const FR = {
  confirmBody: "Appuyez sur le bouton pour envoyer votre lettre. Rien n'a encore été envoyé.",
  confirmed: 'Merci\u00a0: votre lettre est en route. Nous vous écrirons seulement si elle ne peut pas être livrée.',
  withdrawBody: 'Entrez votre adresse courriel. Nous vous enverrons un lien pour confirmer que vous retirez tous les '
    + 'consentements donnés aux organisations de cette coalition.',
  withdrawSent: 'Si cette adresse nous est connue, un courriel avec un lien de confirmation est en route.',
  withdrawIntro: "Quelqu'un a demandé de retirer tous les consentements donnés par cette adresse aux "
    + 'organisations de cette coalition.',
  withdrawConfirmBody: 'Appuyez sur le bouton pour retirer tous les consentements donnés par cette adresse courriel.',
  withdrawn: "C'est fait\u00a0: votre consentement est retiré. Vous ne recevrez plus de courriels de notre part.",
};
const EN = {
  withdrawBody: 'Enter your email address. We will email you a link to confirm that you withdraw every consent you '
    + 'gave to the organisations of this coalition.',
  withdrawSent: 'If this address is known to us, an email with a confirmation link is on its way.',
  withdrawConfirmBody: 'Press the button to withdraw every consent this email address gave.',
  withdrawn: 'Done: your consent is withdrawn. You will receive no more emails from us.',
};

before(async () => {
  run.sink = await startSmtpSink();
  run.voix = await startVoix({
    editCampaign: (campaign) => {
      if (campaign.letter) campaign.letter.send = ['email_app', 'copy', 'print', 'server'];
    },
    serveArgs: [...run.sink.serveArgs, ...CHEAP_ALTCHA],
  });
  run.browser = await launchBrowser();
});

after(async () => {
  await run.browser?.close();
  await run.voix?.stop();
  await run.sink?.stop();
});

/** A page of `context` at `url` that records page errors and console errors; returns the page, the response and
 *  the errors. */
async function open(context, url) {
  const page = await context.newPage();
  const seen = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (error) => seen.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      seen.consoleErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  const response = await page.goto(url);
  return { page, response, seen };
}

test('en français : le courriel, la page de confirmation et le remerciement, puis la lettre part', async () => {
  // An English browser: the widget's language choice alone makes everything French.
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin,
    { lang: 'fr', context: { locale: 'en-CA' } });
  await findRiding(page, 'H2X 1Y4', { lang: 'fr' });
  await page.getByLabel('Votre histoire').fill('Je suis infirmière à Montréal.');
  await page.getByLabel('Votre nom', { exact: true }).fill('Camille Roy');
  await page.getByRole('checkbox', { name: /Gary Anandasangaree/ }).check().catch(() => {});
  const email = page.getByLabel('Votre courriel', { exact: true });
  await email.waitFor({ timeout: 15_000 });
  await email.fill(SENDER);
  await page.getByRole('button', { name: "L'envoyer pour moi" }).click();
  await page.getByText('Vérifiez vos courriels\u00a0: votre lettre part dès que vous appuyez sur le bouton du lien '
    + 'envoyé.').waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe : le widget');

  const [confirmation] = await run.sink.waitFor(1);
  assert.deepEqual(confirmation.to, [`<${SENDER}>`]);
  assert.equal(header(confirmation.data, 'Subject'),
    "Confirmez votre lettre — Stoppons le projet de loi C-22 sur l'accès légal");
  const text = textPart(confirmation.data);
  assert.ok(text.startsWith('Bonjour Camille Roy,'), text);
  assert.ok(text.includes('Votre lettre ne part que lorsque vous la confirmez. Ouvrez cette page et appuyez sur le '
    + 'bouton\u00a0:'), text);
  assert.ok(text.includes('Pour retirer votre consentement et ne plus recevoir aucun courriel de notre '
    + 'part\u00a0:'), text);
  const link = text.match(/http:\/\/\S+\/confirm\/[0-9a-f]+/)?.[0];
  assert.ok(link, text);
  run.withdrawLink = text.match(/http:\/\/\S+\/withdraw\?\S+/)?.[0];
  assert.equal(run.withdrawLink, `${run.voix.origin}/withdraw?campaign=lawful-access&lang=fr`);
  const [request] = sqliteRows(run.voix, 'SELECT lang, status, riding FROM letter_requests');
  assert.deepEqual({ lang: request.lang, status: request.status }, { lang: 'fr', status: 'pending' });
  assert.ok(request.riding, 'the confirmed riding is stored');

  const { page: confirmPage, response, seen: confirmSeen } = await open(context, link);
  assert.equal(response.status(), 200);
  assert.equal(await confirmPage.locator('html').getAttribute('lang'), 'fr');
  await confirmPage.getByRole('heading', { level: 1, name: 'Envoyer votre lettre' }).waitFor();
  await confirmPage.getByText(FR.confirmBody).waitFor();
  assert.deepEqual(await seriousViolations(confirmPage), [], 'axe : la page de confirmation');
  assert.equal(run.sink.messages.length, 1, 'opening the page sends nothing');
  await confirmPage.getByRole('button', { name: 'Envoyer ma lettre' }).click();
  await confirmPage.getByText(FR.confirmed).waitFor();
  assert.equal(await confirmPage.locator('html').getAttribute('lang'), 'fr');
  assert.deepEqual(await seriousViolations(confirmPage), [], 'axe : le remerciement');

  const recipients = sqliteRows(run.voix, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'letter'")[0].n;
  assert.ok(recipients >= 1);
  const letters = (await run.sink.waitFor(1 + recipients)).slice(1);
  for (const letter of letters) {
    assert.ok(letter.to[0].endsWith('@parl.gc.ca>'), letter.to[0]);
    assert.equal(header(letter.data, 'Reply-To'), `"Camille Roy" <${SENDER}>`);
    const body = textPart(letter.data);
    assert.match(body, /Je suis infirmière à Montréal\./);
    assert.ok(body.includes('Code postal\u00a0: H2X 1Y4'), body);
    assert.ok(body.includes(`Circonscription\u00a0: ${request.riding}`), body);
    assert.ok(body.includes('Répondez à ce courriel pour lui écrire directement.'), body);
  }
  assert.deepEqual(sqliteRows(run.voix, 'SELECT DISTINCT lang FROM outbox'), [{ lang: 'fr' }]);
  assert.deepEqual(sqliteRows(run.voix, 'SELECT status FROM letter_requests'), [{ status: 'confirmed' }]);
  for (const watched of [seen, confirmSeen]) {
    assert.deepEqual(watched.consoleErrors, []);
    assert.deepEqual(watched.pageErrors, []);
  }
  await context.close();
});

test('retirer son consentement depuis le lien du courriel : chaque consentement donné est retiré', async () => {
  assert.ok(run.withdrawLink, 'the French letter test ran first');
  // The same person signed the petition and ticked both boxes: there is consent to withdraw.
  const context = await run.browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true,
    locale: 'fr-CA' });
  const { page: petition, seen: petitionSeen } = await openPetition(run.browser, run.voix.origin,
    { lang: 'fr', context });
  const boxes = petition.locator('.voix-consent input[type=checkbox]');
  assert.equal(await boxes.count(), 2);
  for (const box of await boxes.all()) await box.check();
  await fillSigner(petition, { first: 'Camille', last: 'Roy', email: SENDER, postal: 'H2X 1Y4' }, 'fr');
  await petition.getByRole('button', { name: LABELS.fr.sign }).click();
  await petition.getByRole('heading', { name: /Merci d'avoir signé/ }).waitFor({ timeout: 20_000 });
  const ledger = `SELECT c.organisation, c.action FROM consents c JOIN signatures s ON s.id = c.signature_id
    WHERE s.email = '${SENDER}' ORDER BY c.entry`;
  assert.deepEqual(sqliteRows(run.voix, ledger),
    [{ organisation: 'organiser', action: 'given' }, { organisation: 'partner:demo', action: 'given' }]);
  const before = run.sink.messages.length;

  const { page, response, seen } = await open(context, run.withdrawLink);
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.getByRole('heading', { level: 1, name: 'Retirer votre consentement' }).waitFor();
  await page.getByText(FR.withdrawBody).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'axe : le formulaire');
  // Typed as a person might: the server normalises it.
  await page.getByLabel('Adresse courriel', { exact: true }).fill(' Camille.Roy@Example.org ');
  await page.getByRole('button', { name: "M'envoyer le lien" }).click();
  await page.getByText(FR.withdrawSent).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.deepEqual(await seriousViolations(page), [], 'axe : la réponse');

  const withdrawal = (await run.sink.waitFor(before + 1))[before];
  assert.deepEqual(withdrawal.to, [`<${SENDER}>`]);
  assert.equal(header(withdrawal.data, 'Subject'), 'Confirmez que vous ne voulez plus recevoir nos messages');
  const text = textPart(withdrawal.data);
  assert.ok(text.startsWith(FR.withdrawIntro), text);
  assert.ok(text.includes("Si vous n'avez rien demandé, ne tenez pas compte de ce courriel\u00a0: rien ne "
    + 'change.'), text);
  const link = text.match(/http:\/\/\S+\/withdraw\/[0-9a-f]+/)?.[0];
  assert.ok(link, text);

  // A mail scanner's prefetch withdraws nothing.
  assert.equal((await fetch(link)).status, 200);
  assert.deepEqual(sqliteRows(run.voix, 'SELECT email, lang, confirmed_at FROM withdrawal_requests'),
    [{ email: SENDER, lang: 'fr', confirmed_at: null }]);
  assert.equal(sqliteRows(run.voix, ledger).length, 2);

  const { page: confirmPage, seen: confirmSeen } = await open(context, link);
  assert.equal(await confirmPage.locator('html').getAttribute('lang'), 'fr');
  await confirmPage.getByText(FR.withdrawConfirmBody).waitFor();
  assert.deepEqual(await seriousViolations(confirmPage), [], 'axe : la page du lien');
  await confirmPage.getByRole('button', { name: 'Retirer mon consentement' }).click();
  await confirmPage.getByText(FR.withdrawn).waitFor();
  assert.deepEqual(await seriousViolations(confirmPage), [], 'axe : retiré');

  assert.deepEqual(sqliteRows(run.voix, ledger), [
    { organisation: 'organiser', action: 'given' }, { organisation: 'partner:demo', action: 'given' },
    { organisation: 'organiser', action: 'withdrawn' }, { organisation: 'partner:demo', action: 'withdrawn' },
  ]);
  const [request] = sqliteRows(run.voix, 'SELECT confirmed_at FROM withdrawal_requests');
  assert.ok(request.confirmed_at > 0, 'the request is used');

  // The link works once.
  const again = await fetch(link, { method: 'POST', headers: { 'accept-language': 'fr-CA' } });
  assert.equal(again.status, 404);
  assert.match(await again.text(), /<p>Ce lien est expiré ou a déjà servi\.<\/p>/);
  assert.equal(sqliteRows(run.voix, ledger).length, 4);
  for (const watched of [petitionSeen, seen, confirmSeen]) {
    assert.deepEqual(watched.consoleErrors, []);
    assert.deepEqual(watched.pageErrors, []);
  }
  await context.close();
});

test('in English, from the browser\'s language: an unknown address gets the same answer and no email; a known '
  + 'one gets the link, whose button confirms', async () => {
  const url = `${run.voix.origin}/withdraw?campaign=lawful-access`;
  // Without a lang parameter the page follows Accept-Language.
  const french = await (await fetch(url, { headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' } })).text();
  assert.match(french, /<html lang="fr">/);
  const context = await run.browser.newContext({ viewport: { width: 375, height: 900 }, bypassCSP: true,
    locale: 'en-CA' });
  const ask = async (email) => {
    const opened = await open(context, url);
    assert.equal(await opened.page.locator('html').getAttribute('lang'), 'en');
    await opened.page.getByRole('heading', { level: 1, name: 'Withdraw your consent' }).waitFor();
    await opened.page.getByText(EN.withdrawBody).waitFor();
    assert.deepEqual(await seriousViolations(opened.page), [], 'axe: the form');
    await opened.page.getByLabel('Email address', { exact: true }).fill(email);
    await opened.page.getByRole('button', { name: 'Email me the link' }).click();
    await opened.page.getByText(EN.withdrawSent).waitFor();
    assert.deepEqual(await seriousViolations(opened.page), [], 'axe: the answer');
    return opened;
  };

  // The server never saw this address: the same answer, but no email and nothing stored.
  const before = run.sink.messages.length;
  const unknown = await ask('nobody@example.org');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(run.sink.messages.length, before, 'no email to an unknown address');
  assert.deepEqual(sqliteRows(run.voix, "SELECT COUNT(*) AS n FROM withdrawal_requests WHERE email = 'nobody@example.org'"),
    [{ n: 0 }]);

  // The letter's sender is known: the English email and its link.
  const known = await ask(SENDER);
  const withdrawal = (await run.sink.waitFor(before + 1))[before];
  assert.deepEqual(withdrawal.to, [`<${SENDER}>`]);
  assert.equal(header(withdrawal.data, 'Subject'), 'Confirm you want to stop hearing from us');
  const link = textPart(withdrawal.data).match(/http:\/\/\S+\/withdraw\/[0-9a-f]+/)?.[0];
  assert.ok(link, withdrawal.data);

  const ledgerRows = sqliteRows(run.voix, 'SELECT COUNT(*) AS n FROM consents')[0].n;
  const { page: confirmPage, seen: confirmSeen } = await open(context, link);
  assert.equal(await confirmPage.locator('html').getAttribute('lang'), 'en');
  await confirmPage.getByText(EN.withdrawConfirmBody).waitFor();
  assert.deepEqual(await seriousViolations(confirmPage), [], 'axe: the link\'s page');
  await confirmPage.getByRole('button', { name: 'Withdraw my consent' }).click();
  await confirmPage.getByText(EN.withdrawn).waitFor();
  assert.equal(sqliteRows(run.voix, 'SELECT COUNT(*) AS n FROM consents')[0].n, ledgerRows,
    'already withdrawn in French: nothing more to withdraw');
  assert.deepEqual(sqliteRows(run.voix, `SELECT lang FROM withdrawal_requests WHERE email = '${SENDER}' `
    + "AND lang = 'en' AND confirmed_at IS NOT NULL"), [{ lang: 'en' }]);

  // The used link: a 404 whose title fits a withdrawal link too.
  const { page: usedPage, response: used, seen: usedSeen } = await open(context, link);
  assert.equal(used.status(), 404);
  await usedPage.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
  // Chromium reports the used link's own 404 in the console; nothing else may appear there.
  usedSeen.consoleErrors = usedSeen.consoleErrors.filter((error) => !error.includes(link));
  for (const watched of [unknown.seen, known.seen, confirmSeen, usedSeen]) {
    assert.deepEqual(watched.consoleErrors, []);
    assert.deepEqual(watched.pageErrors, []);
  }
  await context.close();
});
