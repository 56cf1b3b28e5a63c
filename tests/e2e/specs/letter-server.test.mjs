// "Send it for me": the demo page sends a letter through the Voix server, the confirmation email is
// captured by a loopback SMTP sink, its link opens a page whose button confirms (opening it alone sends nothing),
// and the letter reaches the MP and the minister from the campaign's address with the sender as Reply-To.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startVoix, launchBrowser, openLetter, findRiding, seriousViolations, sqliteRows } from '../lib/harness.mjs';
import { startSmtpSink, header, textPart } from '../lib/smtp-sink.mjs';

const run = {};

before(async () => {
  run.sink = await startSmtpSink();
  run.voix = await startVoix({
    editCampaign: (campaign) => {
      if (campaign.letter) campaign.letter.send = ['email_app', 'copy', 'print', 'server'];
    },
    serveArgs: run.sink.serveArgs,
  });
  run.browser = await launchBrowser();
});

after(async () => {
  await run.browser?.close();
  await run.voix?.stop();
  await run.sink?.stop();
});

test('a letter sent through the server leaves only after the button in the emailed link is pressed', async () => {
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin);
  await findRiding(page, 'K1A 0A6');
  await page.getByLabel('Your story').fill('I am a nurse in Ottawa.');
  await page.getByLabel('Your name', { exact: true }).fill('Alex Tremblay');
  await page.getByRole('checkbox', { name: /Gary Anandasangaree/ }).check().catch(() => {});
  const email = page.getByLabel('Your email', { exact: true });
  await email.waitFor({ timeout: 15_000 });
  await email.fill('alex@example.org');
  await page.getByRole('button', { name: 'Send it for me' }).click();
  await page.getByText('Check your email: your letter leaves once you press the button').waitFor();
  assert.deepEqual(await seriousViolations(page), []);

  const [confirmation] = await run.sink.waitFor(1);
  assert.deepEqual(confirmation.to, ['<alex@example.org>']);
  const text = textPart(confirmation.data);
  const link = text.match(/http:\/\/\S+\/confirm\/[0-9a-f]+/)?.[0];
  assert.ok(link, text);
  assert.match(text, /\/withdraw\?campaign=lawful-access/);

  // A mail scanner's prefetch: nothing is confirmed.
  const prefetch = await fetch(link);
  assert.equal(prefetch.status, 200);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(run.sink.messages.length, 1, 'a GET sends nothing');
  assert.deepEqual(sqliteRows(run.voix, "SELECT status FROM letter_requests"), [{ status: 'pending' }]);

  const confirmPage = await context.newPage();
  await confirmPage.goto(link);
  assert.deepEqual(await seriousViolations(confirmPage), []);
  await confirmPage.getByRole('button', { name: 'Send my letter' }).click();
  await confirmPage.getByText('Thank you: your letter is on its way.').waitFor();

  const recipients = sqliteRows(run.voix, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'letter'")[0].n;
  assert.ok(recipients >= 1);
  const all = await run.sink.waitFor(1 + recipients);
  const letters = all.slice(1);
  for (const letter of letters) {
    assert.ok(letter.to[0].endsWith('@parl.gc.ca>'), letter.to[0]);
    assert.equal(header(letter.data, 'From'), '"Alex Tremblay" <lettres@action.example.org>');
    assert.equal(header(letter.data, 'Reply-To'), '"Alex Tremblay" <alex@example.org>');
    assert.match(header(letter.data, 'Message-ID'), /^<[0-9a-f]{32}@action\.example\.org>$/);
    const body = textPart(letter.data);
    assert.match(body, /I am a nurse in Ottawa\./);
    assert.match(body, /Postal code: K1A 0A6/);
  }
  console.log(`delivered: 1 confirmation email, ${letters.length} letter(s) to ${letters.map((l) => l.to[0]).join(', ')}`);
  assert.deepEqual(seen.consoleErrors, []);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('a letter longer than the server sends is stopped in the page, with the limit said, and nothing is sent', async () => {
  const before = run.sink.messages.length;
  const { context, page, seen } = await openLetter(run.browser, run.voix.origin);
  await findRiding(page, 'K1A 0A6');
  await page.getByLabel('Your name', { exact: true }).fill('Alex Tremblay');
  await page.locator('#voix-message').fill('A long letter. '.repeat(900));
  const email = page.getByLabel('Your email', { exact: true });
  await email.waitFor({ timeout: 15_000 });
  await email.fill('alex.long@example.org');
  await page.getByRole('button', { name: 'Send it for me' }).click();
  await page.getByText('Your letter is longer than we can send (12,000 characters at most)').waitFor();
  assert.equal(await page.locator('#voix-message').inputValue(), 'A long letter. '.repeat(900), 'nothing typed is lost');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(run.sink.messages.length, before, 'no confirmation email');
  assert.deepEqual(sqliteRows(run.voix, "SELECT COUNT(*) AS n FROM letter_requests WHERE sender_email = 'alex.long@example.org'"), [{ n: 0 }]);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});
